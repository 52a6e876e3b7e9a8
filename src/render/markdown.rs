//! The plan as Markdown (CommonMark), to paste into a case note or an e-mail.
//!
//! Every text from the rule graph is escaped, so a `*` or `[` in a partner's description stays a
//! character and never turns into formatting or a link.

use std::io::{self, Write};

use super::PlanRenderer;
use crate::graph::Kind;
use crate::graph::model::Contact;
use crate::i18n::{Lang, Ui};
use crate::plan::{Plan, Recommendation};
use crate::text::sanitize;

/// The Markdown renderer.
#[derive(Debug, Clone, Copy)]
pub struct Markdown {
    /// The language of the tool's own words.
    pub lang: Lang,
}

impl PlanRenderer for Markdown {
    fn render(&self, plan: &Plan, out: &mut dyn Write) -> io::Result<()> {
        let lang = self.lang;
        writeln!(
            out,
            "# {}: {} · {}\n",
            Ui::PlanTitle.get(lang),
            esc(plan.role.label),
            esc(plan.concern.label)
        )?;
        writeln!(out, "> **{}**\n", esc(plan.emergency))?;

        let questions: Vec<_> = plan.asked.iter().filter(|a| !a.text.is_empty()).collect();
        if !questions.is_empty() {
            writeln!(out, "**{}**\n", Ui::AnswersHeading.get(lang))?;
            for a in questions {
                let mark = if a.assumed {
                    format!(" _({})_", Ui::Assumed.get(lang))
                } else {
                    String::new()
                };
                writeln!(out, "- {} **{}**{mark}", esc(a.text), esc(a.label))?;
            }
            writeln!(out)?;
        }

        let urgent: Vec<&Recommendation> = plan.of_kind(Kind::Step).filter(|r| r.urgent).collect();
        let steps: Vec<&Recommendation> = plan.of_kind(Kind::Step).filter(|r| !r.urgent).collect();
        for (recs, heading) in [(urgent, Ui::Urgent), (steps, Ui::NextSteps)] {
            if recs.is_empty() {
                continue;
            }
            writeln!(out, "## {}\n", heading.get(lang))?;
            for (i, r) in recs.iter().enumerate() {
                let mut lines = vec![esc(r.text)];
                lines.extend(r.why.map(esc));
                // Once a slot is filled, the step's generic party has a local name.
                let filled = r.local.as_ref().is_some_and(|l| !l.is_open());
                lines.extend(r.partner.as_ref().filter(|_| filled).map(|p| esc(p.label)));
                lines.extend(contact(&r.contact, lang));
                lines.extend(local(r, lang));
                if r.review_due {
                    lines.push(format!("**{}**", Ui::ReviewedLongAgo.get(lang)));
                }
                lines.extend(unverified(r, lang));
                lines.extend(because(r, lang));
                writeln!(out, "{}. {}", i + 1, lines.join("\\\n   "))?;
            }
            writeln!(out)?;
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
            writeln!(out, "## {}\n", heading.get(lang))?;
            for r in recs {
                writeln!(out, "- {}", entry(r, lang).join("\\\n  "))?;
            }
            writeln!(out)?;
        }
        let advice: Vec<&Recommendation> = plan.of_kind(Kind::Advice).collect();
        if !advice.is_empty() {
            writeln!(out, "## {}\n", Ui::Advice.get(lang))?;
            for r in advice {
                let mut lines = vec![esc(r.text)];
                lines.extend(because(r, lang));
                writeln!(out, "- {}", lines.join("\\\n  "))?;
            }
            writeln!(out)?;
        }

        writeln!(out, "---\n")?;
        if !plan.assumed.is_empty() {
            let list: Vec<String> = plan
                .assumed
                .iter()
                .map(|(q, o)| format!("`{q}={o}`"))
                .collect();
            writeln!(out, "{}: {}.\n", Ui::Assumed.get(lang), list.join(", "))?;
        }
        let mut footer = format!(
            "{} {} {} · {} {}",
            Ui::GraphFooter.get(lang),
            esc(plan.graph.id),
            esc(plan.graph.version),
            Ui::Reviewed.get(lang),
            plan.graph.reviewed
        );
        for o in plan.graph.overlays {
            footer.push_str(&format!(
                " + {} {} · {} {}",
                esc(&o.id),
                esc(&o.version),
                Ui::Reviewed.get(lang),
                o.reviewed
            ));
        }
        writeln!(out, "_{footer}_\n")?;
        if !plan.sources.is_empty() {
            writeln!(out, "{}:\n", Ui::Sources.get(lang))?;
            for s in &plan.sources {
                let (title, dated) = super::cited(s, lang);
                writeln!(out, "- {} ({}) {}", esc(&title), esc(&dated), link(s.url))?;
            }
        }
        Ok(())
    }
}

fn entry(r: &Recommendation, lang: Lang) -> Vec<String> {
    let mut lines = vec![format!("**{}**", esc(r.text))];
    if let Some(p) = &r.partner {
        lines.push(format!("{}: {}", Ui::OfferedBy.get(lang), esc(p.label)));
    }
    if let Some(summary) = &r.summary {
        lines.push(format!("{}: {}", Ui::WhatTheyOffer.get(lang), esc(summary)));
    }
    if let Some(why) = &r.why {
        lines.push(format!("{}: {}", Ui::WhyNow.get(lang), esc(why)));
    }
    lines.extend(contact(&r.contact, lang));
    lines.extend(local(r, lang));
    if let (Some(source), Some(reviewed)) = (&r.source, &r.reviewed) {
        let (title, dated) = super::cited(source, lang);
        let mut line = format!(
            "_{}: {} ({}) · {} {reviewed}_",
            Ui::Source.get(lang),
            esc(&title),
            esc(&dated),
            Ui::Reviewed.get(lang)
        );
        if r.review_due {
            line.push_str(&format!(" · **{}**", Ui::ReviewedLongAgo.get(lang)));
        }
        lines.push(line);
    }
    lines.extend(unverified(r, lang));
    lines.extend(because(r, lang));
    lines
}

/// Whose local details these are (so a printed plan shows whose information it carries), or
/// the route to find them while no overlay gave them.
fn local(r: &Recommendation, lang: Lang) -> Option<String> {
    let route = r.local.as_ref()?;
    Some(match &route.filled_by {
        Some(f) => format!(
            "_{}: {}, {} {} · {} {}_",
            Ui::LocalFrom.get(lang),
            esc(f.name),
            Ui::Version.get(lang),
            esc(f.version),
            Ui::Reviewed.get(lang),
            f.reviewed
        ),
        None => format!("**{}:** {}", Ui::LocalOpen.get(lang), esc(route.find)),
    })
}

fn unverified(r: &Recommendation, lang: Lang) -> Option<String> {
    if r.verified {
        return None;
    }
    let caveat = r
        .caveat
        .map(|c| format!(": {}", esc(c)))
        .unwrap_or_default();
    Some(format!("**{}**{caveat}", Ui::Unverified.get(lang)))
}

fn contact(c: &Contact, lang: Lang) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(site) = &c.website {
        parts.push(format!("{}: {}", Ui::Website.get(lang), link(site)));
    }
    if let Some(phone) = &c.phone {
        parts.push(format!("{}: {}", Ui::Phone.get(lang), esc(phone)));
    }
    if let Some(email) = &c.email {
        parts.push(format!("{}: {}", Ui::Email.get(lang), email_link(email)));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

fn because(r: &Recommendation, lang: Lang) -> Option<String> {
    let reasons = r.because.as_ref()?;
    let list: Vec<String> = reasons
        .iter()
        .map(|reason| {
            let mut parts = reason.answers.join(", ");
            if !reason.when.is_empty() {
                let sep = if parts.is_empty() { "" } else { "; " };
                let met = Ui::ConditionMet.get(lang);
                parts = format!("{parts}{sep}{met}: {}", reason.when.join(", "));
            }
            match parts.is_empty() {
                true => format!("`{}`", reason.node),
                false => format!("`{}` ({})", reason.node, esc(&parts)),
            }
        })
        .collect();
    Some(format!("_{}: {}_", Ui::Because.get(lang), list.join(", ")))
}

/// An autolink when the address is safe in one, else the address as escaped text.
pub(crate) fn link(url: &str) -> String {
    let safe =
        url.starts_with("https://") || url.starts_with("http://") || url.starts_with("mailto:");
    if safe
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c == '<' || c == '>' || c.is_control())
    {
        format!("<{url}>")
    } else {
        esc(url)
    }
}

/// An e-mail address as a link that shows the address itself and opens a new mail
/// (`[ess@minszw.nl](mailto:ess@minszw.nl)`; an autolink would show `mailto:` as text), or the
/// address as escaped text when it holds anything unsafe in a link destination.
pub(crate) fn email_link(address: &str) -> String {
    let safe = address.contains('@')
        && address.chars().all(|c| {
            c.is_ascii_graphic() && !matches!(c, '<' | '>' | '(' | ')' | '[' | ']' | '\\' | '`')
        });
    if safe {
        format!("[{}](mailto:{address})", esc(address))
    } else {
        esc(address)
    }
}

/// Escapes CommonMark punctuation and control characters in a text from the rule graph.
pub(crate) fn esc(s: &str) -> String {
    let s = sanitize(s);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_punctuation() {
        assert_eq!(esc("a *b* [c](d) <e>"), r"a \*b\* \[c\](d) \<e\>");
        assert_eq!(esc("x\u{1b}[1m"), r"x\\u{1b}\[1m");
    }

    #[test]
    fn only_web_and_mail_addresses_become_links() {
        assert_eq!(link("https://www.nctv.nl"), "<https://www.nctv.nl>");
        assert_eq!(link("javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(link("https://x.nl/<a>"), r"https://x.nl/\<a\>");
    }
}
