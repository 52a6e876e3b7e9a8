//! Shell completions that know the graph's ids and aliases in both languages: the scripts
//! contain them, and bash's completion function, driven as readline would, offers them.

use std::process::Command;

use crate::common::wegwijs;
use crate::{deadline, external};

fn script(shell: &str, lang: &str) -> String {
    let out = wegwijs()
        .args(["--lang", lang, "completions", shell])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn bash_zsh_and_fish_scripts_offer_ids_and_aliases() {
    for shell in ["bash", "zsh", "fish"] {
        for lang in ["en", "nl"] {
            let script = script(shell, lang);
            for word in [
                "youth-worker",
                "jongerenwerker",
                "radicalisering",
                "acute-danger=yes",
                "acuut-gevaar=ja",
                "gevaar=j",
            ] {
                assert!(script.contains(word), "{shell} ({lang}) lacks {word}");
            }
        }
    }
    // zsh and fish show descriptions beside values, in the chosen language.
    assert!(script("fish", "nl").contains("Leesbare tekst"));
    assert!(script("zsh", "en").contains("Readable text"));
}

/// What bash's completion function offers for `line` (the last word being completed), or
/// `None` when bash is missing outside CI.
fn bash_offers(script: &str, line: &str) -> Option<Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("wegwijs.bash");
    std::fs::write(&file, script).unwrap();
    let driver = r#"
        source "$1"
        read -r -a COMP_WORDS <<< "$2"
        [[ "$2" == *" " ]] && COMP_WORDS+=("")
        COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
        COMP_LINE="$2"
        COMP_POINT=${#COMP_LINE}
        _wegwijs wegwijs "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf '%s\n' "${COMPREPLY[@]}"
    "#;
    if !external::program("bash", "bash") {
        return None;
    }
    let out = deadline::output(
        Command::new("bash")
            .args(["--norc", "-c", driver, "bash"])
            .arg(&file)
            .arg(line),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(str::to_owned)
            .collect(),
    )
}

#[test]
fn bash_completes_dutch_roles_concerns_and_answers() {
    let script = script("bash", "nl");
    for (line, expected) in [
        ("wegwijs plan --role jonger", "jongerenwerker"),
        ("wegwijs graph --role jonger", "jongerenwerker"),
        ("wegwijs graph --concern radicali", "radicalisering"),
        ("wegwijs plan --concern radicali", "radicalisation"),
        ("wegwijs plan --answer acuut-", "acuut-gevaar=ja"),
        ("wegwijs plan --answer acute-danger=", "acute-danger=yes"),
        // As readline splits the word at `=`: only the option is offered, and replaced.
        ("wegwijs plan --answer acuut-gevaar = j", "ja"),
        ("wegwijs plan --answer acuut-gevaar =", "ja"),
        ("wegwijs plan -a gevaar = ", "nee"),
    ] {
        let Some(offered) = bash_offers(&script, line) else {
            return;
        };
        assert!(
            offered.iter().any(|w| w == expected),
            "{line}: {offered:?} lacks {expected}"
        );
        let typed = line.rsplit(' ').next().unwrap().trim_start_matches('=');
        assert!(
            offered.iter().all(|w| w.starts_with(typed)),
            "{line}: {offered:?}"
        );
    }
}
