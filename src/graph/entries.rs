//! The things a plan recommends, by [`Kind`]: steps, advice, and the four catalogs of entries
//! (partners, trainings, resources, networks). One place matches on the kind to find an item's
//! list, id, name and partner; everything else asks here.

use super::model::{Entry, Kind, RuleGraph};
use super::str::Str;

/// The catalog list of a kind (`partners` for [`Kind::Partner`]); empty for steps and advice.
pub fn catalog<'r, 'a>(rules: &'r RuleGraph<'a>, kind: Kind) -> &'r [Entry<'a>] {
    match kind {
        Kind::Partner => &rules.partners,
        Kind::Training => &rules.trainings,
        Kind::Resource => &rules.resources,
        Kind::Network => &rules.networks,
        Kind::Step | Kind::Advice => &[],
    }
}

/// How many items of `kind` the graph has.
pub fn entry_count(rules: &RuleGraph<'_>, kind: Kind) -> usize {
    match kind {
        Kind::Step => rules.steps.len(),
        Kind::Advice => rules.advice.len(),
        _ => catalog(rules, kind).len(),
    }
}

/// The id of item `i` of `kind`, as the graph holds it.
pub fn entry_key<'r, 'a>(rules: &'r RuleGraph<'a>, kind: Kind, i: usize) -> &'r Str<'a> {
    match kind {
        Kind::Step => &rules.steps[i].id,
        Kind::Advice => &rules.advice[i].id,
        _ => &catalog(rules, kind)[i].id,
    }
}

/// The id of item `i` of `kind`: a step, an advice, or an entry of a catalog.
pub fn entry_id<'r>(rules: &'r RuleGraph<'_>, kind: Kind, i: usize) -> &'r str {
    entry_key(rules, kind, i)
}

/// What item `i` of `kind` is called in `lang`: a step's or advice's text, an entry's name.
pub fn entry_name<'r>(rules: &'r RuleGraph<'_>, kind: Kind, i: usize, lang: &str) -> &'r str {
    match kind {
        Kind::Step => rules.steps[i].text.get(lang),
        Kind::Advice => rules.advice[i].text.get(lang),
        _ => catalog(rules, kind)[i].name.get(lang),
    }
}

/// The partner item `i` of `kind` names, as written: a step's `partner`, an entry's
/// `provider`; advice has none.
pub fn entry_partner<'r>(rules: &'r RuleGraph<'_>, kind: Kind, i: usize) -> Option<&'r str> {
    match kind {
        Kind::Step => rules.steps[i].partner.as_deref(),
        Kind::Advice => None,
        _ => catalog(rules, kind)[i].provider.as_deref(),
    }
}
