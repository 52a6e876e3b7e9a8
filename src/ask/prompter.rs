//! What the questionnaire asks of a user interface: choose one option, or review the answers.
//!
//! The loop in [`super::run`] only talks to this trait, so the same loop runs in a terminal
//! (inquire) and under a script in tests.

use std::fmt;

/// One question as shown to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// The question id (`role`, `concern` or a question id).
    pub id: String,
    /// The question.
    pub text: String,
    /// Extra explanation, if any.
    pub help: Option<String>,
    /// The options, in graph order.
    pub options: Vec<PromptOption>,
    /// Whether "back" may be offered (not on the first question).
    pub can_go_back: bool,
    /// The option to put the cursor on: the earlier answer when the question is asked again.
    pub cursor: usize,
}

/// One option of a [`Prompt`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromptOption {
    /// The option id.
    pub id: String,
    /// Its label.
    pub label: String,
    /// A short description, if any.
    pub help: Option<String>,
    /// Other words that select it when typed as a filter.
    pub aliases: Vec<String>,
}

/// The user's answer to a [`Prompt`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// The option at this index.
    Pick(usize),
    /// Go back to the previous question.
    Back,
}

/// One answer in the review before the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryRow {
    /// The question id.
    pub id: String,
    /// The question.
    pub question: String,
    /// The chosen option's label.
    pub answer: String,
}

/// The user's verdict on the review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Review {
    /// Show the plan.
    Confirm,
    /// Change the answer of the row at this index.
    Change(usize),
}

/// Why prompting stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptError {
    /// The user pressed Esc or Ctrl-C.
    Cancelled,
    /// There is no terminal to prompt on.
    NotATerminal,
    /// The interface failed (I/O, or a test script that ran out).
    Failed(String),
}

impl fmt::Display for PromptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PromptError::Cancelled => f.write_str("cancelled"),
            PromptError::NotATerminal => f.write_str("not a terminal"),
            PromptError::Failed(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for PromptError {}

/// A user interface for the questionnaire.
pub trait Prompter {
    /// Asks one question.
    fn choose(&mut self, prompt: &Prompt) -> Result<Choice, PromptError>;

    /// Shows every answer and asks whether to show the plan or change one.
    fn review(&mut self, rows: &[SummaryRow]) -> Result<Review, PromptError>;

    /// Shows an urgent line at once, above the questions still to come: the graph's emergency
    /// line (call 112) right after an urgent answer to the safety question, so a person in
    /// danger does not have to finish the questionnaire to read it.
    fn alert(&mut self, heading: &str, text: &str) -> Result<(), PromptError>;
}
