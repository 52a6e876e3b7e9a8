//! What typing does in a select list: which options a typed filter keeps, and in which order.
//!
//! An option is found by its label, its id and its aliases, and also by words of its
//! description. A hit on the label or an alias always ranks above a hit in the description:
//! the safety question's "Yes — There is danger now…" contains "no", and typing "no" and Enter
//! must never answer Yes. The terminal prompter and the scripted one rank with the same code.

use super::PromptOption;

/// How well a filter matches an option. Later variants rank higher.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Hit {
    /// The filter occurs in the description.
    Description,
    /// The filter occurs inside the label.
    InLabel,
    /// A word of the label starts with the filter.
    LabelWord,
    /// The label, the id or an alias starts with the filter.
    Prefix,
    /// The filter is the label, the id or an alias.
    Exact,
}

/// How `filter` matches `option` (case and surrounding spaces ignored), or `None`.
pub fn score(filter: &str, option: &PromptOption) -> Option<Hit> {
    let filter = filter.trim().to_lowercase();
    let label = option.label.to_lowercase();
    let names = || {
        std::iter::once(&option.id)
            .chain(&option.aliases)
            .map(|k| k.to_lowercase())
    };
    if label == filter || names().any(|k| k == filter) {
        Some(Hit::Exact)
    } else if label.starts_with(&filter) || names().any(|k| k.starts_with(&filter)) {
        Some(Hit::Prefix)
    } else if label
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.starts_with(&filter))
    {
        Some(Hit::LabelWord)
    } else if label.contains(&filter) {
        Some(Hit::InLabel)
    } else if option
        .help
        .as_ref()
        .is_some_and(|h| h.to_lowercase().contains(&filter))
    {
        Some(Hit::Description)
    } else {
        None
    }
}

/// A score for inquire's sorter (highest first): the hit, then the list order.
pub fn rank(filter: &str, option: &PromptOption, index: usize) -> Option<i64> {
    score(filter, option).map(|hit| (hit as i64 + 1) * 1_000_000 - index as i64)
}

/// The indices of the options `filter` keeps, best first: what the list shows after typing.
pub fn ranked(filter: &str, options: &[PromptOption]) -> Vec<usize> {
    let mut hits: Vec<(usize, i64)> = options
        .iter()
        .enumerate()
        .filter_map(|(i, o)| rank(filter, o, i).map(|r| (i, r)))
        .collect();
    hits.sort_by_key(|&(_, r)| std::cmp::Reverse(r));
    hits.into_iter().map(|(i, _)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Ask;
    use crate::graph::Graph;
    use crate::i18n::Lang;

    fn option(id: &str, label: &str, help: &str, aliases: &[&str]) -> PromptOption {
        PromptOption {
            id: id.into(),
            label: label.into(),
            help: Some(help.into()),
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
        }
    }

    /// Regression: "no" matched "There is danger now" in Yes's description, and with every hit
    /// scored alike Yes stayed on top, so "no" and Enter answered Yes.
    #[test]
    fn no_picks_no_although_yes_describes_danger_now() {
        let options = [
            option(
                "yes",
                "Yes",
                "There is danger now: the plan opens with 112.",
                &["y", "j"],
            ),
            option("no", "No", "No immediate danger at this moment.", &["n"]),
        ];
        assert_eq!(ranked("no", &options)[0], 1);
        assert_eq!(ranked("NO ", &options)[0], 1);
        assert_eq!(ranked("yes", &options), [0]);
        assert_eq!(ranked("", &options), [0, 1]);
        assert_eq!(ranked("danger", &options), [0, 1]);
        assert_eq!(ranked("police", &options), Vec::<usize>::new());
    }

    #[test]
    fn label_and_alias_hits_outrank_description_hits() {
        let o = option(
            "youth-worker",
            "Youth worker",
            "works with young people",
            &["jongerenwerker"],
        );
        assert_eq!(score("youth worker", &o), Some(Hit::Exact));
        assert_eq!(score("jongeren", &o), Some(Hit::Prefix));
        assert_eq!(score("work", &o), Some(Hit::LabelWord));
        assert_eq!(score("th w", &o), Some(Hit::InLabel));
        assert_eq!(score("young", &o), Some(Hit::Description));
        assert_eq!(score("police", &o), None);
    }

    fn prompt_for_tests(graph: &Graph, ask: Ask, lang: Lang) -> crate::ask::Prompt {
        let content = graph.content_lang(lang.code()).to_owned();
        crate::ask::prompt_for(graph, ask, &content, lang, true, None)
    }

    fn every_prompt(graph: &Graph) -> Vec<(Lang, crate::ask::Prompt)> {
        let mut asks = vec![Ask::Role, Ask::Concern];
        asks.extend((0..graph.rules.questions.len() as u32).map(Ask::Question));
        let mut out = Vec::new();
        for lang in [Lang::Nl, Lang::En] {
            for &ask in &asks {
                out.push((lang, prompt_for_tests(graph, ask, lang)));
            }
        }
        out
    }

    /// Typing an option's label, id or alias puts that option first, on every question of the
    /// built-in graph, in both languages, whatever the other options' descriptions say.
    #[test]
    fn every_label_id_and_alias_picks_its_own_option_in_both_languages() {
        let graph = crate::graph::builtin();
        let mut checked = 0;
        for (lang, prompt) in every_prompt(&graph) {
            for (i, o) in prompt.options.iter().enumerate() {
                let typed = std::iter::once(o.label.clone())
                    .chain(std::iter::once(o.id.clone()))
                    .chain(o.aliases.iter().cloned());
                for word in typed {
                    let first = ranked(&word, &prompt.options).first().copied();
                    assert_eq!(
                        first,
                        Some(i),
                        "{lang} {}: typing {word:?} should pick {}",
                        prompt.id,
                        o.id
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 100, "only {checked} words checked");
    }

    #[test]
    fn yes_no_ja_nee_pick_their_own_option_on_the_safety_question() {
        let graph = crate::graph::builtin();
        let safety = Ask::Question(graph.index.safety.unwrap());
        for lang in [Lang::Nl, Lang::En] {
            let prompt = prompt_for_tests(&graph, safety, lang);
            let id = |i: usize| prompt.options[i].id.as_str();
            for (typed, want) in [
                ("no", "no"),
                ("nee", "no"),
                ("n", "no"),
                ("yes", "yes"),
                ("ja", "yes"),
                ("j", "yes"),
                ("y", "yes"),
            ] {
                let first = ranked(typed, &prompt.options)[0];
                assert_eq!(id(first), want, "{lang}: typing {typed:?}");
            }
        }
    }
}
