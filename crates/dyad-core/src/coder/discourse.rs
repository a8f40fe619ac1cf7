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
    /// Country of the story's dateline ("NAIROBI, June 25 (Reuters) -").
    pub story_place: Option<String>,
    /// Country the current sentence is set in ("in Azerbaijan"), if only one.
    pub sentence_place: Option<String>,
}

/// Codes that name armed or political groups rather than states.
pub fn is_group(code: &str) -> bool {
    ["REB", "INS", "SEP", "IMG", "UAF", "PTY", "OPP"]
        .iter()
        .any(|s| code.contains(s))
}

/// The country part of a code, if it is a known country.
fn country_of(code: &str, countries: &rustc_hash::FxHashSet<String>) -> Option<String> {
    code.get(..3)
        .filter(|c| countries.contains(*c))
        .map(str::to_string)
}

impl Discourse {
    /// Agent-only actors on one side take the country of the other side when
    /// all of the other side share one country.
    pub fn domestic(
        &self,
        sources: &mut [ActorRef],
        targets: &mut [ActorRef],
        countries: &rustc_hash::FxHashSet<String>,
    ) {
        let one_country = |v: &[ActorRef]| -> Option<String> {
            let mut c: Option<String> = None;
            for a in v.iter().filter(|a| !a.agent_only) {
                let x = country_of(&a.code, countries)?;
                if c.as_ref().is_some_and(|y| *y != x) {
                    return None;
                }
                c = Some(x);
            }
            c
        };
        let fill = |v: &mut [ActorRef], country: Option<String>| {
            let Some(c) = country else { return };
            for a in v.iter_mut().filter(|a| a.agent_only) {
                if let Some(rest) = a.code.strip_prefix("---") {
                    a.code = format!("{c}{rest}");
                    a.agent_only = false;
                }
            }
        };
        let sc = one_country(sources);
        let tc = one_country(targets);
        fill(targets, sc);
        fill(sources, tc);
    }

    /// Gives agent-only actors ("police", "protesters") the country the
    /// sentence, or else the story, is set in: "Police in Nairobi arrested …".
    /// Otherwise, when the other side of the event has a country, the event is
    /// taken as domestic ("Spanish police arrested officials"): see
    /// [`Discourse::domestic`].
    pub fn localize(&self, actors: &mut [ActorRef]) {
        let Some(place) = self.sentence_place.as_ref().or(self.story_place.as_ref()) else {
            return;
        };
        for a in actors.iter_mut().filter(|a| a.agent_only) {
            if let Some(rest) = a.code.strip_prefix("---") {
                a.code = format!("{place}{rest}");
                a.agent_only = false;
            }
        }
    }

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
