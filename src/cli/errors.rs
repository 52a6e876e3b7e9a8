//! clap's argument errors in the user's language. clap writes its errors in English; here they
//! are rebuilt from what clap knows about them (`err.kind()` and `err.context()`: the argument,
//! the value, the valid values, the nearest match, the usage), each sentence a [`ClapText`].

use std::fmt;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::texts::Help;
use crate::i18n::{Lang, Message};

/// A sentence of an argument error, with its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClapText<'a> {
    /// The word before the message (`error:`).
    Error,
    /// An argument that the command does not take.
    UnknownArgument(&'a str),
    /// An option given without its value.
    ValueRequired(&'a str),
    /// A value that is not one of the argument's values (or does not parse).
    InvalidValue(&'a str, &'a str),
    /// A word where a subcommand belongs that is none.
    UnknownSubcommand(&'a str),
    /// Required arguments that were not given (listed on the lines after).
    MissingRequired,
    /// A command that needs a subcommand got none.
    MissingSubcommand(&'a str),
    /// An argument given twice that may be given once.
    UsedTwice(&'a str),
    /// An argument that cannot go with another.
    Conflict(&'a str),
    /// A value after the last one an argument takes.
    TooManyValues(&'a str, &'a str),
    /// An argument with the wrong number of values: (argument, needed, given).
    WrongNumber(&'a str, isize, isize),
    /// `--opt=value` needed.
    NoEquals(&'a str),
    /// An argument that is not valid UTF-8.
    InvalidUtf8,
    /// The value is not a whole number.
    NotANumber,
    /// The value is not a date in the form YYYY-MM-DD.
    NotADate,
    /// Any other argument error.
    Other,
    /// The name of a list of valid values.
    PossibleValues,
    /// The name of a list of valid subcommands.
    Subcommands,
    /// The word that opens a suggestion.
    Tip,
    /// Suggests what was probably meant.
    DidYouMean(Word, &'a [String]),
    /// `VALUE` looks like an option; `-- VALUE` passes it as a value.
    PassAsValue(&'a str, &'a str),
    /// The option exists on this subcommand.
    ExistsOn(&'a str),
    /// A subcommand written after `--`.
    RemoveDashes(&'a str),
    /// Where to read more.
    TryHelp(&'a str),
}

/// What kind of word a suggestion names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// A subcommand.
    Subcommand,
    /// An option or argument.
    Argument,
    /// A value.
    Value,
}

impl Message for ClapText<'_> {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ClapText as C;
        match (self, lang) {
            (C::Error, Lang::Nl) => out.write_str("fout:"),
            (C::Error, Lang::En) => out.write_str("error:"),
            (C::UnknownArgument(a), Lang::Nl) => write!(out, "onverwacht argument '{a}'"),
            (C::UnknownArgument(a), Lang::En) => write!(out, "unexpected argument '{a}' found"),
            (C::ValueRequired(a), Lang::Nl) => {
                write!(out, "'{a}' vraagt een waarde, maar kreeg er geen")
            }
            (C::ValueRequired(a), Lang::En) => {
                write!(out, "a value is required for '{a}' but none was supplied")
            }
            (C::InvalidValue(a, v), Lang::Nl) => write!(out, "ongeldige waarde '{v}' voor '{a}'"),
            (C::InvalidValue(a, v), Lang::En) => write!(out, "invalid value '{v}' for '{a}'"),
            (C::UnknownSubcommand(s), Lang::Nl) => write!(out, "onbekende opdracht '{s}'"),
            (C::UnknownSubcommand(s), Lang::En) => write!(out, "unrecognized subcommand '{s}'"),
            (C::MissingRequired, Lang::Nl) => {
                out.write_str("deze verplichte argumenten ontbreken:")
            }
            (C::MissingRequired, Lang::En) => {
                out.write_str("the following required arguments were not provided:")
            }
            (C::MissingSubcommand(s), Lang::Nl) => {
                write!(out, "'{s}' vraagt een opdracht, maar kreeg er geen")
            }
            (C::MissingSubcommand(s), Lang::En) => {
                write!(out, "'{s}' requires a subcommand but one was not provided")
            }
            (C::UsedTwice(a), Lang::Nl) => write!(out, "'{a}' mag maar één keer voorkomen"),
            (C::UsedTwice(a), Lang::En) => {
                write!(out, "the argument '{a}' cannot be used multiple times")
            }
            (C::Conflict(a), Lang::Nl) => write!(out, "'{a}' gaat niet samen met"),
            (C::Conflict(a), Lang::En) => write!(out, "the argument '{a}' cannot be used with"),
            (C::TooManyValues(a, v), Lang::Nl) => {
                write!(
                    out,
                    "onverwachte waarde '{v}' voor '{a}'; meer waarden passen er niet"
                )
            }
            (C::TooManyValues(a, v), Lang::En) => write!(
                out,
                "unexpected value '{v}' for '{a}' found; no more were expected"
            ),
            (C::WrongNumber(a, need, got), Lang::Nl) => {
                write!(out, "'{a}' vraagt {need} waarden, maar kreeg er {got}")
            }
            (C::WrongNumber(a, need, got), Lang::En) => {
                let verb = if *got > 1 { "were" } else { "was" };
                write!(
                    out,
                    "{need} values required for '{a}' but {got} {verb} provided"
                )
            }
            (C::NoEquals(a), Lang::Nl) => {
                write!(out, "geef de waarde van '{a}' mee met een isgelijkteken")
            }
            (C::NoEquals(a), Lang::En) => {
                write!(out, "equal sign is needed when assigning values to '{a}'")
            }
            (C::InvalidUtf8, Lang::Nl) => out.write_str("een argument is geen geldige UTF-8"),
            (C::InvalidUtf8, Lang::En) => {
                out.write_str("invalid UTF-8 was detected in one or more arguments")
            }
            (C::NotANumber, Lang::Nl) => out.write_str("verwacht een geheel getal vanaf 0"),
            (C::NotANumber, Lang::En) => out.write_str("expected a whole number from 0"),
            (C::NotADate, Lang::Nl) => out.write_str("verwacht een datum als JJJJ-MM-DD"),
            (C::NotADate, Lang::En) => out.write_str("expected a date as YYYY-MM-DD"),
            (C::Other, Lang::Nl) => out.write_str("ongeldige argumenten"),
            (C::Other, Lang::En) => out.write_str("invalid arguments"),
            (C::PossibleValues, lang) => out.write_str(Help::PossibleValues.text(lang)),
            (C::Subcommands, Lang::Nl) => out.write_str("opdrachten"),
            (C::Subcommands, Lang::En) => out.write_str("subcommands"),
            (C::Tip, Lang::Nl) => out.write_str("tip:"),
            (C::Tip, Lang::En) => out.write_str("tip:"),
            (C::DidYouMean(_, names), Lang::Nl) => {
                write!(out, "bedoelde u {}?", quoted(names, " of "))
            }
            (C::DidYouMean(word, names), Lang::En) => {
                let word = match word {
                    Word::Subcommand => "subcommand",
                    Word::Argument => "argument",
                    Word::Value => "value",
                };
                match names {
                    [one] => write!(out, "a similar {word} exists: '{one}'"),
                    _ => write!(out, "some similar {word}s exist: {}", quoted(names, ", ")),
                }
            }
            (C::PassAsValue(v, with), Lang::Nl) => {
                write!(out, "om '{v}' als waarde mee te geven: '{with}'")
            }
            (C::PassAsValue(v, with), Lang::En) => {
                write!(out, "to pass '{v}' as a value, use '{with}'")
            }
            (C::ExistsOn(what), Lang::Nl) => write!(out, "'{what}' bestaat"),
            (C::ExistsOn(what), Lang::En) => write!(out, "'{what}' exists"),
            (C::RemoveDashes(s), Lang::Nl) => {
                write!(out, "opdracht '{s}' bestaat; haal de '--' ervoor weg")
            }
            (C::RemoveDashes(s), Lang::En) => write!(
                out,
                "subcommand '{s}' exists; to use it, remove the '--' before it"
            ),
            (C::TryHelp(flag), Lang::Nl) => write!(out, "Meer informatie: probeer '{flag}'."),
            (C::TryHelp(flag), Lang::En) => write!(out, "For more information, try '{flag}'."),
        }
    }
}

fn quoted(names: &[String], sep: &str) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    q.join(sep)
}

/// A string of the error's context.
fn string(err: &clap::Error, kind: ContextKind) -> Option<&str> {
    match err.get(kind) {
        Some(ContextValue::String(s)) => Some(s),
        _ => None,
    }
}

/// A list of the error's context (a single string counts as a list of one).
fn strings(err: &clap::Error, kind: ContextKind) -> Vec<String> {
    match err.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

/// A number of the error's context.
fn number(err: &clap::Error, kind: ContextKind) -> isize {
    match err.get(kind) {
        Some(ContextValue::Number(n)) => *n,
        _ => 0,
    }
}

/// The error in `lang`, plain text, without the leading `error:`; as clap lays it out: the
/// message, suggestions, the usage, and where to read more.
pub fn render(err: &clap::Error, lang: Lang) -> String {
    use ClapText as C;
    use ContextKind as K;
    let say = |m: ClapText<'_>| m.in_lang(lang).to_string();
    let arg = string(err, K::InvalidArg).unwrap_or_default();
    let value = string(err, K::InvalidValue).unwrap_or_default();
    let mut text = match err.kind() {
        ErrorKind::UnknownArgument => say(C::UnknownArgument(arg)),
        ErrorKind::InvalidValue if value.is_empty() => say(C::ValueRequired(arg)),
        ErrorKind::InvalidValue => say(C::InvalidValue(arg, value)),
        ErrorKind::ValueValidation => {
            let mut line = say(C::InvalidValue(arg, value));
            let source = std::error::Error::source(err);
            // The parsers' own words are English; other languages say it in their own.
            let why = match source {
                Some(s) if lang == Lang::En => Some(s.to_string()),
                Some(s) if s.is::<std::num::ParseIntError>() => Some(say(C::NotANumber)),
                Some(s) if s.is::<crate::date::DateError>() => Some(say(C::NotADate)),
                _ => None,
            };
            if let Some(why) = why {
                line += &format!(": {why}");
            }
            line
        }
        ErrorKind::InvalidSubcommand => say(C::UnknownSubcommand(
            string(err, K::InvalidSubcommand).unwrap_or_default(),
        )),
        ErrorKind::MissingRequiredArgument => {
            let mut line = say(C::MissingRequired);
            for missing in strings(err, K::InvalidArg) {
                line += &format!("\n  {missing}");
            }
            line
        }
        ErrorKind::MissingSubcommand => say(C::MissingSubcommand(
            string(err, K::InvalidSubcommand).unwrap_or_default(),
        )),
        ErrorKind::ArgumentConflict => {
            let prior = strings(err, K::PriorArg);
            if prior.len() == 1 && prior[0] == arg {
                say(C::UsedTwice(arg))
            } else {
                let mut line = say(C::Conflict(arg));
                match prior.as_slice() {
                    [one] => line += &format!(" '{one}'"),
                    many => {
                        line += ":";
                        for p in many {
                            line += &format!("\n  {p}");
                        }
                    }
                }
                line
            }
        }
        ErrorKind::TooManyValues => say(C::TooManyValues(arg, value)),
        ErrorKind::TooFewValues => say(C::WrongNumber(
            arg,
            number(err, K::MinValues),
            number(err, K::ActualNumValues),
        )),
        ErrorKind::WrongNumberOfValues => say(C::WrongNumber(
            arg,
            number(err, K::ExpectedNumValues),
            number(err, K::ActualNumValues),
        )),
        ErrorKind::NoEquals => say(C::NoEquals(arg)),
        ErrorKind::InvalidUtf8 => say(C::InvalidUtf8),
        _ => say(C::Other),
    };
    let list = match err.kind() {
        ErrorKind::InvalidValue => Some((C::PossibleValues, strings(err, K::ValidValue))),
        ErrorKind::MissingSubcommand => Some((C::Subcommands, strings(err, K::ValidSubcommand))),
        _ => None,
    };
    if let Some((name, values)) = list.filter(|(_, v)| !v.is_empty()) {
        text += &format!("\n  [{}: {}]", say(name), values.join(", "));
    }
    let mut tips = Vec::new();
    for (kind, word) in [
        (K::SuggestedSubcommand, Word::Subcommand),
        (K::SuggestedArg, Word::Argument),
        (K::SuggestedValue, Word::Value),
    ] {
        let names = strings(err, kind);
        if !names.is_empty() {
            tips.push(say(C::DidYouMean(word, &names)));
        }
    }
    if let Some(ContextValue::StyledStrs(suggestions)) = err.get(K::Suggested) {
        for s in suggestions {
            if let Some(tip) = suggestion(&s.to_string(), lang) {
                tips.push(tip);
            }
        }
    }
    if !tips.is_empty() {
        text += "\n";
        for tip in tips {
            text += &format!("\n  {} {tip}", say(C::Tip));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = err.get(K::Usage) {
        let usage = usage.to_string();
        let body = usage.strip_prefix("Usage:").unwrap_or(&usage).trim_start();
        text += &format!("\n\n{}: {body}", Help::Usage.text(lang));
    }
    text += "\n\n";
    text += &say(C::TryHelp("--help"));
    text += "\n";
    text
}

/// One of clap's fixed suggestions in `lang`; `None` for one this table does not know (left
/// out rather than shown in another language).
fn suggestion(text: &str, lang: Lang) -> Option<String> {
    use ClapText as C;
    let say = |m: ClapText<'_>| m.in_lang(lang).to_string();
    if let Some(rest) = text.strip_prefix("to pass '") {
        let (value, rest) = rest.split_once("' as a value, use '")?;
        let with = rest.strip_suffix('\'')?;
        return Some(say(C::PassAsValue(value, with)));
    }
    if let Some(rest) = text.strip_prefix("subcommand '") {
        let (name, _) = rest.split_once('\'')?;
        return Some(say(C::RemoveDashes(name)));
    }
    if let Some(what) = text
        .strip_prefix('\'')
        .and_then(|r| r.strip_suffix("' exists"))
    {
        return Some(say(C::ExistsOn(what)));
    }
    (lang == Lang::En).then(|| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::localize::command;

    fn error(lang: Lang, args: &[&str]) -> String {
        let err = command(lang)
            .try_get_matches_from(std::iter::once("wegwijs").chain(args.iter().copied()))
            .unwrap_err();
        render(&err, lang)
    }

    #[test]
    fn clap_s_common_errors_in_dutch() {
        let nl = |args: &[&str]| error(Lang::Nl, args);
        let unknown = nl(&["plan", "--rol", "x"]);
        assert!(
            unknown.starts_with("onverwacht argument '--rol'"),
            "{unknown}"
        );
        assert!(unknown.contains("tip: bedoelde u '--role'?"), "{unknown}");
        assert!(
            unknown.contains("Gebruik: wegwijs plan [OPTIES]"),
            "{unknown}"
        );
        assert!(
            unknown.ends_with("Meer informatie: probeer '--help'.\n"),
            "{unknown}"
        );
        let missing = nl(&["test"]);
        assert!(
            missing.starts_with("deze verplichte argumenten ontbreken:\n  <BESTAND>..."),
            "{missing}"
        );
        let value = nl(&["plan", "--format", "josn"]);
        assert!(
            value.starts_with(
                "ongeldige waarde 'josn' voor '--format <VORM>'\n  [mogelijke waarden: text, markdown, json]"
            ),
            "{value}"
        );
        assert!(value.contains("bedoelde u 'json'?"), "{value}");
        let sub = nl(&["pla"]);
        assert!(sub.starts_with("onbekende opdracht 'pla'"), "{sub}");
        assert!(sub.contains("bedoelde u 'plan'?"), "{sub}");
        let number = nl(&["check", "--max-age-days", "veel"]);
        assert!(number.contains("verwacht een geheel getal"), "{number}");
        let dashes = nl(&["check", "--max-age-days", "-5"]);
        assert!(
            dashes.contains("om '-5' als waarde mee te geven: '-- -5'"),
            "{dashes}"
        );
    }

    #[test]
    fn english_errors_read_as_clap_s_own() {
        let unknown = error(Lang::En, &["plan", "--rol", "x"]);
        assert!(
            unknown.starts_with(
                "unexpected argument '--rol' found\n\n  tip: a similar argument exists: '--role'"
            ),
            "{unknown}"
        );
        let sub = error(Lang::En, &["pla"]);
        assert!(
            sub.contains("tip: a similar subcommand exists: 'plan'"),
            "{sub}"
        );
    }

    #[test]
    fn every_error_sentence_has_words_in_every_language() {
        let names = ["a".to_owned(), "b".to_owned()];
        let all = [
            ClapText::Error,
            ClapText::UnknownArgument("--x"),
            ClapText::ValueRequired("--x"),
            ClapText::InvalidValue("--x", "y"),
            ClapText::UnknownSubcommand("x"),
            ClapText::MissingRequired,
            ClapText::MissingSubcommand("x"),
            ClapText::UsedTwice("--x"),
            ClapText::Conflict("--x"),
            ClapText::TooManyValues("--x", "y"),
            ClapText::WrongNumber("--x", 2, 1),
            ClapText::NoEquals("--x"),
            ClapText::InvalidUtf8,
            ClapText::NotANumber,
            ClapText::NotADate,
            ClapText::Other,
            ClapText::PossibleValues,
            ClapText::Subcommands,
            ClapText::Tip,
            ClapText::DidYouMean(Word::Value, &names),
            ClapText::PassAsValue("-5", "-- -5"),
            ClapText::ExistsOn("plan --x"),
            ClapText::RemoveDashes("plan"),
            ClapText::TryHelp("--help"),
        ];
        for text in &all {
            for lang in Lang::ALL {
                assert!(!text.in_lang(lang).to_string().is_empty(), "{text:?}");
            }
            let nl = text.in_lang(Lang::Nl).to_string();
            for english in [" the ", " found", "required", "value ", "similar", " use "] {
                assert!(!format!(" {nl} ").contains(english), "{text:?}: {nl}");
            }
        }
    }
}
