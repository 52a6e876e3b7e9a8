//! The terminal [`Prompter`]: inquire's select lists, drawn on stderr.
//!
//! Each option shows its label and description; typing filters by label, id or alias; a last
//! entry goes back. Esc and Ctrl-C cancel; inquire restores the terminal either way.

use std::fmt;

use inquire::Select;
use inquire::error::InquireError;
use inquire::ui::RenderConfig;

use super::{Choice, Prompt, PromptError, Prompter, Review, SummaryRow};
use crate::i18n::{Lang, Ui};
use crate::render::sanitize;

/// Prompts with inquire in the terminal.
#[derive(Debug, Clone, Copy)]
pub struct InquirePrompter {
    /// The language of the tool's own words.
    pub lang: Lang,
    /// Whether to use colour.
    pub color: bool,
    /// Columns available; list lines are cut to fit so they never wrap.
    pub width: usize,
}

/// One line of a select list.
struct Item {
    shown: String,
    /// What stays on screen once chosen.
    label: String,
    /// Lowercased ids and aliases, also matched by the filter.
    keys: Vec<String>,
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.shown)
    }
}

/// `s`, cut to `width` characters with an ellipsis when longer.
fn cut(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

fn matches(input: &str, item: &Item, shown: &str) -> Option<i64> {
    let filter = input.trim().to_lowercase();
    let hit =
        shown.to_lowercase().contains(&filter) || item.keys.iter().any(|k| k.starts_with(&filter));
    hit.then_some(0)
}

impl InquirePrompter {
    fn select(
        &self,
        message: &str,
        help: &str,
        items: Vec<Item>,
        cursor: usize,
    ) -> Result<usize, PromptError> {
        let config = if self.color {
            RenderConfig::default_colored()
        } else {
            RenderConfig::empty()
        };
        let count = items.len();
        Select::new(message, items)
            .with_help_message(help)
            .with_formatter(&|chosen| chosen.value.label.clone())
            .with_starting_cursor(cursor.min(count.saturating_sub(1)))
            .with_page_size(12)
            .with_scorer(&|input, item, shown, _| matches(input, item, shown))
            .with_render_config(config)
            .raw_prompt()
            .map(|chosen| chosen.index)
            .map_err(|e| match e {
                InquireError::OperationCanceled | InquireError::OperationInterrupted => {
                    PromptError::Cancelled
                }
                InquireError::NotTTY => PromptError::NotATerminal,
                other => PromptError::Failed(other.to_string()),
            })
    }
}

impl Prompter for InquirePrompter {
    fn choose(&mut self, prompt: &Prompt) -> Result<Choice, PromptError> {
        let fit = self.width.saturating_sub(4).max(30);
        let mut items: Vec<Item> = prompt
            .options
            .iter()
            .map(|o| Item {
                shown: match &o.help {
                    Some(help) => cut(&sanitize(&format!("{} — {help}", o.label)), fit),
                    None => cut(&sanitize(&o.label), fit),
                },
                label: sanitize(&o.label).into_owned(),
                keys: std::iter::once(&o.id)
                    .chain(&o.aliases)
                    .map(|k| k.to_lowercase())
                    .collect(),
            })
            .collect();
        let back = prompt.can_go_back.then_some(items.len());
        if back.is_some() {
            items.push(Item {
                shown: Ui::Back.get(self.lang).to_owned(),
                label: Ui::Back.get(self.lang).to_owned(),
                keys: vec!["back".into(), "terug".into()],
            });
        }
        let keys = Ui::KeysHelp.get(self.lang);
        let help = match &prompt.help {
            Some(h) => format!("{} · {keys}", sanitize(h)),
            None => keys.to_owned(),
        };
        let chosen = self.select(&sanitize(&prompt.text), &help, items, prompt.cursor)?;
        Ok(if Some(chosen) == back {
            Choice::Back
        } else {
            Choice::Pick(chosen)
        })
    }

    fn review(&mut self, rows: &[SummaryRow]) -> Result<Review, PromptError> {
        let change = Ui::Change.get(self.lang);
        let fit = self.width.saturating_sub(4).max(30);
        let mut items = vec![Item {
            shown: Ui::ShowPlan.get(self.lang).to_owned(),
            label: Ui::ShowPlan.get(self.lang).to_owned(),
            keys: vec!["ok".into(), "yes".into(), "ja".into()],
        }];
        items.extend(rows.iter().map(|r| Item {
            shown: cut(
                &sanitize(&format!("{change}: {} — {}", r.question, r.answer)),
                fit,
            ),
            label: sanitize(&format!("{change}: {}", r.question)).into_owned(),
            keys: vec![r.id.clone()],
        }));
        let chosen = self.select(
            Ui::ReviewTitle.get(self.lang),
            Ui::KeysHelp.get(self.lang),
            items,
            0,
        )?;
        Ok(match chosen {
            0 => Review::Confirm,
            k => Review::Change(k - 1),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_cut_with_an_ellipsis() {
        assert_eq!(
            cut("Eerste signalen — U merkt iets op", 17),
            "Eerste signalen …"
        );
        assert_eq!(cut("kort", 10), "kort");
    }

    #[test]
    fn filter_matches_labels_ids_and_aliases() {
        let item = Item {
            shown: "Youth worker — works with young people".into(),
            label: "Youth worker".into(),
            keys: vec!["youth-worker".into(), "jongerenwerker".into()],
        };
        assert!(matches("YOUTH", &item, &item.shown).is_some());
        assert!(matches("jongeren", &item, &item.shown).is_some());
        assert!(matches("police", &item, &item.shown).is_none());
    }
}
