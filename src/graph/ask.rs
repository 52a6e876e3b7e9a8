//! A question and its answers: what a node branches on ([`Ask`]) and everything the rest of the
//! program asks about it — its id, its text, its answers with their ids, labels and aliases.
//!
//! Role and concern are questions too: their answers are the graph's roles and concerns. Code
//! above `graph` reads questions only through these accessors, so a new kind of question is a
//! new [`Ask`] variant and new arms here (and in the index that resolves it), not in every
//! reader.

use super::Graph;
use super::model::Text;
use super::model::{ASK_CONCERN, ASK_ROLE, AnswerOption, Choice};
use super::str::Str;

/// What a node branches on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ask {
    /// The user's role.
    Role,
    /// The user's concern.
    Concern,
    /// A follow-up question, by index.
    Question(u32),
}

/// One answer to an [`Ask`], whatever the kind of question: a role, a concern, or an option of
/// a follow-up question.
#[derive(Debug, Clone, Copy)]
pub struct Answer<'g, 'a> {
    /// Its stable id, as `--answer QUESTION=ID` and answers files give it.
    pub id: &'g Str<'a>,
    /// Its short label.
    pub label: &'g Text<'a>,
    /// What choosing it means: a role's or concern's description, an option's help.
    pub help: Option<&'g Text<'a>>,
    /// Other ids users may type for it.
    pub aliases: &'g [Str<'a>],
    /// On the safety question: this answer means acute danger.
    pub urgent: bool,
}

impl<'g, 'a> From<&'g Choice<'a>> for Answer<'g, 'a> {
    fn from(c: &'g Choice<'a>) -> Self {
        Answer {
            id: &c.id,
            label: &c.label,
            help: Some(&c.description),
            aliases: &c.aliases,
            urgent: false,
        }
    }
}

impl<'g, 'a> From<&'g AnswerOption<'a>> for Answer<'g, 'a> {
    fn from(o: &'g AnswerOption<'a>) -> Self {
        Answer {
            id: &o.id,
            label: &o.label,
            help: o.help.as_ref(),
            aliases: &o.aliases,
            urgent: o.urgent,
        }
    }
}

impl<'a> Graph<'a> {
    /// The question with this id: `role`, `concern`, or a follow-up question's id.
    pub fn ask_named(&self, id: &str) -> Option<Ask> {
        self.index.ask_named(id)
    }

    /// The answer of a question whose id or alias is `word` (case and surrounding space
    /// ignored).
    pub fn answer_named(&self, ask: Ask, word: &str) -> Option<u32> {
        self.index.answers(ask).find(word)
    }

    /// A question's id, as answers files and `--answer` name it.
    pub fn ask_id(&self, ask: Ask) -> &str {
        match ask {
            Ask::Role => ASK_ROLE,
            Ask::Concern => ASK_CONCERN,
            Ask::Question(q) => &self.rules.questions[q as usize].id,
        }
    }

    /// Other ids users may type for a question (role and concern have none).
    pub fn ask_aliases(&self, ask: Ask) -> &[Str<'a>] {
        match ask {
            Ask::Role | Ask::Concern => &[],
            Ask::Question(q) => &self.rules.questions[q as usize].aliases,
        }
    }

    /// A follow-up question's text and help in `lang`; role and concern have none in the graph
    /// (the program asks them in its own words).
    pub fn ask_text(&self, ask: Ask, lang: &str) -> Option<(&str, Option<&str>)> {
        match ask {
            Ask::Role | Ask::Concern => None,
            Ask::Question(q) => {
                let q = &self.rules.questions[q as usize];
                Some((q.text.get(lang), q.help.as_ref().map(|h| h.get(lang))))
            }
        }
    }

    /// How many answers a question has.
    pub fn answer_count(&self, ask: Ask) -> usize {
        match ask {
            Ask::Role => self.rules.roles.len(),
            Ask::Concern => self.rules.concerns.len(),
            Ask::Question(q) => self.rules.questions[q as usize].options.len(),
        }
    }

    /// Answer `answer` of a question.
    pub fn answer(&self, ask: Ask, answer: u32) -> Answer<'_, 'a> {
        let a = answer as usize;
        match ask {
            Ask::Role => (&self.rules.roles[a]).into(),
            Ask::Concern => (&self.rules.concerns[a]).into(),
            Ask::Question(q) => (&self.rules.questions[q as usize].options[a]).into(),
        }
    }

    /// Every answer of a question, in the graph's order.
    pub fn answers(&self, ask: Ask) -> impl Iterator<Item = Answer<'_, 'a>> + '_ {
        (0..self.answer_count(ask) as u32).map(move |a| self.answer(ask, a))
    }

    /// The id of answer `answer` of a question.
    pub fn answer_id(&self, ask: Ask, answer: u32) -> &str {
        self.answer(ask, answer).id
    }

    /// The label of answer `answer` of a question, in `lang`.
    pub fn answer_label(&self, ask: Ask, answer: u32, lang: &str) -> &str {
        self.answer(ask, answer).label.get(lang)
    }

    /// `question=answer` with ids, as messages and the command line write an answer.
    pub fn answer_text(&self, ask: Ask, answer: u32) -> String {
        format!("{}={}", self.ask_id(ask), self.answer_id(ask, answer))
    }

    /// The answer at node `node` that leads to its successor `child`: the branch's own answer,
    /// else the first answer with no branch of its own (which takes the default).
    pub fn answer_to(&self, node: u32, child: u32) -> u32 {
        let links = self.index.links(node);
        if let Some(&(a, _)) = links.then.iter().find(|&&(_, t)| t == child) {
            return a;
        }
        let count = links.ask.map_or(0, |ask| self.answer_count(ask));
        (0..count as u32)
            .find(|a| !links.then.iter().any(|(x, _)| x == a))
            .unwrap_or(0)
    }
}
