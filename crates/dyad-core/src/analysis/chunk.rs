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
    /// A phrase spanning `start..end` built from others (no possessor or anaphor).
    pub fn joined(start: usize, end: usize, actors: Vec<ActorRef>) -> Self {
        Np {
            start,
            end,
            actors,
            possessor: None,
            anaphor: None,
        }
    }

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
    // several codes ("FRO/BIL/SAM"): each takes the agent
    if base.contains('/') {
        return base
            .split('/')
            .map(|b| combine(b, agent, placement))
            .collect::<Vec<_>>()
            .join("/");
    }
    match placement {
        Placement::Suffix => format!("{base}{agent}"),
        Placement::Prefix => format!("{agent}{base}"),
    }
}

/// PETRARCH agent stacking: adds the three-letter parts of `agent` that
/// `base` does not have yet.
fn stack(base: &str, agent: &str, placement: Placement) -> String {
    if base.contains('/') {
        return base
            .split('/')
            .map(|b| stack(b, agent, placement))
            .collect::<Vec<_>>()
            .join("/");
    }
    let has = |part: &str| (0..base.len() / 3).any(|k| base.get(k * 3..k * 3 + 3) == Some(part));
    let new: String = (0..agent.len().div_ceil(3))
        .filter_map(|k| agent.get(k * 3..(k * 3 + 3).min(agent.len())))
        .filter(|p| !has(p))
        .collect();
    combine(base, &new, placement)
}

/// Splits an actor with several codes (`ELR/GAL`) into one actor per code.
fn split_multi(r: ActorRef) -> Vec<ActorRef> {
    if !r.code.contains('/') {
        return vec![r];
    }
    r.code
        .split('/')
        .filter(|c| !c.is_empty())
        .map(|c| ActorRef {
            code: c.to_string(),
            ..r.clone()
        })
        .collect()
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
                // `---`: the phrase is known but codes nothing (then)
                let Some(code) = lex.lex.actors[e as usize]
                    .code_on(date)
                    .filter(|c| *c != "---")
                else {
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
        (Some((code, e)), Some(_)) if lex.lex.petrarch => {
            let mut code = code;
            for m in ms {
                if let MentionKind::Agent(a) = m.kind {
                    let ag = &lex.lex.agents[a as usize];
                    code = stack(&code, &ag.code, ag.placement);
                }
            }
            Some(ActorRef {
                code,
                entry: Some(e),
                start,
                end,
                agent_only: false,
            })
        }
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
        // "awful and evil minister": coordinated modifiers stay in the phrase
        let adj_conj = |i: usize| {
            matches!(toks[i].lower.as_ref(), "and" | "or")
                && i > 0
                && i + 2 < n
                && matches!(tags[i - 1], Tag::Adj | Tag::Noun)
                && in_mention[i - 1] == usize::MAX
                && matches!(tags[i + 1], Tag::Adj | Tag::Noun)
                && in_mention[i + 1] == usize::MAX
                && np_word(i + 2)
        };
        while i < n && (np_word(i) || adj_conj(i)) {
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
                if owned_actor && !lex.lex.petrarch {
                    np.actors.extend(resolve(&after, lex, date, start, end));
                } else if owned_agent || owned_actor {
                    let mut all = before.clone();
                    all.extend(after.iter().copied());
                    np.actors.extend(resolve(&all, lex, date, start, end));
                } else {
                    np.possessor = owner;
                }
            }
            None => {
                // an agent that only modifies the head does not make the phrase
                // an actor on its own ("the drone attack"); with a country it
                // does ("a Russian navy landing ship")
                let head_in_mention = ms.iter().any(|m| m.end == end);
                let has_actor = ms.iter().any(|m| matches!(m.kind, MentionKind::Actor(_)))
                    || tags[end - 1] == Tag::Propn;
                let ms: Vec<Mention> = if head_in_mention || has_actor || lex.lex.petrarch {
                    ms
                } else {
                    ms.into_iter()
                        .filter(|m| matches!(m.kind, MentionKind::Actor(_)))
                        .collect()
                };
                np.actors.extend(resolve(&ms, lex, date, start, end))
            }
        }
        np.actors = np.actors.into_iter().flat_map(split_multi).collect();
        simple.push(np);
    }
    // twice, for chains: "tens of thousands of Iraqi protesters"
    let petrarch = lex.lex.petrarch;
    attach_agents(
        attach_agents(coordinate(simple, toks, tags, lex), toks, petrarch),
        toks,
        petrarch,
    )
}

/// Nouns of quantity that pass the actors of their "of" phrase through.
const QUANTITIES: &[&str] = &[
    "thousands",
    "hundreds",
    "dozens",
    "scores",
    "millions",
    "tens",
    "crowds",
    "groups",
    "dozen",
    "hundred",
    "thousand",
    "million",
    "number",
    "members",
    "supporters",
    "hundreds of thousands",
    "majority",
    "group",
    "crowd",
    "column",
    "convoy",
    "unit",
    "units",
    "contingent",
    "delegation",
];

/// "The foreign ministers of Peru and Ecuador", "soldiers from Gondor",
/// "lawmakers in Fornost": a phrase of agents only takes the actors of the
/// phrase after `of`/`in`/`from` (one actor per agent and actor).
fn attach_agents(nps: Vec<Np>, toks: &[Tok], petrarch: bool) -> Vec<Np> {
    let mut out: Vec<Np> = Vec::with_capacity(nps.len());
    let mut k = 0;
    while k < nps.len() {
        let np = &nps[k];
        let next = nps.get(k + 1);
        let joins = next.is_some_and(|b| {
            b.start == np.end + 1
                // dyad: only "of" ("its ambassador from Haiti" is DOM's);
                // PETRARCH dictionaries also attach "in" and "from"
                && (toks[np.end].lower.as_ref() == "of"
                    || (petrarch && matches!(toks[np.end].lower.as_ref(), "in" | "from")))
                && !b.actors.is_empty()
                && b.actors.iter().all(|x| !x.agent_only)
        });
        // "thousands of Algerians", "dozens of Hamas fighters": the actors of the "of" phrase
        let quantity = np.actors.is_empty()
            && next.is_some_and(|b| {
                b.start == np.end + 1 && toks[np.end].lower.as_ref() == "of" && !b.actors.is_empty()
            })
            && QUANTITIES.contains(&toks[np.end - 1].lower.as_ref());
        if quantity {
            if let Some(b) = next {
                let actors = b
                    .actors
                    .iter()
                    .map(|x| ActorRef {
                        start: np.start,
                        end: b.end,
                        ..x.clone()
                    })
                    .collect();
                out.push(Np::joined(np.start, b.end, actors));
                k += 2;
                continue;
            }
        }
        if joins && np.actors.iter().any(|x| x.agent_only) {
            let b = &nps[k + 1];
            let mut actors = Vec::new();
            // "Ithilen and the government of Gondor": named members stay
            actors.extend(np.actors.iter().filter(|x| !x.agent_only).cloned());
            for ag in np.actors.iter().filter(|x| x.agent_only) {
                for x in &b.actors {
                    let code = match (ag.code.strip_prefix("---"), ag.code.strip_suffix("---")) {
                        (Some(suffix), _) => stack(&x.code, suffix, Placement::Suffix),
                        (None, Some(prefix)) => stack(&x.code, prefix, Placement::Prefix),
                        _ => x.code.clone(),
                    };
                    actors.push(ActorRef {
                        code,
                        entry: x.entry,
                        start: np.start,
                        end: b.end,
                        agent_only: false,
                    });
                }
            }
            out.push(Np::joined(np.start, b.end, actors));
            k += 2;
        } else {
            out.push(np.clone());
            k += 1;
        }
    }
    out
}

/// Merges "A and B", "A, B and C", and "the Iranian and US representatives".
fn coordinate(simple: Vec<Np>, toks: &[Tok], tags: &[Tag], lex: &CompiledLexicon) -> Vec<Np> {
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
                ["and"] | [","] | [",", "and"] | ["or"] | ["nor"] | ["&"]
            );
            // "Saudi Arabia and its Gulf allies": the possessive conjunct adds no actor
            let allies = gap == ["and"]
                && next.actors.is_empty()
                && tags[next.start] == Tag::PossPron
                && group.last().is_some_and(|g| !g.actors.is_empty());
            if allies {
                group.push(next.clone());
                j += 1;
                break;
            }
            if !joins || group.last().is_some_and(|g| g.actors.is_empty()) || next.actors.is_empty()
            {
                break;
            }
            // ", and" after a single phrase joins clauses, not a list
            if gap == [",", "and"] && group.len() < 2 {
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
            // only a code built from a country and an agent ("US representatives"),
            // never an organisation's own code ("the European Union")
            .filter(|a| {
                a.code.len() == 6
                    && a.entry.is_some_and(|e| {
                        lex.lex.actors[e as usize]
                            .default
                            .as_ref()
                            .is_some_and(|d| d.len() == 3)
                    })
            })
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
