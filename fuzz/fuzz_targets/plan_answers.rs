//! Arbitrary queries, batch lines and questionnaire moves against the built-in graph: every
//! outcome is a plan or a typed error, never a panic, and the questionnaire always ends.
#![no_main]

use std::io::BufReader;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use wegwijs::ask::{self, Choice, Prompt, PromptError, Prompter, Review, SummaryRow};
use wegwijs::batch::{self, BatchOptions};
use wegwijs::i18n::Lang;
use wegwijs::plan::{PlanOptions, plan_for};
use wegwijs::query::{Query, RawQuery};
use wegwijs::render::{Markdown, PlanRenderer, Text, TextStyle};

#[derive(Debug, Arbitrary)]
struct Input {
    role: Option<String>,
    concern: Option<String>,
    answers: Vec<(String, String)>,
    answer_flags: Vec<String>,
    dutch: bool,
    explain: bool,
    batch: Vec<u8>,
    moves: Vec<u8>,
}

/// Plays the questionnaire from bytes: an option, "back", or a change in the review.
struct Moves<'m>(std::slice::Iter<'m, u8>);

impl Prompter for Moves<'_> {
    fn choose(&mut self, prompt: &Prompt) -> Result<Choice, PromptError> {
        let m = *self.0.next().ok_or(PromptError::Cancelled)? as usize;
        let n = prompt.options.len();
        Ok(if prompt.can_go_back && m % (n + 1) == n { Choice::Back } else { Choice::Pick(m % n.max(1)) })
    }

    fn review(&mut self, rows: &[SummaryRow]) -> Result<Review, PromptError> {
        let m = *self.0.next().ok_or(PromptError::Cancelled)? as usize;
        Ok(match m % (rows.len() + 2) {
            k if k < rows.len() => Review::Change(k),
            _ => Review::Confirm,
        })
    }
}

fuzz_target!(|input: Input| {
    let graph = wegwijs::graph::builtin();
    let lang = if input.dutch { Lang::Nl } else { Lang::En };
    let opts = PlanOptions {
        explain: input.explain,
        today: "2026-12-01".parse().unwrap(),
        ..PlanOptions::new(lang)
    };
    let mut raw = RawQuery {
        role: input.role,
        concern: input.concern,
        answers: input.answers,
    };
    for flag in &input.answer_flags {
        let _ = raw.push_answer(flag);
    }
    if let Ok(plan) = plan_for(&graph, &raw, &opts) {
        let mut out = Vec::new();
        Text(TextStyle::plain(lang)).render(&plan, &mut out).unwrap();
        Markdown { lang }.render(&plan, &mut out).unwrap();
    }

    let batch_opts = BatchOptions {
        lang,
        today: "2026-12-01".parse().unwrap(),
    };
    let mut out = Vec::new();
    batch::run(&graph, &mut BufReader::new(&input.batch[..]), &mut out, &batch_opts).unwrap();
    for line in out.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
        serde_json::from_slice::<serde_json::Value>(line).expect("batch writes JSON lines");
    }

    // Each move consumes a byte, so the questionnaire ends when the bytes do.
    let mut moves = Moves(input.moves.iter());
    if let Ok(done) = ask::run(&graph, &mut moves, Query::empty(&graph), lang) {
        let _ = ask::one_shot_command(&graph, &done, lang, &[]);
    }
});
