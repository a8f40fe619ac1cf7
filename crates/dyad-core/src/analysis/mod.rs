//! Sentence analysis: token features, mentions, tags, time expressions and
//! noun phrases — the annotations the coder reads. Each stage adds to the
//! [`Analysis`] of one sentence; none copies the text.

pub mod chunk;
pub mod mentions;
pub mod morph;
pub mod pos;

use crate::lexicon::compile::{HeadRef, WordBits};
use crate::lexicon::{CompiledLexicon, WordId};
use crate::text::{Token, TokenKind};
use crate::time::{self, TimeExpr};
use chrono::NaiveDate;
pub use chunk::{ActorRef, Anaphor, Np};
pub use mentions::{Mention, MentionKind};
pub use pos::Tag;

/// A token with the features the pipeline needs.
#[derive(Clone, Debug)]
pub struct Tok {
    /// Byte offset in the sentence text.
    pub start: u32,
    /// Byte offset one past the end.
    pub end: u32,
    /// Lower-cased text.
    pub lower: Box<str>,
    /// Vocabulary id of the lower-cased surface form.
    pub form: Option<WordId>,
    /// Vocabulary id of the lemma.
    pub lemma: Option<WordId>,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Word, number or punctuation.
    pub kind: TokenKind,
}

impl Tok {
    /// The token's text in the sentence.
    pub fn text<'a>(&self, sentence: &'a str) -> &'a str {
        &sentence[self.start as usize..self.end as usize]
    }
}

/// Everything the coder knows about one sentence.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// Tokens.
    pub toks: Vec<Tok>,
    /// One tag per token.
    pub tags: Vec<Tag>,
    /// Actor and agent mentions.
    pub mentions: Vec<Mention>,
    /// Time expressions.
    pub times: Vec<TimeExpr>,
    /// Noun phrases, in order.
    pub nps: Vec<Np>,
    /// For each token, the index of the noun phrase containing it.
    pub np_of: Vec<Option<u32>>,
    /// `words_before[i]`: the word ids of tokens `0..i` (`n + 1` entries).
    pub words_before: Vec<WordBits>,
    /// `words_after[i]`: the word ids of tokens `i..n` (`n + 1` entries).
    pub words_after: Vec<WordBits>,
}

impl Analysis {
    /// Whether the pattern `h` may match with its head at token `i`: the
    /// words it needs are among the tokens before and after `i`. Never
    /// false when the pattern matches.
    #[inline]
    pub fn may_match(&self, h: &HeadRef, i: usize) -> bool {
        self.words_before[i].may_contain_all(&h.needs_before)
            && self.words_after[i + 1].may_contain_all(&h.needs_after)
    }

    /// The noun phrase starting exactly at token `i`.
    pub fn np_starting(&self, i: usize) -> Option<&Np> {
        self.np_of
            .get(i)
            .copied()
            .flatten()
            .map(|k| &self.nps[k as usize])
            .filter(|np| np.start == i)
    }
    /// The noun phrase containing token `i`.
    pub fn np_at(&self, i: usize) -> Option<&Np> {
        self.np_of
            .get(i)
            .copied()
            .flatten()
            .map(|k| &self.nps[k as usize])
    }
    /// The noun phrase ending exactly at token `i` (exclusive end).
    pub fn np_ending(&self, end: usize) -> Option<&Np> {
        if end == 0 {
            return None;
        }
        self.np_at(end - 1).filter(|np| np.end == end)
    }
}

/// Analyses `sentence` (already tokenised into `tokens`, offsets relative to
/// the sentence) for a story dated `date`.
pub fn analyze(
    sentence: &str,
    tokens: &[Token],
    lex: &CompiledLexicon,
    date: NaiveDate,
) -> Analysis {
    let mut toks: Vec<Tok> = tokens
        .iter()
        .map(|t| {
            let s = t.text(sentence);
            let lower: Box<str> = if s.is_ascii() {
                s.to_ascii_lowercase().into_boxed_str()
            } else {
                s.replace('’', "'").to_lowercase().into()
            };
            let form = lex.word_id(&lower);
            let lemma = if t.kind == TokenKind::Word {
                morph::lemma_with_form(&lower, form, lex)
            } else {
                form
            };
            Tok {
                start: t.start,
                end: t.end,
                lower,
                form,
                lemma,
                cap: s.starts_with(char::is_uppercase),
                kind: t.kind,
            }
        })
        .collect();
    // a sentence-initial capital is not a proper-noun signal
    if let Some(first) = toks.first_mut() {
        if first.kind == TokenKind::Word && pos::closed_class(&first.lower).is_some() {
            first.cap = false;
        }
    }
    let mentions = mentions::find(&toks, sentence, lex);
    let mut in_mention = vec![false; toks.len()];
    for m in &mentions {
        for f in &mut in_mention[m.start..m.end] {
            *f = true;
        }
    }
    let inputs: Vec<pos::TagInput> = toks
        .iter()
        .enumerate()
        .map(|(i, t)| pos::TagInput {
            lower: &t.lower,
            cap: t.cap && (i != 0 || in_mention[i]),
            number: t.kind == TokenKind::Number,
            punct: t.kind == TokenKind::Punct,
            in_mention: in_mention[i],
            past: t.kind == TokenKind::Word && morph::looks_past(&t.lower, lex),
            verb_hint: lex.lex.petrarch
                && t.kind == TokenKind::Word
                && [t.lemma, t.form]
                    .into_iter()
                    .flatten()
                    .any(|id| lex.by_head.contains_key(&id)),
        })
        .collect();
    let tags = pos::tag(&inputs);
    let times = time::find(&toks, date);
    let mut blocked = vec![false; toks.len()];
    for te in &times {
        for b in &mut blocked[te.start..te.end] {
            *b = true;
        }
    }
    let nps = chunk::chunk(&toks, &tags, &mentions, &blocked, lex, date);
    let mut np_of = vec![None; toks.len()];
    for (k, np) in nps.iter().enumerate() {
        for slot in &mut np_of[np.start..np.end] {
            *slot = Some(k as u32);
        }
    }
    let mut words_before = Vec::with_capacity(toks.len() + 1);
    let mut words = WordBits::default();
    for t in &toks {
        words_before.push(words);
        for id in [t.form, t.lemma].into_iter().flatten() {
            words.insert(id);
        }
    }
    words_before.push(words);
    let mut words_after = vec![WordBits::default(); toks.len() + 1];
    for (i, t) in toks.iter().enumerate().rev() {
        let mut w = words_after[i + 1];
        for id in [t.form, t.lemma].into_iter().flatten() {
            w.insert(id);
        }
        words_after[i] = w;
    }
    Analysis {
        words_before,
        words_after,
        toks,
        tags,
        mentions,
        times,
        nps,
        np_of,
    }
}
