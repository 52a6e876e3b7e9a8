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
            let contains = needle.len() >= 3 && (cand.contains(&needle) || needle.contains(&cand));
            let score = sim.max(jw - 0.2).max(if contains { 0.75 } else { 0.0 });
            (score >= 0.6).then_some((score, c))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    // Only candidates about as good as the best: a clear typo gets one answer, not three.
    let best = scored.first().map_or(0.0, |s| s.0);
    let mut out: Vec<String> = Vec::new();
    for (_, c) in scored.into_iter().filter(|s| s.0 >= best - 0.1) {
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

    #[test]
    fn or_list_reads_naturally() {
        let items = vec!["a".to_string(), "b".to_string(), "c".to_string()];
        assert_eq!(or_list(&items, "or"), "`a`, `b` or `c`");
        assert_eq!(or_list(&items[..1], "of"), "`a`");
    }
}
