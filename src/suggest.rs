//! "Did you mean ..." for ids a user or a rule file got slightly wrong.

/// Inputs longer than this (in bytes) get no suggestions.
const MAX_INPUT: usize = 200;

/// The candidates closest to `input`, best first, at most three.
///
/// A candidate qualifies when it is close in edit distance relative to its length, or when one
/// contains the other (`police` for `police-officer`). Comparison ignores case.
pub fn nearest<'a, I>(input: &str, candidates: I) -> Vec<String>
where
    I: IntoIterator<Item = &'a str>,
{
    best(scored(input, candidates))
}

/// Every candidate that qualifies as close to `input`, with its score (higher is closer), best
/// first. [`nearest`] keeps the best of these; callers that weigh two kinds of candidate (ids
/// against aliases) compare the scores themselves.
pub fn scored<'a, I>(input: &str, candidates: I) -> Vec<(f64, &'a str)>
where
    I: IntoIterator<Item = &'a str>,
{
    // Far longer than any id: nothing is close, and edit distance would cost its length times
    // each candidate's.
    if input.len() > MAX_INPUT {
        return Vec::new();
    }
    let needle = input.trim().to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .filter_map(|c| {
            let cand = c.to_lowercase();
            let sim = strsim::normalized_damerau_levenshtein(&needle, &cand);
            let jw = strsim::jaro_winkler(&needle, &cand);
            // Containment counts between words, not letters: `y` is in `maybe` and `j` in
            // `jaa`, and neither is what the person meant.
            let contains = needle.chars().count() >= 3
                && cand.chars().count() >= 3
                && (cand.contains(&needle) || needle.contains(&cand));
            let score = sim.max(jw - 0.2).max(if contains { 0.75 } else { 0.0 });
            (score >= 0.6).then_some((score, c))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored
}

/// The best of `scored` candidates (sorted best first): those about as good as the best one,
/// at most three, without repeats.
pub fn best(scored: Vec<(f64, &str)>) -> Vec<String> {
    // Only candidates about as good as the best: a clear typo gets one answer, not three.
    let top = scored.first().map_or(0.0, |s| s.0);
    let mut out: Vec<String> = Vec::new();
    for (_, c) in scored.into_iter().filter(|s| s.0 >= top - 0.1) {
        if !out.iter().any(|o| o == c) {
            out.push(c.to_owned());
        }
        if out.len() == 3 {
            break;
        }
    }
    out
}

/// Formats suggestions as "`a`, `b` or `c`" (English) for messages.
pub fn or_list(items: &[String], or: &str) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("`{s}`")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {or} {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_typos_first() {
        let c = ["youth-worker", "police-officer", "social-worker", "teacher"];
        assert_eq!(nearest("youth-wroker", c)[0], "youth-worker");
        assert_eq!(nearest("techer", c), ["teacher"]);
    }

    #[test]
    fn a_clear_typo_gets_one_answer() {
        let c = ["youth-worker", "youth", "youth-care", "social-worker"];
        assert_eq!(nearest("youth-wroker", c), ["youth-worker"]);
    }

    #[test]
    fn finds_prefixes() {
        let c = ["youth-worker", "police-officer", "social-worker"];
        assert_eq!(nearest("police", c)[0], "police-officer");
    }

    #[test]
    fn suggests_nothing_for_unrelated_input() {
        let c = ["youth-worker", "police-officer"];
        assert!(nearest("zzzz", c).is_empty());
        assert!(nearest("", c).is_empty());
    }

    /// Regression (issue 14.10): a one-letter alias inside the input counted as close, so
    /// `maybe` got "did you mean `y`?" and `jaa` got `j`.
    #[test]
    fn single_letters_inside_a_word_are_not_close() {
        assert!(nearest("maybe", ["yes", "no", "y", "n"]).is_empty());
        assert_eq!(nearest("jaa", ["yes", "no", "ja", "j", "nee", "n"]), ["ja"]);
    }

    #[test]
    fn or_list_reads_naturally() {
        let items = vec!["a".to_string(), "b".to_string(), "c".to_string()];
        assert_eq!(or_list(&items, "or"), "`a`, `b` or `c`");
        assert_eq!(or_list(&items[..1], "of"), "`a`");
    }
}
