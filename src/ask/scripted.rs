//! A [`Prompter`] that follows a script: for tests, and for driving the questionnaire from code.

use std::collections::{HashMap, VecDeque};

use super::{Choice, Prompt, PromptError, Prompter, Review, SummaryRow};
use crate::graph::Graph;

/// One scripted move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Choose the option with this id at the next question.
    Pick(&'static str),
    /// Type this filter at the next question and press Enter: picks the option the filter
    /// ranks first, as the terminal does.
    Type(&'static str),
    /// Go back at the next question.
    Back,
    /// Press Esc at the next question or review.
    Cancel,
    /// Show the plan at the next review.
    Confirm,
    /// Change the answer to this question id at the next review.
    Change(&'static str),
}

/// Plays a script, or answers from a table, and records what it was shown.
#[derive(Debug, Clone, Default)]
pub struct ScriptedPrompter {
    script: VecDeque<Script>,
    table: Option<HashMap<String, String>>,
    /// Every question shown, in order.
    pub prompts: Vec<Prompt>,
    /// Every review shown, in order.
    pub reviews: Vec<Vec<SummaryRow>>,
    /// Every urgent line shown, with the number of questions asked before it.
    pub alerts: Vec<(usize, String)>,
}

impl ScriptedPrompter {
    /// Plays `script` move by move; running out is an error.
    pub fn new(script: impl IntoIterator<Item = Script>) -> ScriptedPrompter {
        ScriptedPrompter {
            script: script.into_iter().collect(),
            ..ScriptedPrompter::default()
        }
    }

    /// Answers each question from `table` (question id, option id) and otherwise with the
    /// option the graph assumes, then confirms: the questionnaire version of `wegwijs plan`.
    pub fn answering(graph: &Graph, table: &[(&str, &str)]) -> ScriptedPrompter {
        let mut map: HashMap<String, String> = graph
            .rules
            .questions
            .iter()
            .filter_map(|q| q.assume.as_ref().map(|a| (q.id.to_string(), a.to_string())))
            .collect();
        map.extend(
            table
                .iter()
                .map(|(q, o)| ((*q).to_owned(), (*o).to_owned())),
        );
        ScriptedPrompter {
            table: Some(map),
            ..ScriptedPrompter::default()
        }
    }

    /// The ids of the questions shown, in order.
    pub fn asked(&self) -> Vec<&str> {
        self.prompts.iter().map(|p| p.id.as_str()).collect()
    }

    fn next(&mut self, at: &str) -> Result<Script, PromptError> {
        self.script
            .pop_front()
            .ok_or_else(|| PromptError::Failed(format!("the script ended at {at}")))
    }
}

impl Prompter for ScriptedPrompter {
    fn alert(&mut self, heading: &str, text: &str) -> Result<(), PromptError> {
        self.alerts
            .push((self.prompts.len(), format!("{heading}: {text}")));
        Ok(())
    }

    fn choose(&mut self, prompt: &Prompt) -> Result<Choice, PromptError> {
        self.prompts.push(prompt.clone());
        let pick = |id: &str| {
            prompt
                .options
                .iter()
                .position(|o| o.id == id)
                .map(Choice::Pick)
                .ok_or_else(|| PromptError::Failed(format!("{} has no option {id}", prompt.id)))
        };
        if let Some(table) = &self.table {
            let id = table
                .get(&prompt.id)
                .ok_or_else(|| PromptError::Failed(format!("no answer for {}", prompt.id)))?;
            return pick(id);
        }
        match self.next(&prompt.id)? {
            Script::Pick(id) => pick(id),
            Script::Type(typed) => super::filter::ranked(typed, &prompt.options)
                .first()
                .map(|&i| Choice::Pick(i))
                .ok_or_else(|| PromptError::Failed(format!("{typed:?} matches nothing"))),
            Script::Back if prompt.can_go_back => Ok(Choice::Back),
            Script::Back => Err(PromptError::Failed(format!(
                "{} offers no way back",
                prompt.id
            ))),
            Script::Cancel => Err(PromptError::Cancelled),
            other => Err(PromptError::Failed(format!(
                "{other:?} at question {}",
                prompt.id
            ))),
        }
    }

    fn review(&mut self, rows: &[SummaryRow]) -> Result<Review, PromptError> {
        self.reviews.push(rows.to_vec());
        if self.table.is_some() {
            return Ok(Review::Confirm);
        }
        match self.next("the review")? {
            Script::Confirm => Ok(Review::Confirm),
            Script::Change(id) => rows
                .iter()
                .position(|r| r.id == id)
                .map(Review::Change)
                .ok_or_else(|| PromptError::Failed(format!("no answer to {id} in the review"))),
            Script::Cancel => Err(PromptError::Cancelled),
            other => Err(PromptError::Failed(format!("{other:?} at the review"))),
        }
    }
}
