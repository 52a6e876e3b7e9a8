//! The plan as readable text for a terminal: sections, wrapped to the width, bold headings only
//! when colour is on.

use std::borrow::Cow;
use std::io::{self, Write};

use super::PlanRenderer;
use crate::graph::Kind;
use crate::graph::model::Contact;
use crate::i18n::{Lang, Ui};
use crate::plan::{Plan, Recommendation};
use crate::text::sanitize;

/// How text output looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextStyle {
    /// Columns to wrap at.
    pub width: usize,
    /// Whether to use bold and colour (a terminal, and `NO_COLOR` unset).
    pub color: bool,
    /// The language of the tool's own words.
    pub lang: Lang,
}

impl TextStyle {
    /// The width when output is not a terminal, and the widest a terminal line gets.
    pub const DEFAULT_WIDTH: usize = 80;
    /// Lines wider than this are hard to read, however wide the terminal.
    pub const MAX_WIDTH: usize = 100;

    /// Plain style: 80 columns, no colour.
    pub fn plain(lang: Lang) -> TextStyle {
        TextStyle {
            width: Self::DEFAULT_WIDTH,
            color: false,
            lang,
        }
    }

    fn heading(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }

    fn alarm(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[1;31m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }
}

/// The text renderer.
#[derive(Debug, Clone, Copy)]
pub struct Text(pub TextStyle);

impl PlanRenderer for Text {
    fn render(&self, plan: &Plan, out: &mut dyn Write) -> io::Result<()> {
        let style = &self.0;
        let lang = style.lang;
        let w = Wrapper {
            width: style.width.max(30),
        };
        let title = format!(
            "{}: {} · {}",
            Ui::PlanTitle.get(lang),
            plan.role.label,
            plan.concern.label
        );
        writeln!(out, "{}", style.heading(&sanitize(&title)))?;
        writeln!(out)?;
        w.painted(out, plan.emergency, "", "", |s| Cow::Owned(style.alarm(s)))?;

        let questions: Vec<_> = plan.asked.iter().filter(|a| !a.text.is_empty()).collect();
        if !questions.is_empty() {
            writeln!(out)?;
            writeln!(out, "{}", style.heading(Ui::AnswersHeading.get(lang)))?;
            for a in questions {
                let mark = if a.assumed {
                    format!(" ({})", Ui::Assumed.get(lang))
                } else {
                    String::new()
                };
                w.para(out, &format!("{} {}{mark}", a.text, a.label), "  ", "    ")?;
            }
        }
        if !plan.ignored.is_empty() {
            let list: Vec<String> = plan
                .ignored
                .iter()
                .map(|(q, o)| format!("{q}={o}"))
                .collect();
            w.para(
                out,
                &format!("{}: {}", Ui::NotUsed.get(lang), list.join(", ")),
                "  ",
                "    ",
            )?;
        }

        let urgent: Vec<&Recommendation> = plan.of_kind(Kind::Step).filter(|r| r.urgent).collect();
        let steps: Vec<&Recommendation> = plan.of_kind(Kind::Step).filter(|r| !r.urgent).collect();
        if !urgent.is_empty() {
            let heading = Ui::Urgent.get(lang).to_uppercase();
            section(out, &heading, |s| style.alarm(s))?;
            numbered(out, &w, style, &urgent)?;
        }
        if !steps.is_empty() {
            section(out, Ui::NextSteps.get(lang), |s| style.heading(s))?;
            numbered(out, &w, style, &steps)?;
        }
        for (kind, heading) in [
            (Kind::Partner, Ui::Partners),
            (Kind::Training, Ui::Trainings),
            (Kind::Resource, Ui::Resources),
            (Kind::Network, Ui::Networks),
        ] {
            let recs: Vec<&Recommendation> = plan.of_kind(kind).collect();
            if recs.is_empty() {
                continue;
            }
            section(out, heading.get(lang), |s| style.heading(s))?;
            for (i, r) in recs.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                entry(out, &w, style, r)?;
            }
        }
        let advice: Vec<&Recommendation> = plan.of_kind(Kind::Advice).collect();
        if !advice.is_empty() {
            section(out, Ui::Advice.get(lang), |s| style.heading(s))?;
            for r in advice {
                w.para(out, r.text, "  • ", "    ")?;
                because(out, &w, style, r)?;
            }
        }

        writeln!(out)?;
        writeln!(out, "{}", "─".repeat(w.width.min(60)))?;
        if !plan.assumed.is_empty() {
            let list: Vec<String> = plan
                .assumed
                .iter()
                .map(|(q, o)| format!("{q}={o}"))
                .collect();
            w.para(
                out,
                &format!(
                    "{}: {}. {} --answer QUESTION=OPTION.",
                    capitalize(Ui::Assumed.get(lang)),
                    list.join(", "),
                    Ui::ChangeWith.get(lang)
                ),
                "",
                "",
            )?;
        }
        let footer = format!(
            "{} {} {} · {} {}",
            Ui::GraphFooter.get(lang),
            plan.graph.id,
            plan.graph.version,
            Ui::Reviewed.get(lang),
            plan.graph.reviewed
        );
        w.para(out, &footer, "", "")?;
        for o in plan.graph.overlays {
            let line = format!(
                "+ {} {} · {} {}",
                o.id,
                o.version,
                Ui::Reviewed.get(lang),
                o.reviewed
            );
            w.para(out, &line, "  ", "    ")?;
        }
        if !plan.sources.is_empty() {
            let list: Vec<String> = plan
                .sources
                .iter()
                .map(|s| {
                    let (title, dated) = super::cited(s, lang);
                    format!("{title} ({dated}, {})", s.url)
                })
                .collect();
            w.para(
                out,
                &format!("{}: {}", Ui::Sources.get(lang), list.join("; ")),
                "",
                "  ",
            )?;
        }
        if let Some(trace) = &plan.trace {
            writeln!(out)?;
            writeln!(out, "{}", style.heading(Ui::Trace.get(lang)))?;
            for step in trace {
                let asked = match (&step.question, &step.answer) {
                    (Some(q), Some(a)) if step.assumed => {
                        format!(" {q}={a} ({})", Ui::Assumed.get(lang))
                    }
                    (Some(q), Some(a)) => format!(" {q}={a}"),
                    _ => String::new(),
                };
                let mut added = if step.added.is_empty() {
                    String::new()
                } else {
                    format!(" + {}", step.added.join(", "))
                };
                if !step.skipped.is_empty() {
                    let skipped = Ui::Skipped.get(lang);
                    added.push_str(&format!(" ({skipped}: {})", step.skipped.join(", ")));
                }
                w.para(out, &format!("{}{asked}{added}", step.node), "  ", "      ")?;
            }
        }
        Ok(())
    }
}

/// A blank line and a heading. The text is sanitized before `paint` styles it: sanitizing
/// afterwards would turn the style's own escape codes into visible `\u{1b}` text.
fn section(out: &mut dyn Write, heading: &str, paint: impl Fn(&str) -> String) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{}", paint(&sanitize(heading)))
}

fn numbered(
    out: &mut dyn Write,
    w: &Wrapper,
    style: &TextStyle,
    recs: &[&Recommendation],
) -> io::Result<()> {
    for (i, r) in recs.iter().enumerate() {
        let first = format!("  {}. ", i + 1);
        let rest = " ".repeat(first.chars().count());
        w.para(out, r.text, &first, &rest)?;
        if let Some(why) = &r.why {
            w.para(out, why, &rest, &rest)?;
        }
        if let Some(name) = local_name(r) {
            w.para(out, name, &rest, &rest)?;
        }
        contact(out, w, style, &r.contact, &rest)?;
        local(out, w, style, r, &rest)?;
        if r.review_due {
            // A step's partner details that are due for a check.
            let due = capitalize(Ui::ReviewedLongAgo.get(style.lang));
            w.para(out, &due, &rest, &rest)?;
        }
        unverified(out, w, style, r, &rest)?;
        because(out, w, style, r)?;
    }
    Ok(())
}

/// The local name of the party a step names, once an overlay filled its slot: the step's text
/// is generic ("your municipality's OOV official"), the filled slot says who that is here.
fn local_name<'r>(r: &'r Recommendation) -> Option<&'r str> {
    let filled = r.local.as_ref().is_some_and(|l| !l.is_open());
    r.partner.as_ref().filter(|_| filled).map(|p| p.label)
}

/// Whose local details these are, or the route to find them while no overlay gave them.
fn local(
    out: &mut dyn Write,
    w: &Wrapper,
    style: &TextStyle,
    r: &Recommendation,
    indent: &str,
) -> io::Result<()> {
    let Some(route) = &r.local else {
        return Ok(());
    };
    let lang = style.lang;
    let line = match &route.filled_by {
        Some(f) => format!(
            "{}: {}, {} {} · {} {}",
            Ui::LocalFrom.get(lang),
            f.name,
            Ui::Version.get(lang),
            f.version,
            Ui::Reviewed.get(lang),
            f.reviewed
        ),
        None => format!("{}: {}", Ui::LocalOpen.get(lang), route.find),
    };
    w.para(out, &line, indent, indent)
}

fn entry(
    out: &mut dyn Write,
    w: &Wrapper,
    style: &TextStyle,
    r: &Recommendation,
) -> io::Result<()> {
    let lang = style.lang;
    w.painted(out, r.text, "  • ", "    ", |s| {
        Cow::Owned(style.heading(s))
    })?;
    if let Some(p) = &r.partner {
        w.para(
            out,
            &format!("{}: {}", Ui::OfferedBy.get(lang), p.label),
            "    ",
            "    ",
        )?;
    }
    if let Some(summary) = &r.summary {
        w.para(
            out,
            &format!("{}: {summary}", Ui::WhatTheyOffer.get(lang)),
            "    ",
            "    ",
        )?;
    }
    if let Some(why) = &r.why {
        w.para(
            out,
            &format!("{}: {why}", Ui::WhyNow.get(lang)),
            "    ",
            "    ",
        )?;
    }
    contact(out, w, style, &r.contact, "    ")?;
    local(out, w, style, r, "    ")?;
    let mut checked = Vec::new();
    if let (Some(source), Some(reviewed)) = (&r.source, &r.reviewed) {
        let (title, dated) = super::cited(source, lang);
        checked.push(format!(
            "{}: {title} ({dated}) · {} {reviewed}",
            Ui::Source.get(lang),
            Ui::Reviewed.get(lang)
        ));
    }
    if r.review_due {
        checked.push(Ui::ReviewedLongAgo.get(lang).to_owned());
    }
    if !checked.is_empty() {
        w.para(out, &checked.join(" · "), "    ", "    ")?;
    }
    unverified(out, w, style, r, "    ")?;
    because(out, w, style, r)
}

fn unverified(
    out: &mut dyn Write,
    w: &Wrapper,
    style: &TextStyle,
    r: &Recommendation,
    indent: &str,
) -> io::Result<()> {
    if r.verified {
        return Ok(());
    }
    let caveat = r.caveat.map(|c| format!(": {c}")).unwrap_or_default();
    let text = format!("{}{caveat}", capitalize(Ui::Unverified.get(style.lang)));
    w.painted(out, &text, indent, indent, |s| Cow::Owned(style.alarm(s)))
}

fn contact(
    out: &mut dyn Write,
    w: &Wrapper,
    style: &TextStyle,
    c: &Contact,
    indent: &str,
) -> io::Result<()> {
    let lang = style.lang;
    let mut parts = Vec::new();
    if let Some(site) = &c.website {
        parts.push(format!("{}: {site}", Ui::Website.get(lang)));
    }
    if let Some(phone) = &c.phone {
        parts.push(format!("{}: {phone}", Ui::Phone.get(lang)));
    }
    if let Some(email) = &c.email {
        parts.push(format!("{}: {email}", Ui::Email.get(lang)));
    }
    if parts.is_empty() {
        return Ok(());
    }
    w.para(out, &parts.join(" · "), indent, indent)
}

fn because(
    out: &mut dyn Write,
    w: &Wrapper,
    style: &TextStyle,
    r: &Recommendation,
) -> io::Result<()> {
    let Some(reasons) = &r.because else {
        return Ok(());
    };
    let list: Vec<String> = reasons
        .iter()
        .map(|reason| {
            let mut parts = reason.answers.join(", ");
            if !reason.when.is_empty() {
                let sep = if parts.is_empty() { "" } else { "; " };
                let met = Ui::ConditionMet.get(style.lang);
                parts = format!("{parts}{sep}{met}: {}", reason.when.join(", "));
            }
            match parts.is_empty() {
                true => reason.node.to_owned(),
                false => format!("{} ({parts})", reason.node),
            }
        })
        .collect();
    w.para(
        out,
        &format!("↳ {}: {}", Ui::Because.get(style.lang), list.join(", ")),
        "      ",
        "        ",
    )
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Wraps paragraphs to a width with a first-line and a continuation indent.
struct Wrapper {
    width: usize,
}

impl Wrapper {
    fn para(&self, out: &mut dyn Write, text: &str, first: &str, rest: &str) -> io::Result<()> {
        self.painted(out, text, first, rest, |s| Cow::Borrowed(s))
    }

    /// Like [`Wrapper::para`], with `paint` applied to each line's text (not its indent), so
    /// styles never leak into indentation and escapes in `text` are never mistaken for ours.
    fn painted(
        &self,
        out: &mut dyn Write,
        text: &str,
        first: &str,
        rest: &str,
        paint: impl for<'s> Fn(&'s str) -> Cow<'s, str>,
    ) -> io::Result<()> {
        let text = sanitize(text);
        let widths = [
            self.width
                .saturating_sub(textwrap::core::display_width(first)),
            self.width
                .saturating_sub(textwrap::core::display_width(rest)),
        ];
        let mut line_no = 0;
        let mut emit = |out: &mut dyn Write, body: &str| {
            let indent = if line_no == 0 { first } else { rest };
            line_no += 1;
            let body = body.trim_end();
            // Three plain writes: the formatting machinery cost more than the wrapping.
            if !body.is_empty() {
                out.write_all(indent.as_bytes())?;
                out.write_all(paint(body).as_bytes())?;
            }
            out.write_all(b"\n")
        };
        for (i, paragraph) in text.split('\n').enumerate() {
            // textwrap's first fit over words split at ASCII spaces, with the widths of its
            // `display_width`; only the width of a printable ASCII word is taken as its length
            // rather than counted char by char, and no line is allocated. A test holds this
            // equal to `textwrap::wrap` with the options this renderer used before.
            let mut line_width = widths[usize::from(i > 0)];
            let (mut start, mut end, mut used) = (0, 0, 0);
            // Checked once for the paragraph, in a loop the compiler widens, rather than per word.
            let printable = paragraph
                .bytes()
                .fold(true, |all, b| all & (b' '..=b'~').contains(&b));
            for (at, word, spaces) in words(paragraph) {
                let width = if printable || word.bytes().all(|b| b.is_ascii_graphic()) {
                    word.len()
                } else {
                    textwrap::core::display_width(word)
                };
                if used + width > line_width && at > start {
                    emit(out, &paragraph[start..end])?;
                    line_width = widths[1];
                    (start, used) = (at, 0);
                }
                used += width + spaces;
                end = at + word.len();
            }
            emit(out, &paragraph[start..end])?;
        }
        Ok(())
    }
}

/// The words of a line as textwrap's ASCII-space separator finds them: each word's offset, the
/// word without its trailing spaces, and the number of those spaces. Leading spaces form a word
/// of their own, empty but for its spaces.
fn words(line: &str) -> impl Iterator<Item = (usize, &str, usize)> {
    let bytes = line.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        while at < bytes.len() && bytes[at] != b' ' {
            at += 1;
        }
        let word_end = at;
        while at < bytes.len() && bytes[at] == b' ' {
            at += 1;
        }
        Some((start, &line[start..word_end], at - word_end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{PlanOptions, plan_for};
    use crate::query::RawQuery;

    fn coloured(lang: Lang) -> String {
        let graph = crate::graph::builtin();
        let raw = RawQuery {
            role: Some("teacher".into()),
            concern: Some("radicalisation".into()),
            answers: vec![("acute-danger".into(), "yes".into())],
        };
        let opts = PlanOptions {
            today: "2026-12-01".parse().unwrap(),
            ..PlanOptions::new(lang)
        };
        let plan = plan_for(&graph, &raw, &opts).unwrap();
        let style = TextStyle {
            color: true,
            ..TextStyle::plain(lang)
        };
        let mut out = Vec::new();
        Text(style).render(&plan, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The wrapper as it was: `textwrap::wrap` with these options, line by line.
    fn textwrap_reference(text: &str, width: usize, first: &str, rest: &str) -> String {
        let mut out = String::new();
        let mut line_no = 0;
        for paragraph in text.split('\n') {
            let opts = textwrap::Options::new(width)
                .initial_indent(if line_no == 0 { first } else { rest })
                .subsequent_indent(rest)
                .break_words(false)
                .word_splitter(textwrap::WordSplitter::NoHyphenation);
            for line in textwrap::wrap(paragraph, opts) {
                let indent = if line_no == 0 { first } else { rest };
                let body = line.strip_prefix(indent).unwrap_or(&line).trim_end();
                if !body.is_empty() {
                    out.push_str(indent);
                    out.push_str(body);
                }
                out.push('\n');
                line_no += 1;
            }
        }
        out
    }

    fn wrapped(text: &str, width: usize, first: &str, rest: &str) -> String {
        let mut out = Vec::new();
        Wrapper { width }.para(&mut out, text, first, rest).unwrap();
        String::from_utf8(out).unwrap()
    }

    proptest::proptest! {
        /// The wrapper's own first fit breaks lines exactly where textwrap did, for any mix of
        /// words, runs of spaces, blank lines, wide and combining characters and tabs.
        #[test]
        fn wrapping_matches_textwrap(
            text in "([a-z]{1,12}|[ ]{1,3}|\n|é|·|→|漢字|e\u{301}|\t|https://[a-z./]{10,40}){0,40}",
            width in 1usize..60,
            first in proptest::sample::select(vec!["", "  ", "  • ", "  12. ", "      "]),
            rest in proptest::sample::select(vec!["", "  ", "    ", "        "]),
        ) {
            proptest::prop_assert_eq!(
                wrapped(&text, width, first, rest),
                textwrap_reference(&text, width, first, rest)
            );
        }
    }

    /// Regression: the urgent heading was styled and then sanitized, so a colour terminal
    /// showed `\u{1b}[1;31mFIRST: URGENT\u{1b}[0m` as text, on the first line a person in
    /// acute danger reads.
    #[test]
    fn the_urgent_heading_is_red_on_a_colour_terminal_not_escape_text() {
        for (lang, heading) in [(Lang::En, "FIRST: URGENT"), (Lang::Nl, "EERST: ACUUT")] {
            let text = coloured(lang);
            assert!(
                text.contains(&format!("\n\x1b[1;31m{heading}\x1b[0m\n")),
                "{text}"
            );
            assert!(!text.contains("\\u{1b}"), "{text}");
            // Every other heading is bold, with real escape codes too.
            assert!(text.contains("\x1b[1m"), "{text}");
        }
    }
}
