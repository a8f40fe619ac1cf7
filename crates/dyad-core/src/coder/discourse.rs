//! Story-level reference: pronouns, "the two countries", "the group" —
//! resolved only when the antecedent is unambiguous.

use crate::analysis::ActorRef;

/// An actor remembered from earlier in the story (code and name entry only).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Remembered {
    /// Composite code.
    pub code: String,
    /// Actor entry.
    pub entry: Option<u32>,
}

impl Remembered {
    /// Re-anchors the remembered actor on a span of the current sentence.
    pub fn at(&self, start: usize, end: usize) -> ActorRef {
        ActorRef {
            code: self.code.clone(),
            entry: self.entry,
            start,
            end,
            agent_only: false,
        }
    }
}

/// What the story has said so far.
#[derive(Clone, Debug, Default)]
pub struct Discourse {
    /// Subjects of earlier sentences, most recent last (with sentence number).
    pub subjects: Vec<(usize, Vec<Remembered>)>,
    /// The last pair of distinct countries seen as source and target.
    pub last_pair: Option<(Remembered, Remembered)>,
    /// Non-state groups mentioned, most recent last (with sentence number).
    pub groups: Vec<(usize, Remembered)>,
}

/// Codes that name armed or political groups rather than states.
pub fn is_group(code: &str) -> bool {
    ["REB", "INS", "SEP", "IMG", "UAF", "PTY", "OPP"]
        .iter()
        .any(|s| code.contains(s))
}

impl Discourse {
    /// The most recent subject, if it was in one of the last two sentences.
    pub fn recent_subject(&self, sentence: usize) -> Option<&Vec<Remembered>> {
        self.subjects
            .last()
            .filter(|(s, _)| sentence.saturating_sub(*s) <= 2)
            .map(|(_, v)| v)
    }

    /// The single group mentioned in the last three sentences, if exactly one.
    pub fn the_group(&self, sentence: usize) -> Option<&Remembered> {
        let recent: Vec<&Remembered> = self
            .groups
            .iter()
            .filter(|(s, _)| sentence.saturating_sub(*s) <= 3)
            .map(|(_, r)| r)
            .collect();
        let first = recent.last()?;
        recent
            .iter()
            .all(|r| r.code == first.code)
            .then_some(*first)
    }
}
