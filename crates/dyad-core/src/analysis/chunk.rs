//! Noun-phrase chunking and actor resolution inside noun phrases, including
//! coordination ("the United States and Britain", "US and Iranian
//! officials") and possessives ("Iran's chief negotiator").

use super::mentions::{Mention, MentionKind};
use super::pos::Tag;
use super::Tok;
use crate::lexicon::{CompiledLexicon, Placement};
use chrono::NaiveDate;

/// An actor as resolved in a noun phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorRef {
    /// Composite code (`IRNGOV`); `---GOV` style when only an agent is known.
    pub code: String,
    /// Actor entry giving the name, if any.
    pub entry: Option<u32>,
    /// Token span of the text naming it.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Only an agent ("officials"): no actor named.
    pub agent_only: bool,
}

/// Anaphoric noun phrases resolved from the story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anaphor {
    /// "the two countries", "both sides".
    Pair,
    /// "the group", "the militia".
    Group,
}

/// A noun phrase: tokens `start..end`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Np {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Actors it names (several for a coordination).
    pub actors: Vec<ActorRef>,
    /// The possessor's actor when the head itself is not an actor ("Iran's nuclear programme").
    pub possessor: Option<ActorRef>,
    /// Anaphor to resolve from the story.
    pub anaphor: Option<Anaphor>,
}

impl Np {
    /// Actors, or the possessor if there are none.
    pub fn actors_or_possessor(&self) -> Vec<ActorRef> {
        if self.actors.is_empty() {
            self.possessor.iter().cloned().collect()
        } else {
            self.actors.clone()
        }
    }
}

fn combine(base: &str, agent: &str, placement: Placement) -> String {
    match placement {
        Placement::Suffix => format!("{base}{agent}"),
        Placement::Prefix => format!("{agent}{base}"),
    }
}

/// Resolves the actor of a span of mentions (no possessive inside).
fn resolve(
    ms: &[Mention],
    lex: &CompiledLexicon,
    date: NaiveDate,
    start: usize,
    end: usize,
) -> Option<ActorRef> {
    let mut base: Option<(String, u32)> = None;
    let mut specific = false;
    let mut agent: Option<u32> = None;
    for m in ms {
        match m.kind {
            MentionKind::Actor(e) => {
                let Some(code) = lex.lex.actors[e as usize].code_on(date) else {
                    continue;
                };
                let is_specific = code.len() > 3;
                // the last specific actor wins; a bare country only if nothing better
                if is_specific || base.is_none() {
                    base = Some((code.to_string(), e));
                    specific = specific || is_specific;
                }
            }
            MentionKind::Agent(a) => agent = Some(a),
        }
    }
    match (base, agent) {
        (Some((code, e)), Some(a)) if code.len() == 3 => {
            let ag = &lex.lex.agents[a as usize];
            Some(ActorRef {
                code: combine(&code, &ag.code, ag.placement),
                entry: Some(e),
                start,
                end,
                agent_only: false,
            })
        }
        (Some((code, e)), _) => Some(ActorRef {
            code,
            entry: Some(e),
            start,
            end,
            agent_only: false,
        }),
        (None, Some(a)) => {
            let ag = &lex.lex.agents[a as usize];
            Some(ActorRef {
                code: combine("---", &ag.code, ag.placement),
                entry: None,
                start,
                end,
                agent_only: true,
            })
        }
        (None, None) => None,
    }
}

fn anaphor(toks: &[Tok], start: usize, end: usize) -> Option<Anaphor> {
    let words: Vec<&str> = toks[start..end].iter().map(|t| t.lower.as_ref()).collect();
    match words.as_slice() {
        ["the", "two", "countries" | "sides" | "nations" | "governments" | "states" | "capitals"]
        | ["both", "countries" | "sides" | "nations" | "governments"] => Some(Anaphor::Pair),
        ["the", "group" | "militia" | "movement" | "organisation" | "organization" | "rebels"
        | "militants"] => Some(Anaphor::Group),
        _ => None,
    }
}

/// Builds noun phrases from tags and mentions. `blocked[i]` marks tokens
/// (time expressions) that never join a noun phrase.
pub fn chunk(
    toks: &[Tok],
    tags: &[Tag],
    mentions: &[Mention],
    blocked: &[bool],
    lex: &CompiledLexicon,
    date: NaiveDate,
) -> Vec<Np> {
    let n = toks.len();
    let mut in_mention = vec![usize::MAX; n];
    for (k, m) in mentions.iter().enumerate() {
        for slot in &mut in_mention[m.start..m.end] {
            *slot = k;
        }
    }
    let np_word = |i: usize| !blocked[i] && (in_mention[i] != usize::MAX || tags[i].in_np());
    let mut simple: Vec<Np> = Vec::new();
    let mut i = 0;
    while i < n {
        if !np_word(i) {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < n && np_word(i) {
            // a determiner after a noun starts a new phrase ("gave Iran the weapons")
            let starts_new = matches!(tags[i], Tag::Det | Tag::PossPron)
                && in_mention[i] == usize::MAX
                && matches!(tags[i - 1], Tag::Noun | Tag::Propn | Tag::Num);
            if starts_new {
                break;
            }
            i += 1;
        }
        let end = i;
        let ms: Vec<Mention> = mentions
            .iter()
            .copied()
            .filter(|m| m.start >= start && m.end <= end)
            .collect();
        let poss = (start..end)
            .rev()
            .find(|&k| tags[k] == Tag::Poss && in_mention[k] == usize::MAX);
        let mut np = Np {
            start,
            end,
            actors: Vec::new(),
            possessor: None,
            anaphor: anaphor(toks, start, end),
        };
        match poss {
            Some(p) => {
                let before: Vec<Mention> = ms.iter().copied().filter(|m| m.end <= p).collect();
                let after: Vec<Mention> = ms.iter().copied().filter(|m| m.start > p).collect();
                let owner = resolve(&before, lex, date, start, p);
                let owned_actor = after
                    .iter()
                    .any(|m| matches!(m.kind, MentionKind::Actor(_)));
                let owned_agent = after
                    .iter()
                    .any(|m| matches!(m.kind, MentionKind::Agent(_)));
                if owned_actor {
                    np.actors.extend(resolve(&after, lex, date, start, end));
                } else if owned_agent {
                    let mut all = before.clone();
                    all.extend(after.iter().copied());
                    np.actors.extend(resolve(&all, lex, date, start, end));
                } else {
                    np.possessor = owner;
                }
            }
            None => np.actors.extend(resolve(&ms, lex, date, start, end)),
        }
        simple.push(np);
    }
    coordinate(simple, toks, tags)
}

/// Merges "A and B", "A, B and C", and "the Iranian and US representatives".
fn coordinate(simple: Vec<Np>, toks: &[Tok], tags: &[Tag]) -> Vec<Np> {
    let mut out: Vec<Np> = Vec::with_capacity(simple.len());
    let mut k = 0;
    while k < simple.len() {
        let mut group = vec![simple[k].clone()];
        let mut j = k;
        loop {
            let cur_end = simple[j].end;
            let Some(next) = simple.get(j + 1) else { break };
            let gap: Vec<&str> = toks[cur_end..next.start]
                .iter()
                .map(|t| t.lower.as_ref())
                .collect();
            let joins = matches!(
                gap.as_slice(),
                ["and"] | [","] | [",", "and"] | ["or"] | ["&"]
            );
            if !joins || group.last().is_some_and(|g| g.actors.is_empty()) || next.actors.is_empty()
            {
                break;
            }
            // a comma joins only inside a list that ends with "and"
            if gap == [","] {
                let rest_has_and = simple[j + 1..].windows(2).take(4).any(|w| {
                    toks[w[0].end..w[1].start]
                        .iter()
                        .any(|t| t.lower.as_ref() == "and")
                });
                if !rest_has_and {
                    break;
                }
            }
            group.push(next.clone());
            j += 1;
        }
        if group.len() == 1 {
            out.push(group.pop().unwrap_or_else(|| simple[k].clone()));
            k += 1;
            continue;
        }
        // "the Iranian and US representatives": earlier bare members share the last one's agent
        let last = group.last().cloned().unwrap_or_else(|| simple[j].clone());
        let shared_agent = last
            .actors
            .first()
            .filter(|a| a.code.len() > 3 && a.entry.is_some())
            .map(|a| a.code.clone());
        let mut actors = Vec::new();
        for (gi, g) in group.iter().enumerate() {
            for a in &g.actors {
                let mut a = a.clone();
                let bare_modifier = gi + 1 < group.len()
                    && a.code.len() == 3
                    && toks[g.start..g.end]
                        .iter()
                        .zip(&tags[g.start..g.end])
                        .all(|(_, t)| matches!(t, Tag::Det | Tag::Propn | Tag::Adj | Tag::Noun))
                    && g.end - g.start <= 2
                    && toks[g.end - 1].cap;
                if bare_modifier {
                    if let Some(sc) = &shared_agent {
                        if sc.len() == 6 {
                            a.code = format!("{}{}", a.code, &sc[3..]);
                        }
                    }
                }
                actors.push(a);
            }
        }
        let start = group[0].start;
        let end = last.end;
        out.push(Np {
            start,
            end,
            actors,
            possessor: None,
            anaphor: None,
        });
        k = j + 1;
    }
    out
}
