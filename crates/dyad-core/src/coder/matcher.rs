//! Pattern matching at a trigger: literal words (by lemma or form), synsets,
//! gaps, and actor slots filled by noun phrases.

use crate::analysis::{Analysis, Tag};
use crate::lexicon::compile::{CElem, CPattern};
use crate::lexicon::{CompiledLexicon, WIDE_GAP};

/// Which noun phrases filled a pattern's slots.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Slots {
    /// `$`: noun-phrase index.
    pub source: Option<u32>,
    /// `+`: noun-phrase index.
    pub target: Option<u32>,
    /// `%`: noun-phrase index.
    pub compound: Option<u32>,
    /// The pattern named a target slot (even if its phrase had no actor).
    pub has_target_slot: bool,
}

/// A successful match of one pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternMatch {
    /// Index into the compiled pattern list.
    pub pattern: u32,
    /// First token covered.
    pub start: usize,
    /// One past the last token covered.
    pub end: usize,
    /// First head token.
    pub head: usize,
    /// One past the last literal token (the trigger text ends here).
    pub literal_end: usize,
    /// Slot fillers.
    pub slots: Slots,
}

/// The noun phrase for an actor slot starting at token `i`, following
/// "ships owned by X" and "positions of X" to an actor when the phrase itself
/// names none; returns (phrase index, end of what was consumed).
pub fn slot_np(a: &Analysis, i: usize) -> Option<(u32, usize)> {
    let k = a.np_of.get(i).copied().flatten()?;
    let np = &a.nps[k as usize];
    if np.start != i {
        return None;
    }
    if np.actors.is_empty() && np.possessor.is_none() {
        // "tankers owned by Greek firms", "positions of the Houthis"
        let mut j = np.end;
        let words = |j: usize| a.toks.get(j).map(|t| t.lower.as_ref()).unwrap_or("");
        let mut steps = 0;
        while steps < 5 && j < a.toks.len() {
            match words(j) {
                "owned" | "operated" | "linked" | "belonging" | "run" | "controlled" | "or"
                | "and" | "held" => j += 1,
                "by" | "to" | "of" => {
                    if let Some(k2) = a.np_of.get(j + 1).copied().flatten() {
                        let np2 = &a.nps[k2 as usize];
                        if np2.start == j + 1 && !np2.actors.is_empty() {
                            return Some((k2, np2.end));
                        }
                    }
                    break;
                }
                // "strikes on militant hideouts inside Iran": the place's country
                "in" | "inside" | "into" | "across" | "near" if steps == 0 => {
                    if let Some(k2) = a.np_of.get(j + 1).copied().flatten() {
                        let np2 = &a.nps[k2 as usize];
                        let place = np2
                            .actors
                            .iter()
                            .all(|x| x.code.len() == 3 || x.code.ends_with("GOV"));
                        if np2.start == j + 1 && !np2.actors.is_empty() && place {
                            return Some((k2, np2.end));
                        }
                    }
                    break;
                }
                _ => break,
            }
            steps += 1;
        }
    }
    Some((k, np.end))
}

struct Ctx<'a> {
    a: &'a Analysis,
    lex: &'a CompiledLexicon,
}

impl Ctx<'_> {
    /// If token `t` opens a topic phrase ("on/about/over/regarding" + noun
    /// phrase), the token after it.
    fn topic_phrase(&self, t: usize) -> Option<usize> {
        let a = self.a;
        if !matches!(
            a.toks[t].lower.as_ref(),
            "on" | "about" | "over" | "regarding" | "concerning"
        ) {
            return None;
        }
        a.np_starting(t + 1).map(|np| np.end)
    }
}

/// Tokens a gap may skip: modifiers and nouns, never actors, verbs or clause punctuation.
fn skippable(a: &Analysis, i: usize) -> bool {
    if a.mentions.iter().any(|m| {
        m.start <= i && i < m.end && matches!(m.kind, crate::analysis::MentionKind::Actor(_))
    }) {
        return false;
    }
    matches!(
        a.tags[i],
        Tag::Det | Tag::Adj | Tag::Adv | Tag::Noun | Tag::Num | Tag::PossPron | Tag::Propn
    ) || (a.tags[i] == Tag::Punct && matches!(a.toks[i].lower.as_ref(), "-" | "“" | "”" | "\""))
        || (a.tags[i] == Tag::Prep && matches!(a.toks[i].lower.as_ref(), "of" | "than"))
        || (a.tags[i] == Tag::Conj && matches!(a.toks[i].lower.as_ref(), "and" | "or"))
        || (a.toks[i].lower.as_ref() == "at"
            && a.toks
                .get(i + 1)
                .is_some_and(|t| t.lower.as_ref() == "least"))
}

/// Tokens a wide gap ([`WIDE_GAP`]) may skip: anything but sentence
/// punctuation.
fn skippable_wide(a: &Analysis, i: usize) -> bool {
    !matches!(a.toks[i].lower.as_ref(), "." | ";" | ":" | "?" | "!")
}

impl Ctx<'_> {
    fn word_at(&self, i: usize, w: u32, exact: bool) -> bool {
        let Some(t) = self.a.toks.get(i) else {
            return false;
        };
        t.form == Some(w) || (!exact && t.lemma == Some(w))
    }

    /// TABARI/PETRARCH: a `$`, `+` or `%` slot holds an actor (else the pattern fails).
    fn slot_ok(&self, e: &CElem, k: u32) -> bool {
        if !self.lex.lex.petrarch || matches!(e, CElem::SkipNp) {
            return true;
        }
        let np = &self.a.nps[k as usize];
        !np.actors.is_empty() || np.possessor.is_some() || np.anaphor.is_some()
    }

    fn slot_fwd(&self, i: usize) -> Option<(u32, usize)> {
        // "warned their ^ populations": a slot may start after the phrase's
        // determiner or possessive when the pattern named it
        if let Some(k) = self.a.np_of.get(i).copied().flatten() {
            let np = &self.a.nps[k as usize];
            if np.start < i
                && (np.start..i).all(|j| matches!(self.a.tags[j], Tag::Det | Tag::PossPron))
            {
                return Some((k, np.end));
            }
        }
        slot_np(self.a, i)
    }

    fn slot_bwd(&self, end: usize) -> Option<(u32, usize)> {
        if end == 0 {
            return None;
        }
        let k = self.a.np_of.get(end - 1).copied().flatten()?;
        let np = &self.a.nps[k as usize];
        (np.end == end).then_some((k, np.start))
    }

    /// Matches `elems` forward from token `j`; returns the end and the last literal end.
    fn fwd(
        &self,
        elems: &[CElem],
        j: usize,
        lit_end: usize,
        slots: &mut Slots,
        depth: u8,
    ) -> Option<(usize, usize)> {
        let Some((first, rest)) = elems.split_first() else {
            return Some((j, lit_end));
        };
        // time expressions are transparent: "imposed sanctions on Monday on …"
        let j = match self.a.times.iter().find(|t| t.start == j && j > 0) {
            Some(t) if !matches!(first, CElem::Gap(_)) => t.end,
            _ => j,
        };
        let n = self.a.toks.len();
        match first {
            CElem::Word(w) | CElem::Exact(w) => {
                if j < n && self.word_at(j, *w, matches!(first, CElem::Exact(_))) {
                    self.fwd(rest, j + 1, j + 1, slots, depth)
                } else {
                    None
                }
            }
            CElem::Synset(s) => {
                if depth > 6 {
                    return None;
                }
                for member in &self.lex.synsets[*s as usize] {
                    let mut trial = slots.clone();
                    if let Some((j2, l2)) = self.fwd(member, j, lit_end, &mut trial, depth + 1) {
                        if let Some(r) = self.fwd(rest, j2, l2, &mut trial, depth) {
                            *slots = trial;
                            return Some(r);
                        }
                    }
                }
                None
            }
            CElem::Gap(max) => {
                let skip = if *max >= WIDE_GAP {
                    skippable_wide
                } else {
                    skippable
                };
                // when the target is named later in the pattern, a topic phrase
                // may sit in the gap, actors and all: "shared intelligence *on
                // the Brussels bombers* with French police"
                let target_later = rest.iter().any(|e| matches!(e, CElem::Target));
                let mut topic_end = 0;
                for k in 0..=*max as usize {
                    if k > 0 && j + k > n {
                        break;
                    }
                    if k > 0 && !skip(self.a, j + k - 1) {
                        let t = j + k - 1;
                        if t >= topic_end && target_later {
                            topic_end = self.topic_phrase(t).unwrap_or(0);
                        }
                        if t >= topic_end {
                            break;
                        }
                    }
                    let mut trial = slots.clone();
                    if let Some(r) = self.fwd(rest, j + k, lit_end, &mut trial, depth) {
                        *slots = trial;
                        return Some(r);
                    }
                }
                None
            }
            CElem::Source | CElem::Target | CElem::Compound | CElem::SkipNp => {
                let (k, end) = self.slot_fwd(j)?;
                if !self.slot_ok(first, k) {
                    return None;
                }
                match first {
                    CElem::Source => slots.source = Some(k),
                    CElem::Target => {
                        slots.target = Some(k);
                        slots.has_target_slot = true;
                    }
                    CElem::Compound => slots.compound = Some(k),
                    _ => {}
                }
                self.fwd(rest, end, lit_end, slots, depth)
            }
        }
    }

    /// Matches `elems` backward, ending just before token `j`; returns the start.
    fn bwd(&self, elems: &[CElem], j: usize, slots: &mut Slots, depth: u8) -> Option<usize> {
        let Some((last, rest)) = elems.split_last() else {
            return Some(j);
        };
        match last {
            CElem::Word(w) | CElem::Exact(w) => {
                if j > 0 && self.word_at(j - 1, *w, matches!(last, CElem::Exact(_))) {
                    self.bwd(rest, j - 1, slots, depth)
                } else {
                    None
                }
            }
            CElem::Synset(s) => {
                if depth > 6 {
                    return None;
                }
                for member in &self.lex.synsets[*s as usize] {
                    let mut trial = slots.clone();
                    if let Some(j2) = self.bwd(member, j, &mut trial, depth + 1) {
                        if let Some(r) = self.bwd(rest, j2, &mut trial, depth) {
                            *slots = trial;
                            return Some(r);
                        }
                    }
                }
                None
            }
            CElem::Gap(max) => {
                let skip = if *max >= WIDE_GAP {
                    skippable_wide
                } else {
                    skippable
                };
                for k in 0..=*max as usize {
                    if k > 0 && (k > j || !skip(self.a, j - k)) {
                        break;
                    }
                    let mut trial = slots.clone();
                    if let Some(r) = self.bwd(rest, j - k, &mut trial, depth) {
                        *slots = trial;
                        return Some(r);
                    }
                }
                None
            }
            CElem::Source | CElem::Target | CElem::Compound | CElem::SkipNp => {
                let (k, start) = self.slot_bwd(j)?;
                if !self.slot_ok(last, k) {
                    return None;
                }
                match last {
                    CElem::Source => slots.source = Some(k),
                    CElem::Target => {
                        slots.target = Some(k);
                        slots.has_target_slot = true;
                    }
                    CElem::Compound => slots.compound = Some(k),
                    _ => {}
                }
                self.bwd(rest, start, slots, depth)
            }
        }
    }
}

/// Tries `pattern` with its head at token `i`.
pub fn match_at(
    a: &Analysis,
    lex: &CompiledLexicon,
    pattern: &CPattern,
    i: usize,
) -> Option<PatternMatch> {
    let ctx = Ctx { a, lex };
    let mut slots = Slots::default();
    let (head_end, _) = ctx.fwd(std::slice::from_ref(&pattern.head), i, i, &mut slots, 0)?;
    // passive voice or an object relative clause: the object slot right
    // after the verb is filled from before it, and a `by` phrase stands where
    // the object was ("Hasina was received by Modi in Delhi" matches
    // `receive + in`)
    let (after, from): (&[CElem], usize) = match pattern.after.split_first() {
        Some((CElem::Target, rest))
            if !rest.is_empty() && (passive_at(a, lex, i) || object_relative_at(a, i)) =>
        {
            (rest, by_phrase_end(a, head_end).unwrap_or(head_end))
        }
        _ => (&pattern.after, head_end),
    };
    let (end, literal_end) = match ctx.fwd(after, from, from, &mut slots, 0) {
        Some(r) => r,
        // an event noun's agent may stand before its other arguments:
        // "attacks *by the Houthis* on shipping" matches `attack on +`
        None if a.tags[i] == Tag::Noun && matches!(after.first(), Some(CElem::Word(_))) => {
            let resume = by_phrase_end(a, head_end)?;
            slots = Slots::default();
            ctx.fwd(after, resume, resume, &mut slots, 0)?
        }
        None => return None,
    };
    let start = ctx.bwd(&pattern.before, i, &mut slots, 0)?;
    Some(PatternMatch {
        pattern: pattern.index,
        start,
        end,
        head: i,
        literal_end,
        slots,
    })
}

/// Whether the verb at `i` is passive: a form of "be" (adverbs between)
/// before a past participle.
fn passive_at(a: &Analysis, lex: &CompiledLexicon, i: usize) -> bool {
    if a.tags[i] != Tag::Verb || !crate::analysis::morph::looks_past(&a.toks[i].lower, lex) {
        return false;
    }
    let mut k = i;
    while k > 0 && a.tags[k - 1] == Tag::Adv {
        k -= 1;
    }
    k > 0
        && matches!(
            a.toks[k - 1].lower.as_ref(),
            "is" | "are" | "was" | "were" | "be" | "been" | "being"
        )
}

/// The end of a `by` noun phrase starting at `j`.
fn by_phrase_end(a: &Analysis, j: usize) -> Option<usize> {
    if a.toks.get(j)?.lower.as_ref() != "by" {
        return None;
    }
    a.np_starting(j + 1).map(|np| np.end)
}

/// Whether the verb at `i` heads an object relative clause, whose object is
/// the phrase before it: "the resolution *which Russia vetoed*", "a move
/// *Israel called* a reward for terrorism" (chunked as "a move Israel").
fn object_relative_at(a: &Analysis, i: usize) -> bool {
    if a.tags[i] != Tag::Verb || i == 0 {
        return false;
    }
    let Some(np) = a.np_ending(i) else {
        return false;
    };
    let after_rel = np.start > 0
        && matches!(
            a.toks[np.start - 1].lower.as_ref(),
            "which" | "that" | "whom"
        )
        && a.np_ending(np.start - 1).is_some();
    // a common noun, then a name: "a move Israel"
    let merged = np.end - np.start >= 3
        && a.tags[np.start] == Tag::Det
        && a.tags[np.start + 1] == Tag::Noun
        && a.tags[np.start + 2] == Tag::Propn
        && np.start > 0
        && a.toks[np.start - 1].lower.as_ref() == ",";
    after_rel || merged
}
