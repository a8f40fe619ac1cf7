//! Compiles a [`Lexicon`] into the indexes the coder uses: a word vocabulary,
//! phrase indexes for actors, agents and discards, and pattern lists keyed by
//! trigger head.
//!
//! Invariant: every word that appears in any entry has an id in the
//! vocabulary, so a text token whose lower-cased form has no id can never
//! match any entry and is skipped cheaply.

use super::model::*;
use rustc_hash::{FxHashMap, FxHashSet};

/// Word id in the lexicon vocabulary.
pub type WordId = u32;

/// A compiled pattern element (words resolved to ids).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CElem {
    /// Lemma or surface match.
    Word(WordId),
    /// Surface match only.
    Exact(WordId),
    /// Any member of a synset (index into `synsets`).
    Synset(u32),
    /// Up to N tokens.
    Gap(u8),
    /// Source position.
    Source,
    /// Target position.
    Target,
    /// Compound position.
    Compound,
    /// Skip one noun phrase.
    SkipNp,
}

/// A 256-bit set of word ids (a one-hash Bloom filter): a cheap test that a
/// sentence has every literal word a pattern needs before trying to match it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordBits([u64; 4]);

impl WordBits {
    /// Adds a word.
    #[inline]
    pub fn insert(&mut self, id: WordId) {
        let h = (id.wrapping_mul(0x9e37_79b9) >> 24) as usize;
        self.0[h >> 6] |= 1 << (h & 63);
    }

    /// Whether every word of `needed` may be in the set (no false negatives).
    #[inline]
    pub fn may_contain_all(&self, needed: &WordBits) -> bool {
        (needed.0[0] & !self.0[0])
            | (needed.0[1] & !self.0[1])
            | (needed.0[2] & !self.0[2])
            | (needed.0[3] & !self.0[3])
            == 0
    }
}

/// A pattern under a head word, with the literal words it needs before and
/// after the head: what the coder scans, in order, for each trigger word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeadRef {
    /// Words needed before the head.
    pub needs_before: WordBits,
    /// Words needed after the head.
    pub needs_after: WordBits,
    /// `Pattern::specificity`.
    pub spec: u32,
    /// Index into `patterns`.
    pub pattern: u32,
}

/// A pattern with ids resolved.
#[derive(Clone, Debug)]
pub struct CPattern {
    /// Elements before the head, in text order.
    pub before: Vec<CElem>,
    /// The head element.
    pub head: CElem,
    /// Elements after the head.
    pub after: Vec<CElem>,
    /// Index into `Lexicon::patterns`.
    pub index: u32,
    /// `Pattern::specificity` of the source pattern.
    pub spec: u32,
}

/// One phrase in a phrase index.
#[derive(Clone, Debug)]
pub struct PhraseRef {
    /// Word ids of the whole phrase (lower case).
    pub words: Box<[WordId]>,
    /// Case rule.
    pub case: CaseRule,
    /// The entry it belongs to (actor, agent or discard index).
    pub entry: u32,
    /// Index of the phrase within the entry.
    pub phrase: u32,
    /// The phrase's second word (`WordId::MAX` for one word): checked
    /// before `words` is read, so most candidates cost no memory access.
    pub second: WordId,
}

/// Phrases keyed by their first word, longest first.
#[derive(Clone, Debug, Default)]
pub struct PhraseIndex {
    by_first: FxHashMap<WordId, Vec<PhraseRef>>,
}

impl PhraseIndex {
    fn insert(&mut self, mut r: PhraseRef) {
        r.second = r.words.get(1).copied().unwrap_or(WordId::MAX);
        self.by_first.entry(r.words[0]).or_default().push(r);
    }
    fn finish(&mut self) {
        for v in self.by_first.values_mut() {
            v.sort_by(|a, b| {
                b.words
                    .len()
                    .cmp(&a.words.len())
                    .then(a.entry.cmp(&b.entry))
            });
        }
    }
    /// Phrases starting with `first`, longest first.
    pub fn starting_with(&self, first: WordId) -> &[PhraseRef] {
        self.by_first.get(&first).map(Vec::as_slice).unwrap_or(&[])
    }
    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.by_first.values().map(Vec::len).sum()
    }
    /// Whether empty.
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }
}

/// A lexicon ready for coding: immutable, `Send + Sync`, shared by all threads.
#[derive(Debug)]
pub struct CompiledLexicon {
    /// The source model (for explanations and records).
    pub lex: Lexicon,
    vocab: FxHashMap<Box<str>, WordId>,
    words: Vec<Box<str>>,
    /// Actor phrases.
    pub actors: PhraseIndex,
    /// Agent phrases.
    pub agents: PhraseIndex,
    /// Discard phrases.
    pub discards: PhraseIndex,
    /// Compiled patterns, parallel to `lex.patterns`.
    pub patterns: Vec<CPattern>,
    /// Pattern indexes by head word id, most specific first.
    pub by_head: FxHashMap<WordId, Vec<u32>>,
    /// `by_head` with each pattern's needs and specificity inline (same order).
    pub heads: FxHashMap<WordId, Vec<HeadRef>>,
    /// Synset members, compiled.
    pub synsets: Vec<Vec<Vec<CElem>>>,
    /// Irregular form id → lemma id.
    pub inflections: FxHashMap<WordId, WordId>,
    /// Light verbs (ids).
    pub light_verbs: FxHashSet<WordId>,
    /// Known country codes.
    pub countries: FxHashSet<String>,
    /// Default actor code → the first actor entry with that code.
    by_code: FxHashMap<Box<str>, u32>,
    /// Single-word discard stems keyed by their first four characters.
    stems: FxHashMap<Box<str>, Vec<u32>>,
    /// Problems found while compiling (unknown synsets …).
    pub diagnostics: Vec<Diagnostic>,
}

impl CompiledLexicon {
    /// Id of a lower-case word, if any entry uses it.
    pub fn word_id(&self, lower: &str) -> Option<WordId> {
        self.vocab.get(lower).copied()
    }

    /// The first actor entry whose default code is `code`.
    pub fn first_actor_with_code(&self, code: &str) -> Option<u32> {
        self.by_code.get(code).copied()
    }

    /// The word for an id.
    pub fn word(&self, id: WordId) -> &str {
        &self.words[id as usize]
    }

    /// Single-word discard stems that may match `lower` (same first four characters).
    pub fn discard_stems(&self, lower: &str) -> &[u32] {
        let end = lower.char_indices().nth(4).map_or(lower.len(), |(i, _)| i);
        self.stems
            .get(&lower[..end])
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Short hex hash of the lexicon sources (for the `coder` field).
    pub fn hash_hex(&self) -> String {
        format!("{:08x}", (self.lex.hash ^ (self.lex.hash >> 32)) as u32)
    }

    /// Builds the indexes.
    pub fn new(lex: Lexicon) -> Self {
        let mut c = CompiledLexicon {
            lex: Lexicon::default(),
            vocab: FxHashMap::default(),
            words: Vec::new(),
            actors: PhraseIndex::default(),
            agents: PhraseIndex::default(),
            discards: PhraseIndex::default(),
            patterns: Vec::new(),
            by_head: FxHashMap::default(),
            heads: FxHashMap::default(),
            synsets: Vec::new(),
            inflections: FxHashMap::default(),
            light_verbs: FxHashSet::default(),
            countries: lex.countries.iter().cloned().collect(),
            by_code: FxHashMap::default(),
            stems: FxHashMap::default(),
            diagnostics: Vec::new(),
        };
        for (ei, e) in lex.actors.iter().enumerate() {
            if let Some(code) = &e.default {
                c.by_code.entry(code.as_str().into()).or_insert(ei as u32);
            }
            for (pi, p) in e.phrases.iter().enumerate() {
                let words: Box<[WordId]> = p
                    .words
                    .iter()
                    .map(|w| c.intern(&w.to_lowercase()))
                    .collect();
                c.actors.insert(PhraseRef {
                    words,
                    case: p.case,
                    entry: ei as u32,
                    phrase: pi as u32,
                    second: WordId::MAX,
                });
            }
        }
        for (ei, e) in lex.agents.iter().enumerate() {
            for (pi, p) in e.phrases.iter().enumerate() {
                let words: Box<[WordId]> = p
                    .words
                    .iter()
                    .map(|w| c.intern(&w.to_lowercase()))
                    .collect();
                c.agents.insert(PhraseRef {
                    words,
                    case: p.case,
                    entry: ei as u32,
                    phrase: pi as u32,
                    second: WordId::MAX,
                });
            }
        }
        for (ei, d) in lex.discards.iter().enumerate() {
            if d.stem && d.words.len() == 1 {
                let key: String = d.words[0].chars().take(4).collect();
                c.stems.entry(key.into()).or_default().push(ei as u32);
                continue;
            }
            let words: Box<[WordId]> = d.words.iter().map(|w| c.intern(w)).collect();
            c.discards.insert(PhraseRef {
                words,
                case: CaseRule::Any,
                entry: ei as u32,
                phrase: 0,
                second: WordId::MAX,
            });
        }
        c.actors.finish();
        c.agents.finish();
        c.discards.finish();

        let synset_ids: FxHashMap<String, u32> = lex
            .synsets
            .iter()
            .enumerate()
            .map(|(i, s)| (s.name.clone(), i as u32))
            .collect();
        let mut diags = Vec::new();
        let mut synsets = Vec::with_capacity(lex.synsets.len());
        for s in &lex.synsets {
            let members = s
                .members
                .iter()
                .map(|m| {
                    m.iter()
                        .map(|e| c.compile_elem(e, &synset_ids, &s.origin, &mut diags))
                        .collect()
                })
                .collect();
            synsets.push(members);
        }
        c.synsets = synsets;
        for (pi, p) in lex.patterns.iter().enumerate() {
            let cp = CPattern {
                before: p
                    .before
                    .iter()
                    .map(|e| c.compile_elem(e, &synset_ids, &p.origin, &mut diags))
                    .collect(),
                head: c.compile_elem(&p.head, &synset_ids, &p.origin, &mut diags),
                after: p
                    .after
                    .iter()
                    .map(|e| c.compile_elem(e, &synset_ids, &p.origin, &mut diags))
                    .collect(),
                index: pi as u32,
                spec: p.specificity() as u32,
            };
            let mut heads = Vec::new();
            c.head_words(&cp.head, &mut heads, 0);
            for h in heads {
                c.by_head.entry(h).or_default().push(pi as u32);
            }
            c.patterns.push(cp);
        }
        for v in c.by_head.values_mut() {
            v.sort_by(|&a, &b| {
                c.patterns[b as usize]
                    .spec
                    .cmp(&c.patterns[a as usize].spec)
                    .then(a.cmp(&b))
            });
            v.dedup();
        }
        let words = |elems: &[CElem]| {
            let mut bits = WordBits::default();
            for e in elems {
                if let CElem::Word(w) | CElem::Exact(w) = e {
                    bits.insert(*w);
                }
            }
            bits
        };
        c.heads = c
            .by_head
            .iter()
            .map(|(&h, v)| {
                let refs = v
                    .iter()
                    .map(|&p| {
                        let cp = &c.patterns[p as usize];
                        HeadRef {
                            needs_before: words(&cp.before),
                            needs_after: words(&cp.after),
                            spec: cp.spec,
                            pattern: p,
                        }
                    })
                    .collect();
                (h, refs)
            })
            .collect();
        for (form, lemma) in &lex.inflections {
            let f = c.intern(form);
            let l = c.intern(lemma);
            c.inflections.entry(f).or_insert(l);
        }
        for w in &lex.light_verbs {
            let id = c.intern(w);
            c.light_verbs.insert(id);
        }
        c.diagnostics = diags;
        c.lex = lex;
        c
    }

    fn intern(&mut self, w: &str) -> WordId {
        if let Some(&id) = self.vocab.get(w) {
            return id;
        }
        let id = self.words.len() as WordId;
        self.words.push(w.into());
        self.vocab.insert(w.into(), id);
        id
    }

    fn compile_elem(
        &mut self,
        e: &PatElem,
        synsets: &FxHashMap<String, u32>,
        origin: &Origin,
        diags: &mut Vec<Diagnostic>,
    ) -> CElem {
        match e {
            PatElem::Word(w) => CElem::Word(self.intern(w)),
            PatElem::Exact(w) => CElem::Exact(self.intern(w)),
            PatElem::Synset(name) => match synsets.get(name) {
                Some(&i) => CElem::Synset(i),
                None => {
                    diags.push(Diagnostic {
                        origin: origin.clone(),
                        message: format!("unknown synset &{name}"),
                    });
                    CElem::Gap(0)
                }
            },
            PatElem::Gap(n) => CElem::Gap(*n),
            PatElem::Source => CElem::Source,
            PatElem::Target => CElem::Target,
            PatElem::Compound => CElem::Compound,
            PatElem::SkipNp => CElem::SkipNp,
        }
    }

    /// First words that can start `e` (synsets expanded, depth-limited).
    fn head_words(&self, e: &CElem, out: &mut Vec<WordId>, depth: u8) {
        match e {
            CElem::Word(w) | CElem::Exact(w) => out.push(*w),
            CElem::Synset(i) if depth < 8 => {
                for m in &self.synsets[*i as usize] {
                    if let Some(first) = m.first() {
                        self.head_words(first, out, depth + 1);
                    }
                }
            }
            _ => {}
        }
    }
}
