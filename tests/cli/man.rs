//! The manual page, in both languages: its sections, and `groff -man -ww` reading it without a
//! warning. groff is skipped with a notice when it is missing, and required when `CI` is set.

use std::process::Command;

use crate::common::wegwijs;
use crate::{deadline, external};

fn page(lang: &str) -> String {
    let out = wegwijs().args(["--lang", lang, "man"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `groff -man -Tutf8 -ww` of `page`: the rendered text, or `None` when groff is missing
/// outside CI.
fn groff(page: &str) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("wegwijs.1");
    std::fs::write(&file, page).unwrap();
    if !external::program("groff", "groff-base") {
        return None;
    }
    let out = deadline::output(
        Command::new("groff")
            .args(["-man", "-Tutf8", "-ww"])
            .arg(&file)
            .env("LC_ALL", "C.UTF-8"),
    );
    let warnings = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && warnings.is_empty(),
        "groff: {warnings}"
    );
    // groff's terminal output emboldens by overstriking; keep the letters.
    let text = String::from_utf8(out.stdout).unwrap();
    let mut plain = String::new();
    for c in text.chars() {
        if c == '\u{8}' {
            plain.pop();
        } else {
            plain.push(c);
        }
    }
    Some(plain)
}

#[test]
fn the_manual_page_has_its_sections_in_each_language() {
    let en = page("en");
    let nl = page("nl");
    for (page, sections) in [
        (
            &en,
            [
                "NAME",
                "SYNOPSIS",
                "DESCRIPTION",
                "OPTIONS",
                "COMMANDS",
                "EXIT STATUS",
                "ENVIRONMENT",
                "FILES",
                "EXAMPLES",
            ],
        ),
        (
            &nl,
            [
                "NAAM",
                "OVERZICHT",
                "BESCHRIJVING",
                "OPTIES",
                "OPDRACHTEN",
                "AFSLUITCODES",
                "OMGEVING",
                "BESTANDEN",
                "VOORBEELDEN",
            ],
        ),
    ] {
        for section in sections {
            assert!(page.contains(&format!(".SH \"{section}\"")), "{section}");
        }
        for variable in ["WEGWIJS_LANG", "WEGWIJS_TODAY", "LC_MESSAGES", "NO_COLOR"] {
            assert!(page.contains(variable), "{variable}");
        }
        // No SEE ALSO pointing at pages that may not exist.
        assert!(!page.contains("SEE ALSO") && !page.contains("ZIE OOK"));
    }
    assert!(nl.contains("VRAAG=OPTIE\\fR") && en.contains("QUESTION=OPTION\\fR"));
}

#[test]
fn groff_reads_both_pages_without_a_warning() {
    for (lang, name, example) in [
        (
            "en",
            "wegwijs - Whom to work with",
            "wegwijs plan --role police-officer --concern youth-groups --format json | jq .recommendations",
        ),
        (
            "nl",
            "wegwijs - Met wie samenwerken",
            "wegwijs plan --role wijkagent --concern jeugdgroepen --format json | jq .recommendations",
        ),
    ] {
        let Some(text) = groff(&page(lang)) else {
            return;
        };
        assert!(text.contains(name), "{lang}: {text}");
        // Examples are not filled: a long command stays on one line, whole.
        assert!(
            text.lines().any(|l| l.trim() == example),
            "{lang} lacks the example on one line:\n{text}"
        );
        // Nothing hyphenated: ids and options are copied as written.
        assert!(!text.contains('\u{2010}'), "{lang}: {text}");
    }
}
