//! The questionnaire: walks the graph with the user, one question at a time, and ends with the
//! answers that make a plan.
//!
//! The order is the graph's, with one rule on top: the acute-danger question (the start node's)
//! comes first, then role and concern, then only the follow-up questions the chosen path needs.
//! Going back clears that answer and every answer given after it. Changing an answer in the
//! review asks only that question again: the path is walked anew with the other answers, so
//! the ones the new path still uses stay, only questions new to it are asked, and answers off
//! the final path are dropped when the questionnaire ends (so none survives a change of route).
//!
//! The loop talks to a [`Prompter`]: [`InquirePrompter`] in a terminal, [`scripted`] in tests.

mod command;
mod filter;
mod prompter;
pub mod scripted;
mod terminal;

use std::collections::HashMap;

pub use command::one_shot_command;
pub use prompter::{Choice, Prompt, PromptError, PromptOption, Prompter, Review, SummaryRow};
pub use terminal::InquirePrompter;

use crate::engine::{EngineError, Outcome, Walk, walk};
use crate::graph::Ask;
use crate::graph::Graph;
use crate::graph::str::to_strings;
use crate::i18n::{Lang, Ui};
use crate::query::Query;

/// A completed questionnaire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finished {
    /// Role, concern and the answers on the final path (nothing else).
    pub query: Query,
    /// The walk those answers give.
    pub outcome: Outcome,
}

/// Runs the questionnaire. `prefill` holds answers given beforehand (`--answers FILE`); their
/// questions are not asked, but can be changed in the review.
pub fn run(
    graph: &Graph,
    prompter: &mut dyn Prompter,
    prefill: Query,
    lang: Lang,
) -> Result<Finished, PromptError> {
    let content = graph.content_lang(lang.code()).to_owned();
    let mut query = prefill;
    let safety = graph.index.safety.map(Ask::Question);
    // Danger is a fact of this moment: a saved answer to the safety question is never reused.
    if let Some(ask) = safety {
        query.set_answer(ask, None);
    }
    // The questions answered in this session, in the order they were asked.
    let mut history: Vec<Ask> = Vec::new();
    // Earlier answers, to put the cursor on when a question comes back.
    let mut earlier: HashMap<Ask, u32> = HashMap::new();
    // The answer being changed from the review, and what it was: "back" there restores it.
    let mut changing: Option<(Ask, u32)> = None;
    loop {
        let needed = match walk(graph, &query, false) {
            Ok(Walk::Done(outcome)) => {
                let rows = summary(graph, &query, &outcome, &content, lang);
                match prompter.review(&rows)? {
                    Review::Confirm => return Ok(finish(graph, query, outcome)),
                    Review::Change(k) => {
                        let ask = rows
                            .get(k)
                            .and_then(|r| graph.ask_named(&r.id))
                            .ok_or_else(|| {
                                PromptError::Failed(format!("no answer {k} to change"))
                            })?;
                        if let Some(was) = query.answer(ask) {
                            earlier.insert(ask, was);
                            changing = Some((ask, was));
                        }
                        query.set_answer(ask, None);
                        history.retain(|a| *a != ask);
                        continue;
                    }
                }
            }
            Ok(Walk::Needs(ask)) => ask,
            Err(EngineError::Unanswered(ask @ (Ask::Role | Ask::Concern))) => ask,
            Err(e) => return Err(PromptError::Failed(e.to_string())),
        };
        // Acute danger first; otherwise who you are and what worries you before the details.
        let next = if Some(needed) == safety {
            needed
        } else if query.role.is_none() {
            Ask::Role
        } else if query.concern.is_none() {
            Ask::Concern
        } else {
            needed
        };
        let restoring = changing.filter(|(ask, _)| *ask == next);
        let prompt = prompt_for(
            graph,
            next,
            &content,
            lang,
            restoring.is_some() || !history.is_empty(),
            earlier.get(&next).copied(),
        );
        match prompter.choose(&prompt)? {
            Choice::Pick(i) if i < prompt.options.len() => {
                query.set_answer(next, Some(i as u32));
                history.push(next);
                changing = None;
                if Some(next) == safety && graph.answer(next, i as u32).urgent {
                    let heading = Ui::Urgent.get(lang).to_uppercase();
                    prompter.alert(&heading, graph.rules.emergency.get(&content))?;
                }
            }
            Choice::Pick(i) => {
                return Err(PromptError::Failed(format!("option {i} does not exist")));
            }
            // Back from an answer being changed: keep it as it was, back to the review.
            Choice::Back if restoring.is_some() => {
                if let Some((ask, was)) = changing.take() {
                    query.set_answer(ask, Some(was));
                    history.push(ask);
                }
            }
            Choice::Back => {
                changing = None;
                if let Some(previous) = history.last().copied() {
                    clear_from(&mut query, &mut history, &mut earlier, previous);
                }
            }
        }
    }
}

/// Keeps only the answers the final path used, so saved answers and the one-shot command
/// carry nothing stale.
fn finish(graph: &Graph, mut query: Query, outcome: Outcome) -> Finished {
    let on_path: Vec<u32> = outcome
        .path
        .iter()
        .filter_map(|v| match v.answer {
            Some((Ask::Question(q), _, _)) => Some(q),
            _ => None,
        })
        .collect();
    for (q, answer) in query.answers.iter_mut().enumerate() {
        if !on_path.contains(&(q as u32)) {
            *answer = None;
        }
    }
    let outcome = match walk(graph, &query, false) {
        Ok(Walk::Done(o)) => o,
        _ => outcome,
    };
    Finished { query, outcome }
}

/// Clears `ask` and every answer given after it in this session.
fn clear_from(
    query: &mut Query,
    history: &mut Vec<Ask>,
    earlier: &mut HashMap<Ask, u32>,
    ask: Ask,
) {
    let from = history
        .iter()
        .position(|a| *a == ask)
        .unwrap_or(history.len());
    for a in history.drain(from..).chain(std::iter::once(ask)) {
        if let Some(value) = query.answer(a) {
            earlier.insert(a, value);
        }
        query.set_answer(a, None);
    }
}

fn prompt_for(
    graph: &Graph,
    ask: Ask,
    lang: &str,
    ui: Lang,
    can_go_back: bool,
    earlier: Option<u32>,
) -> Prompt {
    let options = graph
        .answers(ask)
        .map(|a| PromptOption {
            id: a.id.to_string(),
            label: a.label.get(lang).to_owned(),
            help: a.help.map(|h| h.get(lang).to_owned()),
            aliases: to_strings(a.aliases),
        })
        .collect();
    let (text, help) = match (ask, graph.ask_text(ask, lang)) {
        (_, Some((text, help))) => (text.to_owned(), help.map(str::to_owned)),
        (Ask::Concern, None) => (Ui::AskConcern.get(ui).to_owned(), None),
        (_, None) => (Ui::AskRole.get(ui).to_owned(), None),
    };
    let id = graph.ask_id(ask).to_owned();
    Prompt {
        id,
        text,
        help,
        options,
        can_go_back,
        cursor: earlier.map_or(0, |e| e as usize),
    }
}

/// One row per answer on the path: role and concern first, then the questions in path order.
fn summary(
    graph: &Graph,
    query: &Query,
    outcome: &Outcome,
    lang: &str,
    ui: Lang,
) -> Vec<SummaryRow> {
    // Role and concern first, then the questions in the order the path asked them.
    let given = [Ask::Role, Ask::Concern]
        .into_iter()
        .filter_map(|ask| query.answer(ask).map(|answer| (ask, answer)));
    let on_path = outcome.path.iter().filter_map(|visit| match visit.answer {
        Some((ask @ Ask::Question(_), answer, _)) => Some((ask, answer)),
        _ => None,
    });
    let mut rows = Vec::new();
    for (ask, answer) in given.chain(on_path) {
        let question = match (ask, graph.ask_text(ask, lang)) {
            (_, Some((text, _))) => text.to_owned(),
            (Ask::Concern, None) => Ui::Concern.get(ui).to_owned(),
            (_, None) => Ui::Role.get(ui).to_owned(),
        };
        rows.push(SummaryRow {
            id: graph.ask_id(ask).to_owned(),
            question,
            answer: graph.answer_label(ask, answer, lang).to_owned(),
        });
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::scripted::{Script, ScriptedPrompter};
    use super::*;
    use crate::plan::{Plan, PlanOptions, plan_for};
    use crate::query::RawQuery;

    fn graph() -> Graph<'static> {
        crate::graph::builtin()
    }

    fn ids(graph: &Graph, finished: &Finished) -> Vec<String> {
        let opts = PlanOptions {
            today: "2026-12-01".parse().unwrap(),
            ..PlanOptions::new(Lang::En)
        };
        Plan::build(graph, &finished.outcome, &opts)
            .recommendations
            .iter()
            .map(|r| format!("{}:{}", r.kind.as_str(), r.id))
            .collect()
    }

    #[test]
    fn acute_danger_first_then_role_concern_then_only_the_path_questions() {
        let g = graph();
        let mut p = ScriptedPrompter::new([
            Script::Pick("no"),
            Script::Pick("youth-worker"),
            Script::Pick("radicalisation"),
            Script::Pick("concrete"),
            Script::Pick("no"), // travel
            Script::Pick("no"), // home-safety
            Script::Confirm,
        ]);
        let done = run(&g, &mut p, Query::empty(&g), Lang::En).unwrap();
        assert_eq!(
            p.asked(),
            [
                "acute-danger",
                "role",
                "concern",
                "case-stage",
                "travel",
                "home-safety"
            ]
        );
        assert!(!p.prompts[0].can_go_back);
        assert!(p.prompts[1..].iter().all(|q| q.can_go_back));
        assert!(ids(&g, &done).contains(&"partner:lse".to_owned()));
    }

    #[test]
    fn back_clears_the_answer_and_a_new_route_asks_new_questions() {
        let g = graph();
        let mut p = ScriptedPrompter::new([
            Script::Pick("no"),
            Script::Pick("teacher"),
            Script::Pick("radicalisation"),
            Script::Back, // at case-stage: back to the concern
            Script::Pick("family-support"),
            Script::Pick("no"),  // travel
            Script::Pick("yes"), // home-safety
            Script::Confirm,
        ]);
        let done = run(&g, &mut p, Query::empty(&g), Lang::En).unwrap();
        assert_eq!(
            p.asked(),
            [
                "acute-danger",
                "role",
                "concern",
                "case-stage",
                "concern",
                "travel",
                "home-safety"
            ]
        );
        // The concern came back with the cursor on the earlier answer.
        let radicalisation = g.index.concerns.find("radicalisation").unwrap() as usize;
        assert_eq!(p.prompts[4].cursor, radicalisation);
        let plan = ids(&g, &done);
        // The school's own route first, then the meldcode and Veilig Thuis; nothing is left of
        // the abandoned radicalisation route.
        assert_eq!(
            plan[..3],
            [
                "step:internal-school",
                "step:meldcode-steps",
                "step:contact-veilig-thuis"
            ]
        );
        assert!(
            !plan.contains(&"step:describe-signals".to_owned()),
            "{plan:?}"
        );
    }

    /// Regression: changing an early answer in the review asked every later question again.
    /// Now only the changed question is asked; the answers the new path still uses stay.
    #[test]
    fn changing_an_answer_in_the_review_keeps_the_later_answers_on_the_new_path() {
        let g = graph();
        let mut p = ScriptedPrompter::new([
            Script::Pick("no"),
            Script::Pick("teacher"),
            Script::Pick("youth-groups"),
            Script::Pick("yes"), // crime
            Script::Change("acute-danger"),
            Script::Pick("yes"),
            Script::Confirm,
        ]);
        let done = run(&g, &mut p, Query::empty(&g), Lang::En).unwrap();
        assert_eq!(
            p.asked(),
            ["acute-danger", "role", "concern", "crime", "acute-danger"]
        );
        // The question comes back with the cursor on the answer being changed.
        assert_eq!(p.prompts[4].cursor, 1);
        assert_eq!(p.reviews.len(), 2);
        let answers = |rows: &[SummaryRow]| -> Vec<String> {
            rows.iter()
                .map(|r| format!("{}={}", r.id, r.answer))
                .collect()
        };
        assert_eq!(
            answers(&p.reviews[1]),
            [
                "role=Teacher or school staff",
                "concern=Youth groups and youth crime",
                "acute-danger=Yes",
                "crime=Yes"
            ]
        );
        let plan = ids(&g, &done);
        assert_eq!(plan[0], "step:call-112");
        assert!(
            plan.contains(&"step:teacher-offence".to_owned()),
            "{plan:?}"
        );
        assert_eq!(done.query.role, g.index.roles.find("teacher"));
    }

    #[test]
    fn a_changed_answer_asks_only_the_questions_new_to_its_path() {
        let g = graph();
        let mut p = ScriptedPrompter::new([
            Script::Pick("no"),
            Script::Pick("teacher"),
            Script::Pick("youth-groups"),
            Script::Pick("yes"), // crime
            Script::Change("concern"),
            Script::Pick("radicalisation"),
            Script::Pick("concrete"), // case-stage: new on this path
            Script::Pick("no"),       // travel: new on this path
            Script::Pick("no"),       // home-safety: new on this path
            Script::Confirm,
        ]);
        let done = run(&g, &mut p, Query::empty(&g), Lang::En).unwrap();
        assert_eq!(
            p.asked(),
            [
                "acute-danger",
                "role",
                "concern",
                "crime",
                "concern",
                "case-stage",
                "travel",
                "home-safety"
            ]
        );
        let last: Vec<&str> = p.reviews[1].iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            last,
            [
                "role",
                "concern",
                "acute-danger",
                "case-stage",
                "travel",
                "home-safety"
            ]
        );
        // Answers off the final path are not kept.
        let crime = g.index.questions.find("crime").unwrap() as usize;
        assert_eq!(done.query.answers[crime], None);
    }

    #[test]
    fn back_while_changing_an_answer_keeps_it_and_returns_to_the_review() {
        let g = graph();
        let mut p = ScriptedPrompter::new([
            Script::Pick("no"),
            Script::Pick("teacher"),
            Script::Pick("polarisation"),
            Script::Change("role"),
            Script::Back,
            Script::Confirm,
        ]);
        let done = run(&g, &mut p, Query::empty(&g), Lang::En).unwrap();
        assert_eq!(p.asked(), ["acute-danger", "role", "concern", "role"]);
        assert!(p.prompts[3].can_go_back);
        assert_eq!(p.reviews[0], p.reviews[1]);
        assert_eq!(done.query.role, g.index.roles.find("teacher"));
    }

    #[test]
    fn prefilled_answers_are_not_asked_and_stale_ones_are_dropped() {
        let g = graph();
        let raw = RawQuery {
            role: Some("teacher".into()),
            concern: None,
            answers: vec![
                ("acute-danger".into(), "no".into()),
                ("crime".into(), "yes".into()),
            ],
        };
        let prefill = Query::resolve(&g, &raw).unwrap();
        let mut p = ScriptedPrompter::new([
            Script::Pick("no"),
            Script::Pick("polarisation"),
            Script::Confirm,
        ]);
        let done = run(&g, &mut p, prefill, Lang::En).unwrap();
        // The saved acute-danger answer is asked again (see the next test); role is not.
        assert_eq!(p.asked(), ["acute-danger", "concern"]);
        let crime = g.index.questions.find("crime").unwrap() as usize;
        assert_eq!(
            done.query.answers[crime], None,
            "crime is not on the polarisation path"
        );
        assert!(done.outcome.ignored.is_empty());
    }

    /// Regression: `ask --answers FILE` took a saved "no acute danger" and never asked it.
    /// Danger is a fact of the moment, so the safety question is always asked afresh.
    #[test]
    fn a_saved_answer_to_the_safety_question_is_asked_again() {
        let g = graph();
        let raw = RawQuery {
            role: Some("teacher".into()),
            concern: Some("polarisation".into()),
            answers: vec![("acute-danger".into(), "no".into())],
        };
        let prefill = Query::resolve(&g, &raw).unwrap();
        let mut p = ScriptedPrompter::new([Script::Pick("yes"), Script::Confirm]);
        let done = run(&g, &mut p, prefill, Lang::En).unwrap();
        assert_eq!(p.asked(), ["acute-danger"]);
        assert!(done.outcome.urgent(), "the fresh answer counts");
    }

    /// Regression: after "yes, danger now" the terminal showed 112 only with the plan, three to
    /// six questions later. The emergency line comes at once, before the next question.
    #[test]
    fn an_urgent_answer_shows_the_emergency_line_before_the_next_question() {
        let g = graph();
        for (lang, heading) in [(Lang::En, "FIRST: URGENT"), (Lang::Nl, "EERST: ACUUT")] {
            let mut p = ScriptedPrompter::new([
                Script::Pick("yes"),
                Script::Pick("teacher"),
                Script::Pick("polarisation"),
                Script::Confirm,
            ]);
            run(&g, &mut p, Query::empty(&g), lang).unwrap();
            assert_eq!(p.alerts.len(), 1, "{:?}", p.alerts);
            let (asked_before, line) = &p.alerts[0];
            assert_eq!(*asked_before, 1, "right after the safety question");
            assert!(line.starts_with(heading), "{line}");
            assert!(line.contains("112"), "{line}");
        }
        let mut p = ScriptedPrompter::new([
            Script::Pick("no"),
            Script::Pick("teacher"),
            Script::Pick("polarisation"),
            Script::Confirm,
        ]);
        run(&g, &mut p, Query::empty(&g), Lang::En).unwrap();
        assert!(p.alerts.is_empty(), "{:?}", p.alerts);
    }

    /// Regression: typing "no" at the safety question matched "danger now" in Yes's
    /// description, Yes stayed on top, and Enter answered Yes: a 112-first plan.
    #[test]
    fn typing_no_or_nee_at_the_safety_question_answers_no() {
        let g = graph();
        for (lang, no, yes) in [(Lang::En, "no", "yes"), (Lang::Nl, "nee", "ja")] {
            for (typed, urgent) in [(no, false), (yes, true)] {
                let mut p = ScriptedPrompter::new([
                    Script::Type(typed),
                    Script::Type("teacher"),
                    Script::Type("polarisation"),
                    Script::Confirm,
                ]);
                let done = run(&g, &mut p, Query::empty(&g), lang).unwrap();
                let plan = ids(&g, &done);
                assert_eq!(
                    plan.contains(&"step:call-112".to_owned()),
                    urgent,
                    "{lang}: typed {typed:?}: {plan:?}"
                );
            }
        }
    }

    #[test]
    fn cancel_ends_without_a_plan() {
        let g = graph();
        let mut p = ScriptedPrompter::new([Script::Pick("no"), Script::Cancel]);
        assert_eq!(
            run(&g, &mut p, Query::empty(&g), Lang::En),
            Err(PromptError::Cancelled)
        );
    }

    #[test]
    fn prompts_speak_the_chosen_language() {
        let g = graph();
        let mut p = ScriptedPrompter::new([Script::Cancel]);
        let _ = run(&g, &mut p, Query::empty(&g), Lang::Nl);
        assert_eq!(
            p.prompts[0].text,
            "Is iemand nu in acuut gevaar, of dreigt er geweld?"
        );
        assert_eq!(p.prompts[0].options[0].label, "Ja");
    }

    /// Answering every question with its assumed option gives exactly the one-shot plan.
    #[test]
    fn every_walk_reaches_the_same_plan_as_plan() {
        let g = graph();
        for role in &g.rules.roles {
            for concern in &g.rules.concerns {
                let mut p = ScriptedPrompter::answering(
                    &g,
                    &[("role", &role.id), ("concern", &concern.id)],
                );
                let done = run(&g, &mut p, Query::empty(&g), Lang::En).unwrap();
                let raw = RawQuery {
                    role: Some(role.id.to_string()),
                    concern: Some(concern.id.to_string()),
                    answers: Vec::new(),
                };
                let opts = PlanOptions {
                    today: "2026-12-01".parse().unwrap(),
                    ..PlanOptions::new(Lang::En)
                };
                let one_shot = plan_for(&g, &raw, &opts).unwrap();
                let mut asked = Plan::build(&g, &done.outcome, &opts);
                // The questionnaire's answers were given, the one-shot ones assumed.
                assert_eq!(
                    asked.answers, one_shot.assumed,
                    "{} {}",
                    role.id, concern.id
                );
                asked.answers = one_shot.answers.clone();
                asked.assumed = one_shot.assumed.clone();
                for (a, o) in asked.asked.iter_mut().zip(&one_shot.asked) {
                    a.assumed = o.assumed;
                }
                assert_eq!(asked, one_shot, "{} {}", role.id, concern.id);
                // And the printed command gives that plan.
                let command = one_shot_command(&g, &done, Lang::En, &[]);
                assert!(command.starts_with(&format!(
                    "wegwijs plan --role {} --concern {}",
                    role.id, concern.id
                )));
            }
        }
    }
}
