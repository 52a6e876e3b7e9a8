//! Starter overlays: the file `wegwijs init overlay` writes for a municipality or region to fill
//! in, with every local slot of the loaded graph.
//!
//! Each slot appears as a patch of its entry: the graph's generic name and summary as a hint to
//! replace, empty contact fields (which change nothing until filled, see
//! [`crate::graph::overlay`]) and a `note` saying what belongs there and where to find it. So
//! the untouched starter checks with notes only, and every slot it leaves empty stays open.

use serde::Serialize;

use crate::date::Date;
use crate::graph::keyed::KeyedStrings;
use crate::graph::model::Text;
use crate::graph::slots::Slot;
use crate::graph::str::Str;
use crate::graph::{Graph, Kind};
use crate::i18n::Lang;

/// The version a starter overlay begins at.
pub const STARTER_VERSION: &str = "0.1.0";

/// What a starter overlay is for.
#[derive(Debug, Clone, Copy)]
pub struct StarterOptions<'n> {
    /// The municipality or region, e.g. `Gemeente Voorbeeld`; it becomes the title and the id.
    pub name: &'n str,
    /// The language of the notes.
    pub lang: Lang,
    /// The overlay's first review date.
    pub today: Date,
}

#[derive(Serialize)]
struct Starter<'g> {
    schema_version: u32,
    overlay: String,
    extends: &'g str,
    version: &'static str,
    reviewed: Date,
    title: KeyedStrings<'g>,
    sources: Vec<serde_json::Value>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    partners: Vec<StarterSlot<'g>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    trainings: Vec<StarterSlot<'g>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    resources: Vec<StarterSlot<'g>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    networks: Vec<StarterSlot<'g>>,
}

#[derive(Serialize)]
struct StarterSlot<'g> {
    id: &'g str,
    note: String,
    name: &'g Text<'g>,
    summary: &'g Text<'g>,
    contact: EmptyContact,
}

/// Contact fields to fill in; empty, they change nothing.
#[derive(Serialize)]
struct EmptyContact {
    website: &'static str,
    phone: &'static str,
    email: &'static str,
}

/// The starter overlay for `graph`, as pretty JSON ending in a newline.
pub fn starter_overlay(graph: &Graph, opts: &StarterOptions) -> String {
    let rules = &graph.rules;
    let title = KeyedStrings::from_pairs(
        rules
            .languages
            .iter()
            .map(|l| (Str::from(l.as_str()), Str::from(opts.name)))
            .collect(),
    );
    let mut starter = Starter {
        schema_version: crate::graph::model::SCHEMA_VERSION,
        overlay: overlay_id(opts.name),
        extends: &rules.id,
        version: STARTER_VERSION,
        reviewed: opts.today,
        title,
        sources: Vec::new(),
        partners: Vec::new(),
        trainings: Vec::new(),
        resources: Vec::new(),
        networks: Vec::new(),
    };
    let content_lang = graph.content_lang(opts.lang.code());
    for slot in graph.slots() {
        let item = StarterSlot {
            id: &slot.entry.id,
            note: note(&slot, opts, content_lang),
            name: &slot.entry.name,
            summary: &slot.entry.summary,
            contact: EmptyContact {
                website: "",
                phone: "",
                email: "",
            },
        };
        match slot.kind {
            Kind::Partner => starter.partners.push(item),
            Kind::Training => starter.trainings.push(item),
            Kind::Resource => starter.resources.push(item),
            _ => starter.networks.push(item),
        }
    }
    let mut text = serde_json::to_string_pretty(&starter).expect("a starter always serializes");
    text.push('\n');
    text
}

/// What belongs in a slot and where to find it, in the user's language.
fn note(slot: &Slot, opts: &StarterOptions, content_lang: &str) -> String {
    let find = slot
        .entry
        .local
        .as_ref()
        .map_or("", |l| l.find.get(content_lang));
    let id = &slot.entry.id;
    let name = opts.name;
    match opts.lang {
        Lang::Nl => format!(
            "Lokale plek `{id}`. Hoort hier: de naam en contactgegevens van deze partij in {name}; \
             vervang de landelijke naam en omschrijving hieronder door die van u. \
             Zo vindt u het: {find} \
             Vul daarna ook `source` in (de id van een bron die u aan `sources` toevoegt) en \
             `reviewed` (de datum waarop u de gegevens controleerde, JJJJ-MM-DD). \
             Lege contactvelden veranderen niets: laat leeg wat u niet hebt."
        ),
        Lang::En => format!(
            "Local slot `{id}`. What belongs here: this party's name and contact details in {name}; \
             replace the national name and summary below with your own. \
             Where to find it: {find} \
             Then also set `source` (the id of a source you add to `sources`) and `reviewed` \
             (the day you checked the details, YYYY-MM-DD). \
             Empty contact fields change nothing: leave empty what you do not have."
        ),
    }
}

/// An overlay id from a name: lowercase ASCII letters and digits joined by `-`
/// (`Gemeente 's-Hertogenbosch` → `gemeente-s-hertogenbosch`).
pub fn overlay_id(name: &str) -> String {
    let mut id = String::new();
    for c in name.chars() {
        let c = fold_accent(c).to_ascii_lowercase();
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    while id.ends_with('-') {
        id.pop();
    }
    if id.is_empty() { "lokaal".into() } else { id }
}

/// The letters with accents that Dutch place names use, without them.
fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'Á' | 'À' | 'Â' | 'Ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'Ó' | 'Ò' | 'Ô' | 'Ö' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn starter(lang: Lang) -> Value {
        let graph = crate::graph::builtin();
        let text = starter_overlay(
            &graph,
            &StarterOptions {
                name: "Gemeente Voorbeeld",
                lang,
                today: "2026-11-29".parse().unwrap(),
            },
        );
        serde_json::from_str(&text).unwrap()
    }

    #[test]
    fn ids_are_made_from_names() {
        assert_eq!(overlay_id("Gemeente Voorbeeld"), "gemeente-voorbeeld");
        assert_eq!(
            overlay_id("Gemeente 's-Hertogenbosch"),
            "gemeente-s-hertogenbosch"
        );
        assert_eq!(overlay_id("Súdwest-Fryslân"), "sudwest-fryslan");
        assert_eq!(overlay_id("  ?? "), "lokaal");
    }

    #[test]
    fn the_starter_has_every_slot_with_empty_contact_and_a_note() {
        let graph = crate::graph::builtin();
        let v = starter(Lang::En);
        assert_eq!(v["overlay"], "gemeente-voorbeeld");
        assert_eq!(v["extends"], graph.rules.id.as_str());
        assert_eq!(v["title"]["nl"], "Gemeente Voorbeeld");
        for slot in graph.slots() {
            let list = v[slot.kind.section()].as_array().unwrap();
            let item = list
                .iter()
                .find(|i| i["id"] == slot.entry.id.as_str())
                .unwrap_or_else(|| panic!("{} missing", slot.entry.id));
            assert_eq!(
                item["contact"],
                serde_json::json!({"website": "", "phone": "", "email": ""})
            );
            let note = item["note"].as_str().unwrap();
            let find = slot.entry.local.as_ref().unwrap().find.get("en");
            assert!(note.contains(find), "{note}");
            assert!(note.contains("`source`") && note.contains("`reviewed`"));
            assert_eq!(item["name"]["en"], slot.entry.name.get("en"));
        }
    }

    #[test]
    fn notes_speak_the_chosen_language() {
        let v = starter(Lang::Nl);
        let note = v["partners"][0]["note"].as_str().unwrap();
        assert!(note.starts_with("Lokale plek"), "{note}");
    }
}
