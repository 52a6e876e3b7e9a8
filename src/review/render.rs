//! Writing a [`Worksheet`]: a Markdown checklist (`- [ ]` per fact, to tick in any editor or on
//! paper), CSV for a spreadsheet (RFC 4180: a header row, CRLF line ends, fields quoted when
//! they hold a comma, quote or line break; a field a spreadsheet would compute gets a leading
//! `'`), or JSON.

use std::io::{self, Write};

use super::{Fact, Worksheet};
use crate::i18n::Lang;
use crate::render::{
    markdown_email_link as email_link, markdown_escape as esc, markdown_link as link,
};

/// The formats of `review`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReviewFormat {
    /// A checklist, one `- [ ]` per fact.
    #[default]
    Markdown,
    /// One row per fact with a header row (RFC 4180).
    Csv,
    /// One JSON document, for programs.
    Json,
}

/// Writes `sheet` in `format`.
pub fn write(
    sheet: &Worksheet,
    format: ReviewFormat,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        ReviewFormat::Markdown => markdown(sheet, lang, out),
        ReviewFormat::Csv => csv(sheet, out),
        ReviewFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, sheet)?;
            writeln!(out)
        }
    }
}

/// The CSV columns, in order.
pub const CSV_HEADER: [&str; 15] = [
    "kind",
    "id",
    "name",
    "fact",
    "value",
    "source",
    "source_title",
    "source_url",
    "source_dated",
    "reviewed",
    "days_since_review",
    "verified",
    "caveat",
    "plans",
    "file",
];

fn csv(sheet: &Worksheet, out: &mut dyn Write) -> io::Result<()> {
    csv_row(out, CSV_HEADER.iter().map(|s| s.to_string()))?;
    for f in &sheet.facts {
        let s = f.source.as_ref();
        csv_row(
            out,
            [
                f.kind.as_str().to_owned(),
                f.id.clone(),
                f.name.clone(),
                f.fact.clone(),
                f.value.clone(),
                s.map(|s| s.id.clone()).unwrap_or_default(),
                s.map(|s| s.title.clone()).unwrap_or_default(),
                s.and_then(|s| s.url.clone()).unwrap_or_default(),
                s.and_then(|s| s.dated.clone()).unwrap_or_default(),
                f.reviewed.to_string(),
                f.days_since_review.to_string(),
                f.verified.to_string(),
                f.caveat.clone().unwrap_or_default(),
                f.plans.map(|p| p.to_string()).unwrap_or_default(),
                f.file.clone(),
            ]
            .into_iter(),
        )?;
    }
    Ok(())
}

/// One CSV record, RFC 4180: fields joined by commas, ended by CRLF.
fn csv_row(out: &mut dyn Write, fields: impl Iterator<Item = String>) -> io::Result<()> {
    let mut line = String::new();
    for (i, field) in fields.enumerate() {
        if i > 0 {
            line.push(',');
        }
        line.push_str(&csv_field(&field));
    }
    line.push_str("\r\n");
    out.write_all(line.as_bytes())
}

/// A field, quoted (with quotes doubled) when it holds a comma, a quote or a line break.
///
/// A field that a spreadsheet would read as a formula (it starts with `=`, `+`, `-`, `@`, a tab
/// or a carriage return) gets a leading `'`, so a rule file cannot make a reviewer's spreadsheet
/// compute or fetch anything (CSV injection); the cell then shows the text as written, with the
/// quote in front.
pub fn csv_field(s: &str) -> std::borrow::Cow<'_, str> {
    let guarded: std::borrow::Cow<'_, str> = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}").into()
    } else {
        s.into()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\"")).into()
    } else {
        guarded
    }
}

fn markdown(sheet: &Worksheet, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let w = Words::for_lang(lang);
    let g = &sheet.graph;
    writeln!(
        out,
        "# {}: `{}` {} ({} {})\n",
        w.title, g.id, g.version, w.reviewed, g.reviewed
    )?;
    writeln!(out, "{}", w.intro(sheet))?;
    if !sheet.plans_counted {
        writeln!(out, "\n{}", w.not_counted)?;
    }
    if sheet.facts.is_empty() {
        writeln!(out, "\n{}", w.nothing_due)?;
        return Ok(());
    }
    writeln!(out)?;
    for f in &sheet.facts {
        fact(f, &w, out)?;
    }
    Ok(())
}

fn fact(f: &Fact, w: &Words, out: &mut dyn Write) -> io::Result<()> {
    let value = if f.fact.starts_with("contact.website") {
        link(&f.value)
    } else if f.fact == "contact.email" {
        email_link(&f.value)
    } else {
        esc(&f.value)
    };
    writeln!(
        out,
        "- [ ] **{}** (`{}:{}`), `{}`: {}",
        esc(&f.name),
        f.kind.as_str(),
        f.id,
        f.fact,
        value.replace('\n', " ")
    )?;
    match &f.source {
        Some(s) => {
            let mut line = format!("  - {}: {}", w.source, esc(&s.title));
            if let Some(url) = &s.url {
                line.push_str(&format!(", {}", link(url)));
            }
            match s.dated.as_deref() {
                // The worksheet's machine value; a reader gets the words.
                Some("undated") => {
                    line.push_str(&format!(" ({})", crate::i18n::Ui::PageUndated.get(w.lang)))
                }
                Some(dated) => line.push_str(&format!(" ({} {})", w.page_dated, esc(dated))),
                None => {}
            }
            writeln!(out, "{line}")?;
        }
        None => writeln!(out, "  - {}", w.no_source)?,
    }
    let mut line = format!(
        "  - {} {} ({} {})",
        w.reviewed_cap, f.reviewed, f.days_since_review, w.days_ago
    );
    if !f.verified {
        line.push_str(&format!(" · **{}**", w.unverified));
    }
    if let Some(c) = &f.caveat {
        line.push_str(&format!(": {}", esc(c)));
    }
    if let Some(p) = f.plans {
        line.push_str(&format!(" · {}", w.in_plans(p)));
    }
    line.push_str(&format!(" · {} `{}`", w.file, f.file.replace('`', "'")));
    writeln!(out, "{line}")
}

/// The worksheet's own words in one language.
struct Words {
    lang: Lang,
    title: &'static str,
    reviewed: &'static str,
    reviewed_cap: &'static str,
    source: &'static str,
    no_source: &'static str,
    page_dated: &'static str,
    days_ago: &'static str,
    unverified: &'static str,
    file: &'static str,
    not_counted: &'static str,
    nothing_due: &'static str,
}

impl Words {
    fn for_lang(lang: Lang) -> Words {
        match lang {
            Lang::Nl => Words {
                lang,
                title: "Controlelijst",
                reviewed: "gecontroleerd",
                reviewed_cap: "Gecontroleerd",
                source: "Bron",
                no_source: "Geen bron gevonden in de regelset",
                page_dated: "pagina van",
                days_ago: "dagen geleden",
                unverified: "niet geverifieerd",
                file: "bestand",
                not_counted: "Te veel antwoordpaden om per gegeven de plannen te tellen.",
                nothing_due: "Niets te controleren.",
            },
            Lang::En => Words {
                lang,
                title: "Review worksheet",
                reviewed: "reviewed",
                reviewed_cap: "Reviewed",
                source: "Source",
                no_source: "No source found in the graph",
                page_dated: "page dated",
                days_ago: "days ago",
                unverified: "unverified",
                file: "file",
                not_counted: "Too many answer paths to count the plans of each fact.",
                nothing_due: "Nothing to review.",
            },
        }
    }

    fn intro(&self, sheet: &Worksheet) -> String {
        let n = sheet.facts.len();
        let due = sheet.older_than;
        match (self.lang, due) {
            (Lang::Nl, None) => format!(
                "Vandaag {}: {n} gegevens, de riskantste eerst (niet geverifieerd, dan de oudste controle, dan de meeste plannen). Vink een gegeven af als het met de bron is vergeleken.",
                sheet.today
            ),
            (Lang::Nl, Some(d)) => format!(
                "Vandaag {}: {n} gegevens die meer dan {d} dagen geleden zijn gecontroleerd, de riskantste eerst. Vink een gegeven af als het met de bron is vergeleken.",
                sheet.today
            ),
            (Lang::En, None) => format!(
                "Today {}: {n} facts, riskiest first (unverified, then the oldest review, then the most plans). Tick a fact once it is compared with its source.",
                sheet.today
            ),
            (Lang::En, Some(d)) => format!(
                "Today {}: {n} facts reviewed more than {d} days ago, riskiest first. Tick a fact once it is compared with its source.",
                sheet.today
            ),
        }
    }

    fn in_plans(&self, n: u64) -> String {
        match (self.lang, n) {
            (Lang::Nl, 1) => "in 1 plan".into(),
            (Lang::Nl, n) => format!("in {n} plannen"),
            (Lang::En, 1) => "in 1 plan".into(),
            (Lang::En, n) => format!("in {n} plans"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_that_a_spreadsheet_would_compute_are_text() {
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("+31 70 333 4558"), "'+31 70 333 4558");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("-1"), "'-1");
        assert_eq!(csv_field("070 333 4558"), "070 333 4558");
    }

    #[test]
    fn csv_quotes_commas_quotes_and_line_breaks() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        let mut out = Vec::new();
        csv_row(&mut out, ["x,y".to_owned(), "z".to_owned()].into_iter()).unwrap();
        assert_eq!(out, b"\"x,y\",z\r\n");
    }
}
