//! The terminal [`Prompter`]: inquire's select lists, drawn on the terminal.
//!
//! Each option shows its label and description, cut to the terminal's width as it is at each
//! redraw, so resizing the window never wraps the list; typing filters and ranks the options
//! ([`super::filter`]); a last entry goes back. Esc and Ctrl-C cancel: the question is wiped
//! from the screen, so a cancelled questionnaire leaves nothing behind.

use std::fmt;
use std::fs::File;
use std::io::Write;

use inquire::Select;
use inquire::error::InquireError;
use inquire::ui::{RenderConfig, Styled};

use super::filter;
use super::{Choice, Prompt, PromptError, PromptOption, Prompter, Review, SummaryRow};
use crate::i18n::{Lang, Ui};
use crate::text::sanitize;

/// The most options inquire shows at once; fewer when the terminal is short (see [`page_size`]).
const PAGE_SIZE: usize = 12;

/// Prompts with inquire in the terminal.
#[derive(Debug)]
pub struct InquirePrompter {
    /// The language of the tool's own words.
    pub lang: Lang,
    /// Whether to use colour.
    pub color: bool,
    screen: Screen,
    /// The urgent line once it was shown: repeated in the help line of every later question, so
    /// that it stays on screen however short the terminal and however many questions follow.
    reminder: Option<String>,
}

impl InquirePrompter {
    /// A prompter on this process's terminal.
    pub fn new(lang: Lang, color: bool) -> InquirePrompter {
        InquirePrompter {
            lang,
            color,
            screen: Screen::open(),
            reminder: None,
        }
    }
}

/// The terminal the prompts are drawn on: `/dev/tty` on Unix, where inquire's termion back end
/// draws (so stderr may go to a file), and stderr elsewhere, where crossterm draws.
#[derive(Debug)]
struct Screen {
    tty: Option<File>,
}

impl Screen {
    fn open() -> Screen {
        #[cfg(unix)]
        let tty = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/tty")
            .ok();
        #[cfg(not(unix))]
        let tty = None;
        Screen { tty }
    }

    /// The size of the terminal the prompts are drawn on, as it is now.
    fn size(&self) -> Option<(terminal_size::Width, terminal_size::Height)> {
        match &self.tty {
            Some(tty) => terminal_size::terminal_size_of(tty),
            None => terminal_size::terminal_size_of(std::io::stderr()),
        }
    }

    /// The columns a line may use now. Measured on every call: the window may have been
    /// resized since the last redraw. inquire lays lines out by stdout's width (80 when stdout
    /// is not a terminal), so a line never gets wider than that either.
    fn columns(&self) -> usize {
        let inquire = terminal_size::terminal_size_of(std::io::stdout()).map_or(80, |(w, _)| w.0);
        usize::from(self.size().map_or(inquire, |(w, _)| w.0.min(inquire)))
    }

    /// The rows of the terminal now, if it says; measured on every call, like the columns.
    fn rows(&self) -> Option<usize> {
        self.size().map(|(_, h)| usize::from(h.0))
    }

    fn write(&self, s: &str) {
        // Only looks: a terminal that refuses them still gets its questions.
        let _ = match &self.tty {
            Some(tty) => (&*tty).write_all(s.as_bytes()),
            None => std::io::stderr().write_all(s.as_bytes()),
        };
    }

    /// Makes room for `rows` lines below the cursor and remembers where they start (DECSC), so
    /// [`Screen::wipe`] finds the start even when the screen scrolled to draw the question.
    fn mark(&self, rows: usize) {
        let rows = rows.max(1);
        self.write(&format!("{}\x1b[{rows}A\r\x1b7", "\n".repeat(rows)));
    }

    /// Clears everything from the place [`Screen::mark`] remembered (DECRC, then erase below).
    fn wipe(&self) {
        self.write("\x1b8\x1b[J");
    }
}

/// One line of a select list.
struct Item<'s> {
    option: PromptOption,
    /// Label and description, sanitized, before cutting to the width.
    line: String,
    /// What stays on screen once chosen.
    chosen: String,
    screen: &'s Screen,
}

impl<'s> Item<'s> {
    fn new(option: PromptOption, screen: &'s Screen) -> Item<'s> {
        let line = match &option.help {
            Some(help) => sanitize(&format!("{} — {help}", option.label)).into_owned(),
            None => sanitize(&option.label).into_owned(),
        };
        let chosen = sanitize(&option.label).into_owned();
        Item {
            option,
            line,
            chosen,
            screen,
        }
    }
}

impl fmt::Display for Item<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Room for inquire's cursor mark in front of the line.
        f.write_str(&cut(&self.line, fit(self.screen.columns())))
    }
}

/// The characters an option line may have in a terminal of `columns`.
fn fit(columns: usize) -> usize {
    columns.saturating_sub(4).max(12)
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

/// The options to show at once in a terminal of `rows` lines, when the question takes
/// `message_rows` and the help line `help_rows`: all of them up to [`PAGE_SIZE`], fewer when the
/// whole prompt would not fit, and never fewer than two, so that a list that scrolls shows its
/// scroll marks. A list taller than the screen scrolls the question and the
/// highlighted option out of sight, and inquire's redraw then garbles what is left.
fn page_size(rows: Option<usize>, message_rows: usize, help_rows: usize) -> usize {
    match rows {
        // One spare line for the cursor below the help.
        Some(rows) => rows
            .saturating_sub(message_rows + help_rows + 1)
            .clamp(2, PAGE_SIZE),
        None => PAGE_SIZE,
    }
}

/// Screen rows `text` takes in a terminal of `columns`.
fn rows(text: &str, columns: usize) -> usize {
    textwrap::core::display_width(text) / columns.max(1) + 1
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
        }
        .with_canceled_prompt_indicator(Styled::new(""));
        let count = items.len();
        let help = match &self.reminder {
            Some(reminder) => format!("{reminder} · {help}"),
            None => help.to_owned(),
        };
        let help = help.as_str();
        let columns = self.screen.columns();
        let message_rows = rows(&format!("? {message} "), columns);
        let help_rows = rows(&format!("[{help}]"), columns);
        let page = page_size(self.screen.rows(), message_rows, help_rows);
        self.screen.mark(message_rows + count.min(page) + help_rows);
        Select::new(message, items)
            .with_help_message(help)
            .with_formatter(&|chosen| chosen.value.chosen.clone())
            .with_starting_cursor(cursor.min(count.saturating_sub(1)))
            .with_page_size(page)
            .with_scorer(&|input, item, _, index| filter::rank(input, &item.option, index))
            .with_render_config(config)
            .raw_prompt()
            .map(|chosen| chosen.index)
            .map_err(|e| match e {
                InquireError::OperationCanceled | InquireError::OperationInterrupted => {
                    self.screen.wipe();
                    PromptError::Cancelled
                }
                InquireError::NotTTY => PromptError::NotATerminal,
                other => PromptError::Failed(other.to_string()),
            })
    }
}

impl Prompter for InquirePrompter {
    fn alert(&mut self, heading: &str, text: &str) -> Result<(), PromptError> {
        let (heading, text) = (sanitize(heading), sanitize(text));
        let line = if self.color {
            format!("\x1b[1;31m{heading}\x1b[0m {text}\n")
        } else {
            format!("{heading} {text}\n")
        };
        self.screen.write(&line);
        self.reminder = Some(format!("{heading} {text}"));
        Ok(())
    }

    fn choose(&mut self, prompt: &Prompt) -> Result<Choice, PromptError> {
        let mut items: Vec<Item> = prompt
            .options
            .iter()
            .map(|o| Item::new(o.clone(), &self.screen))
            .collect();
        let back = prompt.can_go_back.then_some(items.len());
        if back.is_some() {
            let option = PromptOption {
                id: "back".into(),
                label: Ui::Back.get(self.lang).into(),
                help: None,
                aliases: vec!["terug".into()],
            };
            items.push(Item::new(option, &self.screen));
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
        let show = PromptOption {
            id: "ok".into(),
            label: Ui::ShowPlan.get(self.lang).into(),
            help: None,
            aliases: vec!["yes".into(), "ja".into()],
        };
        let mut items = vec![Item::new(show, &self.screen)];
        items.extend(rows.iter().map(|r| {
            // The answer first: a line cut to the terminal's width keeps what is being checked.
            let option = PromptOption {
                id: r.id.clone(),
                label: format!("{change}: {}", r.answer),
                help: Some(r.question.clone()),
                aliases: Vec::new(),
            };
            Item::new(option, &self.screen)
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
    fn a_narrow_terminal_still_gets_lines_that_fit() {
        assert_eq!(fit(100), 96);
        assert_eq!(fit(40), 36);
        assert_eq!(fit(3), 12);
    }

    #[test]
    fn a_short_terminal_shows_fewer_options_so_the_question_stays_in_sight() {
        // 10 rows, a one-line question, a one-line help: 7 options, not 12.
        assert_eq!(page_size(Some(10), 1, 1), 7);
        // Tall enough: every option up to the page size.
        assert_eq!(page_size(Some(50), 1, 1), PAGE_SIZE);
        // Absurdly short: still two options, so the list shows that it scrolls.
        assert_eq!(page_size(Some(3), 2, 2), 2);
        // Size unknown: the full page.
        assert_eq!(page_size(None, 1, 1), PAGE_SIZE);
    }

    #[test]
    fn rows_counts_wrapped_lines() {
        assert_eq!(rows("abc", 80), 1);
        assert_eq!(rows(&"x".repeat(100), 40), 3);
    }
}
