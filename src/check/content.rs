//! Checks of the content itself: translations, characters that must not reach a terminal,
//! review dates, unverified facts and contact fields that do not look like contact fields.

use super::CheckOptions;
use crate::diagnostic::{Diagnostic, Problem};
use crate::graph::entries::catalog;
use crate::graph::model::{Contact, Text};
use crate::graph::{Graph, Kind};
use crate::location::{JsonPath, Seg};
use crate::text::is_dangerous;

/// Calls `f(section, index, rest, text)` for every translated text; `section` is empty for the
/// top-level fields.
fn each_text(graph: &Graph, mut f: impl FnMut(&'static str, usize, Vec<Seg>, &Text)) {
    let r = &graph.rules;
    let key = |k: &str| Seg::Key(k.to_owned());
    f("", 0, vec![key("title")], &r.title);
    f("", 0, vec![key("emergency")], &r.emergency);
    for (section, list) in [("roles", &r.roles), ("concerns", &r.concerns)] {
        for (i, c) in list.iter().enumerate() {
            f(section, i, vec![key("label")], &c.label);
            f(section, i, vec![key("description")], &c.description);
        }
    }
    for (i, q) in r.questions.iter().enumerate() {
        f("questions", i, vec![key("text")], &q.text);
        if let Some(help) = &q.help {
            f("questions", i, vec![key("help")], help);
        }
        for (o, option) in q.options.iter().enumerate() {
            let at = |field: &str| vec![key("options"), Seg::Index(o), key(field)];
            f("questions", i, at("label"), &option.label);
            if let Some(help) = &option.help {
                f("questions", i, at("help"), help);
            }
        }
    }
    for (i, s) in r.steps.iter().enumerate() {
        f("steps", i, vec![key("text")], &s.text);
    }
    for (i, a) in r.advice.iter().enumerate() {
        f("advice", i, vec![key("text")], &a.text);
    }
    for kind in [Kind::Partner, Kind::Training, Kind::Resource, Kind::Network] {
        for (i, e) in catalog(r, kind).iter().enumerate() {
            f(kind.section(), i, vec![key("name")], &e.name);
            f(kind.section(), i, vec![key("summary")], &e.summary);
            if let Some(why) = &e.why {
                f(kind.section(), i, vec![key("why")], why);
            }
            if let Some(caveat) = &e.caveat {
                f(kind.section(), i, vec![key("caveat")], caveat);
            }
        }
    }
    for (i, n) in r.nodes.iter().enumerate() {
        for (k, add) in n.add.iter().enumerate() {
            if let Some(why) = add.why() {
                f("nodes", i, vec![key("add"), Seg::Index(k), key("why")], why);
            }
        }
    }
}

fn locate(graph: &Graph, section: &'static str, index: usize, rest: &[Seg]) -> (usize, JsonPath) {
    if section.is_empty() {
        (graph.origins.base, JsonPath(rest.to_vec()))
    } else {
        graph.origins.path(section, index, rest)
    }
}

/// Missing translations, undeclared languages and dangerous characters.
pub(super) fn texts(graph: &Graph, out: &mut Vec<Diagnostic>) {
    let langs = &graph.rules.languages;
    if langs.is_empty() {
        out.push(Diagnostic::new(
            Problem::Empty { what: "languages" },
            graph.origins.base,
            JsonPath::root().key("languages"),
        ));
    }
    each_text(graph, |section, index, rest, text| {
        let (source, path) = locate(graph, section, index, &rest);
        for lang in langs {
            if !text.has(lang) {
                out.push(Diagnostic::new(
                    Problem::MissingTranslation {
                        lang: lang.to_string(),
                    },
                    source,
                    path.clone(),
                ));
            }
        }
        for (lang, value) in text.0.iter() {
            // An overlay may set one language of a text (`"name": {"nl": ".."}`): locate the
            // value itself, not the text, or the diagnostic points into the base file.
            let at = || {
                let mut rest = rest.clone();
                rest.push(Seg::Key(lang.to_owned()));
                locate(graph, section, index, &rest)
            };
            if !langs.iter().any(|l| l == lang) {
                let (source, path) = at();
                out.push(Diagnostic::new(
                    Problem::UndeclaredLanguage {
                        lang: lang.to_owned(),
                    },
                    source,
                    path,
                ));
            }
            if value.chars().any(is_dangerous) {
                let (source, path) = at();
                out.push(Diagnostic::new(Problem::ControlCharacters, source, path));
            }
        }
    });
    let r = &graph.rules;
    let mut plain: Vec<(&'static str, usize, Vec<Seg>, &str)> = Vec::new();
    for (i, s) in r.sources.iter().enumerate() {
        plain.push(("sources", i, vec![Seg::Key("title".into())], &s.title));
    }
    for kind in [Kind::Partner, Kind::Training, Kind::Resource, Kind::Network] {
        for (i, e) in catalog(r, kind).iter().enumerate() {
            for (field, value) in contact_fields(&e.contact) {
                plain.push((
                    kind.section(),
                    i,
                    vec![Seg::Key("contact".into()), Seg::Key(field.into())],
                    value,
                ));
            }
        }
    }
    for (section, index, rest, value) in plain {
        if value.chars().any(is_dangerous) {
            let (source, path) = locate(graph, section, index, &rest);
            out.push(Diagnostic::new(Problem::ControlCharacters, source, path));
        }
    }
}

fn contact_fields<'c>(c: &'c Contact<'_>) -> Vec<(&'static str, &'c str)> {
    let mut v = Vec::new();
    if let Some(w) = &c.website {
        v.push(("website", w.as_str()));
    }
    if let Some(p) = &c.phone {
        v.push(("phone", p.as_str()));
    }
    if let Some(e) = &c.email {
        v.push(("email", e.as_str()));
    }
    v
}

/// Old review dates, unverified entries and malformed contact fields.
pub(super) fn freshness(graph: &Graph, opts: &CheckOptions, out: &mut Vec<Diagnostic>) {
    for kind in [Kind::Partner, Kind::Training, Kind::Resource, Kind::Network] {
        for (i, e) in catalog(&graph.rules, kind).iter().enumerate() {
            let at = |field: &str| {
                graph
                    .origins
                    .path(kind.section(), i, &[Seg::Key(field.into())])
            };
            let days = e.reviewed.days_until(opts.today);
            if days > opts.max_age_days {
                let (source, path) = at("reviewed");
                out.push(Diagnostic::new(
                    Problem::Stale {
                        id: e.id.to_string(),
                        reviewed: e.reviewed.to_string(),
                        days,
                        max_days: opts.max_age_days,
                    },
                    source,
                    path,
                ));
            }
            let page = graph
                .source_index(&e.source)
                .map(|i| graph.rules.sources[i].dated);
            if let Some(page_day) = page.and_then(|d| d.latest_day()) {
                let days = page_day.days_until(e.reviewed);
                if days > opts.max_source_age_days {
                    let (source, path) = at("source");
                    out.push(Diagnostic::new(
                        Problem::SourceOlderThanReview {
                            id: e.id.to_string(),
                            dated: page.map(|d| d.to_string()).unwrap_or_default(),
                            reviewed: e.reviewed.to_string(),
                            days,
                            max_days: opts.max_source_age_days,
                        },
                        source,
                        path,
                    ));
                }
            }
            if !e.verified {
                let (source, path) = at("verified");
                out.push(Diagnostic::new(
                    Problem::Unverified {
                        id: e.id.to_string(),
                        caveat: e.caveat.is_some(),
                    },
                    source,
                    path,
                ));
            }
            for (field, value) in contact_fields(&e.contact) {
                let valid = match field {
                    "website" => looks_like_website(value),
                    "email" => looks_like_email(value),
                    _ => looks_like_phone(value),
                };
                if !valid {
                    let rest = [Seg::Key("contact".into()), Seg::Key(field.into())];
                    let (source, path) = graph.origins.path(kind.section(), i, &rest);
                    out.push(Diagnostic::new(
                        Problem::BadContact {
                            field,
                            value: value.to_owned(),
                        },
                        source,
                        path,
                    ));
                }
            }
        }
    }
}

/// `http(s)://host.tld/...` without spaces.
pub fn looks_like_website(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        host.contains('.')
            && !host.starts_with('.')
            && !host.ends_with('.')
            && !r.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

/// `local@domain.tld` without spaces.
pub fn looks_like_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    }
}

/// Digits, spaces and `+ - ( )`, with at least three digits.
pub fn looks_like_phone(s: &str) -> bool {
    s.chars().filter(char::is_ascii_digit).count() >= 3
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn websites() {
        assert!(looks_like_website("https://www.nctv.nl"));
        assert!(looks_like_website("http://example.org/a?b#c"));
        for bad in [
            "www.nctv.nl",
            "ftp://x.nl",
            "https://",
            "https://nodot",
            "https://a b.nl",
        ] {
            assert!(!looks_like_website(bad), "{bad}");
        }
    }

    #[test]
    fn emails() {
        assert!(looks_like_email("info@example.org"));
        for bad in [
            "info.example.org",
            "@example.org",
            "a@b",
            "a@@b.nl",
            "a b@c.nl",
        ] {
            assert!(!looks_like_email(bad), "{bad}");
        }
    }

    #[test]
    fn phones() {
        assert!(looks_like_phone("0800 2000"));
        assert!(looks_like_phone("+31 (0)70 123-4567"));
        for bad in ["0800-VEILIG", "12", "call 112"] {
            assert!(!looks_like_phone(bad), "{bad}");
        }
    }
}
