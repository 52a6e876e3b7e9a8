//! `wegwijs plan` end to end: the built-in graph, both languages, aliases and every error path.

use std::process::Stdio;

use crate::common::{ids, json, recs, stdout, wegwijs};
use crate::deadline;
use predicates::prelude::*;

#[test]
fn every_role_and_concern_gives_a_plan_with_a_step_and_a_partner() {
    let roles = ids("roles");
    let concerns = ids("concerns");
    assert!(
        roles.len() >= 7 && concerns.len() >= 8,
        "{roles:?} {concerns:?}"
    );
    for role in &roles {
        for concern in &concerns {
            let plan = json(&["plan", "--role", role, "--concern", concern]);
            let recs = recs(&plan);
            assert!(
                recs.iter().any(|r| r.starts_with("step:")),
                "{role} {concern}: {recs:?}"
            );
            assert!(
                recs.iter().any(|r| r.starts_with("partner:")),
                "{role} {concern}: {recs:?}"
            );
            assert_eq!(plan["role"]["id"], role.as_str());
            assert_eq!(plan["concern"]["id"], concern.as_str());
        }
    }
}

#[test]
fn every_text_plan_carries_the_112_line_and_a_next_step() {
    for concern in ids("concerns") {
        for lang in ["en", "nl"] {
            let text = stdout(&["plan", "-r", "volunteer", "-c", &concern, "--lang", lang]);
            assert!(text.contains("112"), "{concern} {lang}:\n{text}");
            let heading = if lang == "en" {
                "\nNext steps\n"
            } else {
                "\nVolgende stappen\n"
            };
            assert!(text.contains(heading), "{concern} {lang}:\n{text}");
        }
    }
}

#[test]
fn acute_danger_yes_puts_112_first() {
    let plan = json(&[
        "plan",
        "-r",
        "teacher",
        "-c",
        "polarisation",
        "--answer",
        "acute-danger=yes",
    ]);
    assert_eq!(plan["urgent"], true);
    assert_eq!(recs(&plan)[0], "step:call-112");
    assert_eq!(plan["recommendations"][0]["urgent"], true);
    let text = stdout(&[
        "plan",
        "-r",
        "teacher",
        "-c",
        "polarisation",
        "-a",
        "acute-danger=yes",
    ]);
    let urgent = text.find("FIRST: URGENT").expect("urgent section");
    let first_item = &text[urgent..];
    let first_item = &first_item[first_item.find("1. ").unwrap()..];
    assert!(first_item.starts_with("1. Call 112 now."), "{text}");
    assert!(urgent < text.find("Next steps").unwrap());
}

#[test]
fn no_danger_has_no_urgent_section_but_keeps_the_112_line() {
    let plan = json(&["plan", "-r", "teacher", "-c", "polarisation"]);
    assert_eq!(plan["urgent"], false);
    assert!(!recs(&plan).contains(&"step:call-112".to_owned()));
    assert!(plan["emergency"].as_str().unwrap().contains("112"));
    assert_eq!(plan["assumed"]["acute-danger"], "no");
}

#[test]
fn exit_support_names_the_exit_service_of_the_lse() {
    let plan = json(&["plan", "-r", "youth-worker", "-c", "exit-support"]);
    let r = recs(&plan);
    assert!(r.contains(&"partner:forsa".to_owned()), "{r:?}");
    assert!(r.contains(&"partner:lse".to_owned()), "{r:?}");
    let forsa = plan["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "forsa")
        .unwrap();
    assert_eq!(forsa["partner"]["id"], "lse");
    let text = stdout(&[
        "plan",
        "-r",
        "youth-worker",
        "-c",
        "exit",
        "-a",
        "exit-readiness=yes",
    ]);
    assert!(
        text.contains("Together with the person, contact Forsa"),
        "{text}"
    );
}

#[test]
fn family_support_names_familieondersteuning_of_the_lse() {
    let plan = json(&["plan", "-r", "social-worker", "-c", "family-support"]);
    assert!(recs(&plan).contains(&"partner:familieondersteuning".to_owned()));
    let text = stdout(&[
        "plan",
        "-r",
        "social-worker",
        "-c",
        "familie",
        "--lang",
        "nl",
    ]);
    assert!(text.contains("Familieondersteuning van het LSE"), "{text}");
}

#[test]
fn unsafe_home_routes_to_the_meldcode_and_veilig_thuis_right_after_the_own_route() {
    let plan = json(&[
        "plan",
        "-r",
        "social-worker",
        "-c",
        "family-support",
        "-a",
        "home-safety=yes",
    ]);
    assert_eq!(
        recs(&plan)[..3],
        [
            "step:internal-social-work",
            "step:meldcode-steps",
            "step:contact-veilig-thuis"
        ]
    );
    assert!(
        stdout(&[
            "plan",
            "-r",
            "social-worker",
            "-c",
            "family-support",
            "-a",
            "home-safety=yes"
        ])
        .contains("0800 2000")
    );
}

#[test]
fn youth_groups_names_the_wegwijzer_and_the_police_groepsscan() {
    let plan = json(&["plan", "-r", "police-officer", "-c", "youth-groups"]);
    let r = recs(&plan);
    assert!(
        r.contains(&"resource:wegwijzer-jeugd-veiligheid".to_owned()),
        "{r:?}"
    );
    assert!(r.contains(&"step:police-groepsscan".to_owned()), "{r:?}");
    // The free e-book of the old seed page is not confirmed anywhere, so it is not offered.
    assert!(!r.iter().any(|id| id.contains("ebook")), "{r:?}");
}

#[test]
fn follow_up_answers_change_the_path() {
    let signals = recs(&json(&[
        "plan",
        "-r",
        "youth-worker",
        "-c",
        "radicalisation",
    ]));
    let multi = recs(&json(&[
        "plan",
        "-r",
        "youth-worker",
        "-c",
        "radicalisation",
        "-a",
        "case-stage=multi-agency",
    ]));
    assert!(!signals.contains(&"partner:zvh".to_owned()), "{signals:?}");
    assert!(multi.contains(&"partner:zvh".to_owned()), "{multi:?}");
    assert!(multi.contains(&"partner:lse".to_owned()), "{multi:?}");
    // Everything the first-signals path recommends stays in the plan.
    assert!(
        signals.iter().all(|r| multi.contains(r)),
        "{signals:?} vs {multi:?}"
    );
}

#[test]
fn aliases_give_the_same_plan_as_ids() {
    let by_id = json(&[
        "plan",
        "--role",
        "youth-worker",
        "--concern",
        "radicalisation",
        "-a",
        "acute-danger=yes",
    ]);
    let by_alias = json(&[
        "plan",
        "--role",
        "Jongerenwerker",
        "--concern",
        "radicalisering",
        "-a",
        "acuut-gevaar=ja",
    ]);
    assert_eq!(by_id, by_alias);
    assert_eq!(by_alias["role"]["id"], "youth-worker");
}

#[test]
fn dutch_by_flag_by_wegwijs_lang_and_by_locale() {
    let flag = stdout(&[
        "plan",
        "-r",
        "teacher",
        "-c",
        "polarisation",
        "--lang",
        "nl",
    ]);
    assert!(
        flag.starts_with("Verwijsplan: Docent of schoolmedewerker · Polarisatie"),
        "{flag}"
    );
    assert!(flag.contains("Volgende stappen"));
    let by_env = wegwijs()
        .env("WEGWIJS_LANG", "nl")
        .args(["plan", "-r", "teacher", "-c", "polarisation"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(by_env.stdout).unwrap(), flag);
    let by_locale = wegwijs()
        .env("LANG", "nl_NL.UTF-8")
        .args(["plan", "-r", "teacher", "-c", "polarisation"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(by_locale.stdout).unwrap(), flag);
    let english = wegwijs()
        .env("LANG", "nl_NL.UTF-8")
        .args([
            "plan",
            "-r",
            "teacher",
            "-c",
            "polarisation",
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(english.stdout)
            .unwrap()
            .starts_with("Referral plan: Teacher")
    );
}

#[test]
fn json_ids_do_not_change_with_the_language() {
    let en = json(&["plan", "-r", "teacher", "-c", "lone-actor", "--lang", "en"]);
    let nl = json(&["plan", "-r", "teacher", "-c", "lone-actor", "--lang", "nl"]);
    assert_eq!(recs(&en), recs(&nl));
    assert_eq!(en["lang"], "en");
    assert_eq!(nl["lang"], "nl");
    assert_ne!(
        en["recommendations"][0]["text"],
        nl["recommendations"][0]["text"]
    );
}

#[test]
fn answers_off_the_path_are_listed_as_not_used() {
    let plan = json(&[
        "plan",
        "-r",
        "teacher",
        "-c",
        "polarisation",
        "-a",
        "crime=yes",
    ]);
    assert_eq!(plan["ignored"]["crime"], "yes");
    let text = stdout(&[
        "plan",
        "-r",
        "teacher",
        "-c",
        "polarisation",
        "-a",
        "crime=yes",
    ]);
    assert!(text.contains("Not used on this path: crime=yes"), "{text}");
}

#[test]
fn unknown_role_suggests_the_nearest() {
    wegwijs()
        .args([
            "plan",
            "--role",
            "youth-wroker",
            "--concern",
            "radicalisation",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: unknown role `youth-wroker`; did you mean `youth-worker`?\n");
}

#[test]
fn unknown_role_without_a_near_match_lists_the_choices_in_dutch() {
    wegwijs()
        .args([
            "plan",
            "--role",
            "astronaut",
            "--concern",
            "radicalisation",
            "--lang",
            "nl",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "fout: onbekende rol `astronaut`; kies uit ",
        ))
        // In Dutch the choices are the Dutch words, which work as well as the ids.
        .stderr(predicate::str::contains("`jongerenwerker`"))
        .stderr(predicate::str::contains("`youth-worker`").not());
}

#[test]
fn unknown_concern_question_and_option_are_usage_errors() {
    let cases: [(&[&str], &str); 5] = [
        (
            &["-c", "radicalisatie"],
            "unknown concern `radicalisatie`; did you mean `radicalisation`",
        ),
        (
            &["-c", "polarisation", "-a", "acute-dangr=no"],
            "unknown question `acute-dangr`; did you mean `acute-danger`",
        ),
        (
            &["-c", "polarisation", "-a", "acute-danger=maybe"],
            "unknown answer to acute-danger: `maybe`",
        ),
        (
            &["-c", "polarisation", "-a", "acute-danger"],
            "`acute-danger` is not an answer; write QUESTION=OPTION",
        ),
        (
            &[
                "-c",
                "polarisation",
                "-a",
                "acute-danger=yes",
                "-a",
                "acute-danger=no",
            ],
            "acute-danger was answered twice: `yes` and `no`",
        ),
    ];
    for (args, message) in cases {
        wegwijs()
            .args(["plan", "-r", "teacher"])
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(message));
    }
}

#[test]
fn the_same_answer_twice_is_fine() {
    wegwijs()
        .args([
            "plan",
            "-r",
            "teacher",
            "-c",
            "polarisation",
            "-a",
            "acute-danger=yes",
            "-a",
            "acuut-gevaar=ja",
        ])
        .assert()
        .success();
}

#[test]
fn missing_arguments_and_bad_flags_are_usage_errors() {
    wegwijs()
        .args(["plan", "--role", "teacher"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--concern"));
    wegwijs()
        .args([
            "plan",
            "-r",
            "teacher",
            "-c",
            "polarisation",
            "--format",
            "jsno",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("json"));
    wegwijs()
        .args([
            "plan",
            "-r",
            "teacher",
            "-c",
            "polarisation",
            "--lang",
            "de",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("possible values: nl, en"));
}

#[test]
fn no_command_points_to_plan() {
    wegwijs()
        .assert()
        .code(2)
        .stderr(predicate::str::contains("wegwijs plan --role"));
}

#[test]
fn missing_rules_file_names_the_file_and_the_os_error() {
    wegwijs()
        .args([
            "--rules",
            "no/such/rules.json",
            "plan",
            "-r",
            "teacher",
            "-c",
            "polarisation",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("no/such/rules.json"))
        .stderr(predicate::str::contains("file not found"));
    wegwijs()
        .args([
            "--rules",
            "tests",
            "plan",
            "-r",
            "teacher",
            "-c",
            "polarisation",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot read rule file tests: it is a directory",
        ));
}

#[test]
fn rules_from_disk_give_the_same_plans_as_the_built_in_graph() {
    for concern in ["radicalisation", "family-support", "learn-share"] {
        let builtin = json(&["plan", "-r", "teacher", "-c", concern]);
        let from_disk = json(&[
            "--rules",
            "rules/default.json",
            "plan",
            "-r",
            "teacher",
            "-c",
            concern,
        ]);
        assert_eq!(builtin, from_disk);
    }
}

#[test]
fn a_broken_rules_file_stops_the_plan_with_positioned_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.json");
    let text = std::fs::read_to_string("examples/minimal-rules.json")
        .unwrap()
        .replace(r#""next": "plan""#, r#""next": "plna""#);
    std::fs::write(&path, text).unwrap();
    wegwijs()
        .arg("--rules")
        .arg(&path)
        .args(["plan", "-r", "youth-worker", "-c", "polarisation"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "error[E012]: there is no node with id `plna`",
        ))
        .stderr(predicate::str::contains(
            "broken.json:68:93 (nodes[1].next)",
        ))
        .stderr(predicate::str::contains("help: did you mean `plan`?"));
}

#[test]
fn piped_text_has_no_escape_codes_and_wraps_at_80() {
    let text = stdout(&[
        "plan",
        "-r",
        "municipal-officer",
        "-c",
        "lone-actor",
        "-a",
        "acute-danger=yes",
    ]);
    assert!(!text.contains('\u{1b}'));
    // A web address cannot be broken, so a line may only be longer when it is one word.
    assert!(
        text.lines()
            .all(|l| l.chars().count() <= 80 || !l.trim().contains(' ')),
        "{text}"
    );
}

#[test]
fn markdown_has_headings_lists_and_links() {
    let md = stdout(&[
        "plan",
        "-r",
        "teacher",
        "-c",
        "radicalisation",
        "-a",
        "case-stage=concrete",
        "--format",
        "markdown",
    ]);
    assert!(
        md.starts_with("# Referral plan: Teacher or school staff · Radicalisation\n"),
        "{md}"
    );
    assert!(md.contains("\n## Next steps\n\n1. "), "{md}");
    assert!(md.contains("\n## Partners to contact\n\n- **"), "{md}");
    assert!(
        md.contains("<https://www.landelijksteunpuntextremisme.nl>"),
        "{md}"
    );
}

#[test]
fn unverified_contact_details_carry_their_caveat() {
    let text = stdout(&["plan", "-r", "teacher", "-c", "radicalisation"]);
    let phone = text
        .find("030 285 6616")
        .expect("School en Veiligheid helpdesk");
    let after = &text[phone..];
    assert!(
        after.contains("Unverified: The helpdesk number and address appear only on third-party"),
        "{text}"
    );
}

/// A reader that goes away must not turn into an error message: `wegwijs plan | head -1`.
#[test]
fn closed_stdout_ends_quietly() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_wegwijs"))
        .args(["plan", "-r", "teacher", "-c", "learn-share"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = deadline::finish(child, "wegwijs plan with its reader gone");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "");
}

/// The built-in graph is compiled in prepared (src/graph/prepared): a plan from it is the plan
/// `rules/default.json` gives when read from disk, in text, Markdown and JSON, in both languages.
#[test]
fn the_built_in_graph_plans_as_rules_default_json_read_from_disk_does() {
    use crate::common::run;
    for args in [
        &["plan", "-r", "teacher", "-c", "radicalisation", "--explain"][..],
        &[
            "--lang",
            "nl",
            "plan",
            "-r",
            "police",
            "-c",
            "youth-groups",
            "-a",
            "acuut-gevaar=ja",
        ],
        &[
            "plan",
            "-r",
            "youth-worker",
            "-c",
            "exit-support",
            "-f",
            "markdown",
        ],
        &[
            "--lang",
            "nl",
            "plan",
            "-r",
            "ggz",
            "-c",
            "family-support",
            "-f",
            "json",
        ],
    ] {
        let built_in = run(args);
        let from_disk = run(&[&["--rules", "rules/default.json"], args].concat());
        assert_eq!(built_in.code, 0, "{args:?}: {}", built_in.stderr);
        assert_eq!(
            (built_in.code, &built_in.stdout, &built_in.stderr),
            (from_disk.code, &from_disk.stdout, &from_disk.stderr),
            "{args:?}"
        );
    }
}
