//! Actor and agent mentions: longest phrase matches from the lexicon, left
//! to right, never overlapping.

use super::Tok;
use crate::lexicon::{CaseRule, CompiledLexicon};

/// What a mention refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    /// An actor entry (index into `Lexicon::actors`).
    Actor(u32),
    /// An agent entry (index into `Lexicon::agents`).
    Agent(u32),
}

/// A matched phrase: tokens `start..end` of the sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Actor or agent.
    pub kind: MentionKind,
}

/// Second halves of hyphenated words that make the first half an actor
/// ("Israel-linked ships" is Israel's); others ("Iranian-backed") do not.
const OWNING_SUFFIXES: &[&str] = &[
    "linked",
    "owned",
    "flagged",
    "operated",
    "registered",
    "based",
    "led",
    "run",
    "controlled",
    "held",
];

fn case_ok(
    lex: &CompiledLexicon,
    toks: &[Tok],
    text: &str,
    start: usize,
    r: &crate::lexicon::compile::PhraseRef,
    entry_words: &[String],
) -> bool {
    match r.case {
        CaseRule::Any => true,
        CaseRule::Capitalized => toks[start].cap,
        CaseRule::Exact => {
            let _ = lex;
            entry_words
                .iter()
                .enumerate()
                .all(|(k, w)| toks[start + k].text(text) == w)
        }
    }
}

/// Finds actor and agent mentions in a sentence's tokens.
pub fn find(toks: &[Tok], text: &str, lex: &CompiledLexicon) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let mut best: Option<Mention> = None;
        if let Some(first) = toks[i].form {
            let second = toks.get(i + 1).and_then(|t| t.form);
            for r in lex.actors.starting_with(first) {
                let len = r.words.len();
                if best.is_some_and(|b| b.end - b.start >= len) {
                    break;
                }
                if len > 1 && second != Some(r.second) {
                    continue;
                }
                if i + len <= toks.len()
                    && r.words
                        .iter()
                        .enumerate()
                        .all(|(k, &w)| toks[i + k].form == Some(w))
                    && case_ok(
                        lex,
                        toks,
                        text,
                        i,
                        r,
                        &lex.lex.actors[r.entry as usize].phrases[r.phrase as usize].words,
                    )
                {
                    best = Some(Mention {
                        start: i,
                        end: i + len,
                        kind: MentionKind::Actor(r.entry),
                    });
                    break;
                }
            }
            for r in lex.agents.starting_with(first) {
                let len = r.words.len();
                if best.is_some_and(|b| b.end - b.start >= len) {
                    break;
                }
                if len > 1 && second != Some(r.second) {
                    continue;
                }
                if i + len <= toks.len()
                    && r.words
                        .iter()
                        .enumerate()
                        .all(|(k, &w)| toks[i + k].form == Some(w))
                {
                    best = Some(Mention {
                        start: i,
                        end: i + len,
                        kind: MentionKind::Agent(r.entry),
                    });
                    break;
                }
            }
        } else if let Some(m) = hyphen_actor(toks, text, i, lex) {
            best = Some(m);
        }
        match best {
            Some(m) => {
                out.push(m);
                i = m.end;
            }
            None => i += 1,
        }
    }
    out
}

/// "Israel-linked", "Israeli-owned": the first half names the actor.
fn hyphen_actor(toks: &[Tok], text: &str, i: usize, lex: &CompiledLexicon) -> Option<Mention> {
    let (a, b) = toks[i].lower.split_once('-')?;
    if !OWNING_SUFFIXES.contains(&b) {
        return None;
    }
    let id = lex.word_id(a)?;
    let r = lex
        .actors
        .starting_with(id)
        .iter()
        .find(|r| r.words.len() == 1)?;
    if r.case != CaseRule::Any && !toks[i].cap {
        return None;
    }
    let _ = text;
    Some(Mention {
        start: i,
        end: i + 1,
        kind: MentionKind::Actor(r.entry),
    })
}
