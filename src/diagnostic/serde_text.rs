//! serde's and serde_json's error messages, read back into data and said in wegwijs's words.
//!
//! serde reports a bad document as one English sentence (`invalid type: string "hoog",
//! expected u16`). Wherever such a sentence would reach the user (a rule file, an answers file,
//! a rule-test file, a `batch` line), [`SerdeMessage::parse`] turns it into a value and its
//! [`Message`] impl words it in the user's language (`` `priority` moet een heel getal van 0 tot
//! en met 65535 zijn, niet "hoog" ``). A sentence the parser does not know stays as it was, as
//! [`SerdeMessage::Other`]; the unit tests below pin every form serde_json writes today.

use std::fmt;

use crate::i18n::{Lang, Message};
use crate::suggest::or_list;

/// What serde or serde_json said, as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SerdeMessage {
    /// `missing field `x``.
    MissingField(String),
    /// `unknown field `x`, expected one of ...`.
    UnknownField {
        /// The field as written.
        field: String,
        /// The fields the object may have.
        expected: Vec<String>,
    },
    /// `unknown variant `x`, expected one of ...`.
    UnknownVariant {
        /// The value as written.
        value: String,
        /// The values allowed.
        expected: Vec<String>,
    },
    /// `duplicate field `x`` (or the graph's own `duplicate key `x``).
    Duplicate(String),
    /// `invalid type: FOUND, expected EXPECTED`: a value of the wrong type.
    InvalidType {
        /// What the document holds.
        found: Found,
        /// What belongs there.
        expected: Expected,
    },
    /// `invalid value: FOUND, expected EXPECTED`: the right type, outside the allowed values.
    InvalidValue {
        /// What the document holds.
        found: Found,
        /// What belongs there.
        expected: Expected,
    },
    /// `invalid length N, expected ...`.
    InvalidLength {
        /// The length found.
        len: String,
        /// What belongs there.
        expected: Expected,
    },
    /// A date that is not YYYY-MM-DD (wegwijs's own check, [`crate::date::DateError`]).
    NotADate(String),
    /// A page date that is not YYYY-MM-DD, YYYY-MM, YYYY or "undated".
    NotAPageDate(String),
    /// `when` with an empty list of ids for a question.
    WhenEmptyList(String),
    /// `when` with no condition at all.
    WhenEmpty,
    /// A rule file that is JSON, but not one object.
    NotAnObject,
    /// The text is not JSON at all.
    Syntax(Syntax),
    /// A sentence this parser does not know, as serde wrote it.
    Other(String),
}

/// Why a text is not JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)] // each variant is one serde_json message, named after it
pub enum Syntax {
    EofValue,
    EofString,
    EofList,
    EofObject,
    ExpectedColon,
    ExpectedCommaOrBracket,
    ExpectedCommaOrBrace,
    ExpectedValue,
    ExpectedIdent,
    ExpectedQuote,
    InvalidEscape,
    InvalidNumber,
    NumberOutOfRange,
    InvalidUnicode,
    ControlCharacter,
    KeyMustBeString,
    TrailingComma,
    TrailingCharacters,
    RecursionLimit,
    LoneSurrogate,
    EndOfHexEscape,
}

/// The value serde found where it expected another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// `true` or `false`.
    Bool(String),
    /// A whole number, as written.
    Integer(String),
    /// A number with a fraction, as written.
    Float(String),
    /// A string, with its quotes.
    Text(String),
    /// `null`.
    Null,
    /// A JSON array.
    List,
    /// A JSON object.
    Object,
    /// Anything else, in serde's words.
    Other(String),
}

/// What belongs where serde found something else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// A whole number from `min` to `max`.
    WholeNumber {
        /// The smallest allowed.
        min: i128,
        /// The largest allowed.
        max: i128,
    },
    /// Any number.
    Number,
    /// A string.
    Text,
    /// `true` or `false`.
    Bool,
    /// A JSON array.
    List,
    /// A JSON object.
    Object,
    /// An object whose values are strings (answers).
    ObjectOfTexts,
    /// An object whose values are lists of ids (`when`).
    ObjectOfLists,
    /// Anything else, in serde's words.
    Other(String),
}

impl SerdeMessage {
    /// Reads one of serde's sentences (with or without serde_json's ` at line L column C`).
    pub fn parse(message: &str) -> SerdeMessage {
        let m = strip_position(message);
        let backticked = |m: &str| m.split('`').nth(1).unwrap_or_default().to_owned();
        if let Some(syntax) = Syntax::parse(m) {
            return SerdeMessage::Syntax(syntax);
        }
        if m.starts_with("missing field `") {
            return SerdeMessage::MissingField(backticked(m));
        }
        if m.starts_with("unknown field `") {
            return SerdeMessage::UnknownField {
                field: backticked(m),
                expected: expected_names(m),
            };
        }
        if m.starts_with("unknown variant `") {
            return SerdeMessage::UnknownVariant {
                value: backticked(m),
                expected: expected_names(m),
            };
        }
        if m.starts_with("duplicate field `") || m.starts_with("duplicate key `") {
            return SerdeMessage::Duplicate(backticked(m));
        }
        for (prefix, invalid_type) in [("invalid type: ", true), ("invalid value: ", false)] {
            if let Some((found, expected)) = m
                .strip_prefix(prefix)
                .and_then(|rest| rest.rsplit_once(", expected "))
            {
                let (found, expected) = (Found::parse(found), Expected::parse(expected));
                return if invalid_type {
                    SerdeMessage::InvalidType { found, expected }
                } else {
                    SerdeMessage::InvalidValue { found, expected }
                };
            }
        }
        if let Some((len, expected)) = m
            .strip_prefix("invalid length ")
            .and_then(|rest| rest.split_once(", expected "))
        {
            return SerdeMessage::InvalidLength {
                len: len.to_owned(),
                expected: Expected::parse(expected),
            };
        }
        if m.ends_with("` is not a date of the form YYYY-MM-DD") {
            return SerdeMessage::NotADate(backticked(m));
        }
        if m.contains("` is not a page date:") {
            return SerdeMessage::NotAPageDate(backticked(m));
        }
        if m.starts_with("`when` lists at least one id for `") {
            return SerdeMessage::WhenEmptyList(m.split('`').nth(3).unwrap_or_default().into());
        }
        if m.starts_with("a rule file holds one JSON object") {
            return SerdeMessage::NotAnObject;
        }
        if m.starts_with("`when` names at least one condition") {
            return SerdeMessage::WhenEmpty;
        }
        SerdeMessage::Other(m.to_owned())
    }

    /// The same message about the field `field` (the last key of the value's path): for
    /// wrong types and values, `field` names the subject of the sentence.
    pub fn about<'a>(&'a self, field: Option<&'a str>) -> About<'a> {
        About {
            message: self,
            field,
        }
    }
}

/// A [`SerdeMessage`] with the field it is about, if known.
pub struct About<'a> {
    message: &'a SerdeMessage,
    field: Option<&'a str>,
}

impl Message for SerdeMessage {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.about(None).write(lang, out)
    }
}

impl Message for About<'_> {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let subject = |out: &mut fmt::Formatter<'_>| match (self.field, lang) {
            (Some(f), _) => write!(out, "`{f}`"),
            (None, Lang::Nl) => out.write_str("de waarde"),
            (None, Lang::En) => out.write_str("the value"),
        };
        let or = match lang {
            Lang::Nl => "of",
            Lang::En => "or",
        };
        match self.message {
            SerdeMessage::MissingField(f) => match lang {
                Lang::Nl => write!(out, "verplicht veld `{f}` ontbreekt"),
                Lang::En => write!(out, "required field `{f}` is missing"),
            },
            SerdeMessage::UnknownField { field, expected } => {
                match lang {
                    Lang::Nl => write!(out, "onbekend veld `{field}`")?,
                    Lang::En => write!(out, "unknown field `{field}`")?,
                }
                if expected.is_empty() {
                    return Ok(());
                }
                let list = or_list(expected, or);
                match lang {
                    Lang::Nl => write!(out, "; toegestaan: {list}"),
                    Lang::En => write!(out, "; expected {list}"),
                }
            }
            SerdeMessage::UnknownVariant { value, expected } => {
                let list = or_list(expected, or);
                match lang {
                    Lang::Nl => write!(out, "onbekende waarde `{value}`; toegestaan: {list}"),
                    Lang::En => write!(out, "unknown value `{value}`; expected {list}"),
                }
            }
            SerdeMessage::Duplicate(key) => match lang {
                Lang::Nl => write!(out, "`{key}` staat twee keer in hetzelfde object"),
                Lang::En => write!(out, "`{key}` appears twice in one object"),
            },
            SerdeMessage::InvalidType { found, expected }
            | SerdeMessage::InvalidValue { found, expected } => {
                subject(out)?;
                match lang {
                    Lang::Nl => write!(
                        out,
                        " moet {} zijn, niet {}",
                        expected.in_lang(lang),
                        found.in_lang(lang)
                    ),
                    Lang::En => write!(
                        out,
                        " must be {}, not {}",
                        expected.in_lang(lang),
                        found.in_lang(lang)
                    ),
                }
            }
            SerdeMessage::InvalidLength { len, expected } => {
                subject(out)?;
                match lang {
                    Lang::Nl => write!(
                        out,
                        " moet {} zijn; deze heeft er {len}",
                        expected.in_lang(lang)
                    ),
                    Lang::En => write!(out, " must be {}; this has {len}", expected.in_lang(lang)),
                }
            }
            SerdeMessage::NotADate(value) => match lang {
                Lang::Nl => write!(out, "`{value}` is geen datum van de vorm JJJJ-MM-DD"),
                Lang::En => write!(out, "`{value}` is not a date of the form YYYY-MM-DD"),
            },
            SerdeMessage::NotAPageDate(value) => match lang {
                Lang::Nl => write!(
                    out,
                    "`{value}` is geen paginadatum: schrijf JJJJ-MM-DD, JJJJ-MM, JJJJ of \"undated\""
                ),
                Lang::En => write!(
                    out,
                    "`{value}` is not a page date: write YYYY-MM-DD, YYYY-MM, YYYY or \"undated\""
                ),
            },
            SerdeMessage::WhenEmptyList(key) => match lang {
                Lang::Nl => write!(out, "`when` noemt minstens één id voor `{key}`"),
                Lang::En => write!(out, "`when` lists at least one id for `{key}`"),
            },
            SerdeMessage::WhenEmpty => match lang {
                Lang::Nl => out.write_str(
                    "`when` noemt minstens één voorwaarde; laat het weg om altijd toe te voegen",
                ),
                Lang::En => {
                    out.write_str("`when` names at least one condition; leave it out to add always")
                }
            },
            SerdeMessage::NotAnObject => match lang {
                Lang::Nl => out.write_str(
                    "een regelbestand bevat één JSON-object ({ … }), geen ander soort waarde",
                ),
                Lang::En => out.write_str(
                    "a rule file holds one JSON object ({ … }), not another kind of value",
                ),
            },
            SerdeMessage::Syntax(s) => s.write(lang, out),
            SerdeMessage::Other(text) => match lang {
                // Not a sentence this parser knows: quote serde rather than lose the reason.
                Lang::Nl => write!(out, "ongeldige waarde (`{text}`)"),
                Lang::En => out.write_str(text),
            },
        }
    }
}

impl Syntax {
    fn parse(m: &str) -> Option<Syntax> {
        Some(match m {
            "EOF while parsing a value" => Syntax::EofValue,
            "EOF while parsing a string" => Syntax::EofString,
            "EOF while parsing a list" => Syntax::EofList,
            "EOF while parsing an object" => Syntax::EofObject,
            "expected `:`" => Syntax::ExpectedColon,
            "expected `,` or `]`" => Syntax::ExpectedCommaOrBracket,
            "expected `,` or `}`" => Syntax::ExpectedCommaOrBrace,
            "expected value" => Syntax::ExpectedValue,
            "expected ident" => Syntax::ExpectedIdent,
            "expected `\"`" => Syntax::ExpectedQuote,
            "invalid escape" => Syntax::InvalidEscape,
            "invalid number" => Syntax::InvalidNumber,
            "number out of range" => Syntax::NumberOutOfRange,
            "invalid unicode code point" => Syntax::InvalidUnicode,
            "control character (\\u0000-\\u001F) found while parsing a string" => {
                Syntax::ControlCharacter
            }
            "key must be a string" => Syntax::KeyMustBeString,
            "trailing comma" => Syntax::TrailingComma,
            "trailing characters" => Syntax::TrailingCharacters,
            "recursion limit exceeded" => Syntax::RecursionLimit,
            "lone leading surrogate in hex escape" => Syntax::LoneSurrogate,
            "unexpected end of hex escape" => Syntax::EndOfHexEscape,
            _ => return None,
        })
    }
}

impl Message for Syntax {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (nl, en) = match self {
            Syntax::EofValue => (
                "de tekst houdt op waar een waarde moet komen",
                "EOF while parsing a value",
            ),
            Syntax::EofString => (
                "de tekst houdt op binnen een tekenreeks",
                "EOF while parsing a string",
            ),
            Syntax::EofList => (
                "de tekst houdt op binnen een lijst `[ … ]`",
                "EOF while parsing a list",
            ),
            Syntax::EofObject => (
                "de tekst houdt op binnen een object `{ … }`",
                "EOF while parsing an object",
            ),
            Syntax::ExpectedColon => ("hier hoort een `:`", "expected `:`"),
            Syntax::ExpectedCommaOrBracket => ("hier hoort een `,` of `]`", "expected `,` or `]`"),
            Syntax::ExpectedCommaOrBrace => ("hier hoort een `,` of `}`", "expected `,` or `}`"),
            Syntax::ExpectedValue => ("hier hoort een waarde", "expected value"),
            Syntax::ExpectedIdent => ("hier hoort `true`, `false` of `null`", "expected ident"),
            Syntax::ExpectedQuote => ("hier hoort een `\"`", "expected `\"`"),
            Syntax::InvalidEscape => ("ongeldige escape met `\\`", "invalid escape"),
            Syntax::InvalidNumber => ("ongeldig getal", "invalid number"),
            Syntax::NumberOutOfRange => ("getal te groot", "number out of range"),
            Syntax::InvalidUnicode => ("ongeldig unicode-teken", "invalid unicode code point"),
            Syntax::ControlCharacter => (
                "stuurteken (\\u0000-\\u001F) binnen een tekenreeks",
                "control character (\\u0000-\\u001F) found while parsing a string",
            ),
            Syntax::KeyMustBeString => (
                "een sleutel moet tussen aanhalingstekens staan",
                "key must be a string",
            ),
            Syntax::TrailingComma => ("overbodige komma aan het eind", "trailing comma"),
            Syntax::TrailingCharacters => ("er staat nog iets na het einde", "trailing characters"),
            Syntax::RecursionLimit => ("te diep genest", "recursion limit exceeded"),
            Syntax::LoneSurrogate => (
                "half unicode-teken in een `\\u`-escape",
                "lone leading surrogate in hex escape",
            ),
            Syntax::EndOfHexEscape => ("onvolledige `\\u`-escape", "unexpected end of hex escape"),
        };
        out.write_str(lang.pick((nl, en)))
    }
}

impl Found {
    fn parse(text: &str) -> Found {
        let backticked = || text.split('`').nth(1).unwrap_or_default().to_owned();
        if text == "null" || text == "unit value" {
            Found::Null
        } else if text.starts_with("boolean `") {
            Found::Bool(backticked())
        } else if text.starts_with("integer `") {
            Found::Integer(backticked())
        } else if text.starts_with("floating point `") {
            Found::Float(backticked())
        } else if let Some(s) = text.strip_prefix("string ") {
            Found::Text(s.to_owned())
        } else if text == "sequence" {
            Found::List
        } else if text == "map" {
            Found::Object
        } else {
            Found::Other(text.to_owned())
        }
    }
}

impl Message for Found {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Found::Bool(v) | Found::Integer(v) | Found::Float(v) | Found::Text(v) => {
                out.write_str(v)
            }
            Found::Null => out.write_str("null"),
            Found::List => match lang {
                Lang::Nl => out.write_str("een lijst"),
                Lang::En => out.write_str("a list"),
            },
            Found::Object => match lang {
                Lang::Nl => out.write_str("een object"),
                Lang::En => out.write_str("an object"),
            },
            Found::Other(v) => write!(out, "`{v}`"),
        }
    }
}

impl Expected {
    fn parse(text: &str) -> Expected {
        let whole = |min: i128, max: i128| Expected::WholeNumber { min, max };
        match text {
            "u8" => whole(0, u8::MAX.into()),
            "u16" => whole(0, u16::MAX.into()),
            "u32" => whole(0, u32::MAX.into()),
            "u64" | "usize" => whole(0, u64::MAX.into()),
            "i8" => whole(i8::MIN.into(), i8::MAX.into()),
            "i16" => whole(i16::MIN.into(), i16::MAX.into()),
            "i32" => whole(i32::MIN.into(), i32::MAX.into()),
            "i64" | "isize" => whole(i64::MIN.into(), i64::MAX.into()),
            "f32" | "f64" => Expected::Number,
            "a string" | "a borrowed string" | "a string slice" => Expected::Text,
            "a boolean" => Expected::Bool,
            "a sequence" | "a list" => Expected::List,
            "a map" => Expected::Object,
            "an object whose values are strings" => Expected::ObjectOfTexts,
            "an object whose values are lists of ids" => Expected::ObjectOfLists,
            _ if text.starts_with("struct ") => Expected::Object,
            _ => Expected::Other(text.to_owned()),
        }
    }
}

impl Message for Expected {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self, lang) {
            (Expected::WholeNumber { min, max }, Lang::Nl) => {
                write!(out, "een heel getal van {min} tot en met {max}")
            }
            (Expected::WholeNumber { min, max }, Lang::En) => {
                write!(out, "a whole number from {min} to {max}")
            }
            (Expected::Number, Lang::Nl) => out.write_str("een getal"),
            (Expected::Number, Lang::En) => out.write_str("a number"),
            (Expected::Text, Lang::Nl) => out.write_str("een tekst tussen aanhalingstekens"),
            (Expected::Text, Lang::En) => out.write_str("a string"),
            (Expected::Bool, Lang::Nl) => out.write_str("true of false"),
            (Expected::Bool, Lang::En) => out.write_str("true or false"),
            (Expected::List, Lang::Nl) => out.write_str("een lijst `[ … ]`"),
            (Expected::List, Lang::En) => out.write_str("a list `[ … ]`"),
            (Expected::Object, Lang::Nl) => out.write_str("een object `{ … }`"),
            (Expected::Object, Lang::En) => out.write_str("an object `{ … }`"),
            (Expected::ObjectOfTexts, Lang::Nl) => {
                out.write_str("een object met teksten als waarden")
            }
            (Expected::ObjectOfTexts, Lang::En) => {
                out.write_str("an object whose values are strings")
            }
            (Expected::ObjectOfLists, Lang::Nl) => {
                out.write_str("een object met lijsten van ids als waarden")
            }
            (Expected::ObjectOfLists, Lang::En) => {
                out.write_str("an object whose values are lists of ids")
            }
            (Expected::Other(what), Lang::Nl) => write!(out, "geldig (`{what}`)"),
            (Expected::Other(what), Lang::En) => out.write_str(what),
        }
    }
}

/// serde_json's sentence without its ` at line L column C` (the position is shown apart).
pub fn strip_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains(" column ") => &message[..i],
        _ => message,
    }
}

/// Backticked names after "expected" in a serde message: the allowed fields or values.
pub(crate) fn expected_names(msg: &str) -> Vec<String> {
    let Some(i) = msg.find("expected") else {
        return Vec::new();
    };
    msg[i..]
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    /// serde_json's own message for `text` read as `T`.
    fn serde_says<T: for<'de> Deserialize<'de>>(text: &str) -> SerdeMessage {
        let e = serde_json::from_str::<T>(text).map(|_| ()).expect_err(text);
        SerdeMessage::parse(&e.to_string())
    }

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Add {
        id: String,
        priority: u16,
        kind: Kind,
    }

    #[derive(Deserialize, Debug)]
    #[serde(rename_all = "lowercase")]
    enum Kind {
        Step,
        Partner,
    }

    #[test]
    fn a_string_for_a_number_reads_as_wrong_type_in_both_languages() {
        let m = serde_says::<Add>(r#"{"id": "a", "priority": "hoog", "kind": "step"}"#);
        assert_eq!(
            m,
            SerdeMessage::InvalidType {
                found: Found::Text("\"hoog\"".into()),
                expected: Expected::WholeNumber { min: 0, max: 65535 },
            }
        );
        assert_eq!(
            m.about(Some("priority")).in_lang(Lang::Nl).to_string(),
            "`priority` moet een heel getal van 0 tot en met 65535 zijn, niet \"hoog\""
        );
        assert_eq!(
            m.about(Some("priority")).in_lang(Lang::En).to_string(),
            "`priority` must be a whole number from 0 to 65535, not \"hoog\""
        );
    }

    #[test]
    fn every_data_error_serde_json_writes_is_understood() {
        let cases = [
            serde_says::<Add>(r#"{"id": "a", "kind": "step"}"#),
            serde_says::<Add>(r#"{"id": "a", "priority": 1, "kind": "step", "x": 1}"#),
            serde_says::<Add>(r#"{"id": "a", "priority": 1, "kind": "stap"}"#),
            serde_says::<Add>(r#"{"id": 5, "priority": 1, "kind": "step"}"#),
            serde_says::<Add>(r#"{"id": "a", "priority": 70000, "kind": "step"}"#),
            serde_says::<Add>(r#"{"id": "a", "priority": -1, "kind": "step"}"#),
            serde_says::<Add>(r#"{"id": null, "priority": 1, "kind": "step"}"#),
            serde_says::<Add>(r#"{"id": [], "priority": 1, "kind": "step"}"#),
            serde_says::<Add>(r#"{"id": "a", "id": "b", "priority": 1, "kind": "step"}"#),
            serde_says::<(u8, u8)>("[1]"),
            serde_says::<bool>("1.5"),
        ];
        for m in &cases {
            assert!(
                !matches!(m, SerdeMessage::Other(_)),
                "not understood: {m:?}"
            );
        }
        assert_eq!(cases[0], SerdeMessage::MissingField("priority".into()));
        assert!(
            matches!(&cases[1], SerdeMessage::UnknownField { field, expected }
            if field == "x" && expected.contains(&"priority".to_string()))
        );
        assert!(matches!(&cases[2], SerdeMessage::UnknownVariant { value, .. } if value == "stap"));
        assert!(
            matches!(&cases[4], SerdeMessage::InvalidValue { found: Found::Integer(n), .. } if n == "70000")
        );
    }

    #[test]
    fn every_syntax_error_serde_json_writes_is_understood() {
        for text in [
            "",
            "{",
            "[1",
            "\"ab",
            "{\"a\" 1}",
            "[1 2]",
            "{\"a\": 1 \"b\": 2}",
            "{\"a\": }",
            "tru",
            "\"\\q\"",
            "{1: 2}",
            "[1,]",
            "{} x",
            "-",
            "\"\u{1}\"",
        ] {
            let m = serde_says::<serde::de::IgnoredAny>(text);
            assert!(matches!(m, SerdeMessage::Syntax(_)), "{text:?}: {m:?}");
            assert!(!m.in_lang(Lang::Nl).to_string().is_empty());
        }
    }

    #[test]
    fn wegwijs_own_date_messages_are_understood() {
        let e = "2026-02-30".parse::<crate::date::Date>().unwrap_err();
        assert_eq!(
            SerdeMessage::parse(&e.to_string()),
            SerdeMessage::NotADate("2026-02-30".into())
        );
    }

    #[test]
    fn an_unknown_sentence_is_kept_in_english_and_quoted_in_dutch() {
        let m = SerdeMessage::parse("something new at line 1 column 2");
        assert_eq!(m, SerdeMessage::Other("something new".into()));
        assert_eq!(m.in_lang(Lang::En).to_string(), "something new");
    }
}
