//! The lexicon model: what dictionaries say, independent of their file format.
//!
//! dyad's own plain-text lexicon (see `lexicon/FORMAT.md`) and the TABARI /
//! PETRARCH dictionaries both load into these types; [`super::compile`] turns
//! them into the indexes the coder uses.

use chrono::NaiveDate;
use std::fmt;
use std::sync::Arc;

/// Where an entry came from: a file name and a 1-based line number.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Origin {
    /// File name relative to the lexicon root (`verbs/04_consult.txt`).
    pub file: Arc<str>,
    /// 1-based line number.
    pub line: u32,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// How a phrase's letter case must agree with the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CaseRule {
    /// Any case.
    Any,
    /// The first matched token must start with a capital letter.
    Capitalized,
    /// Every token must match letter for letter.
    Exact,
}

/// A multi-word phrase, already split into tokens the way text is.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Phrase {
    /// The tokens as written (original case).
    pub words: Vec<String>,
    /// Case agreement required.
    pub case: CaseRule,
}

/// A code valid between two dates (inclusive; `None` is open).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedCode {
    /// The actor code in force.
    pub code: String,
    /// First day (inclusive), or open.
    pub from: Option<NaiveDate>,
    /// Last day (inclusive), or open.
    pub to: Option<NaiveDate>,
    /// Where the restriction was written.
    pub origin: Origin,
}

impl DatedCode {
    /// Whether `date` falls in this range.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| date >= f) && self.to.is_none_or(|t| date <= t)
    }
}

/// An actor: phrases that name it and the code(s) it takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorEntry {
    /// Display name (the `name` field of records).
    pub name: String,
    /// Phrases that name the actor.
    pub phrases: Vec<Phrase>,
    /// Code used when no dated code applies.
    pub default: Option<String>,
    /// Date-restricted codes, checked in order.
    pub dated: Vec<DatedCode>,
    /// Where the entry starts.
    pub origin: Origin,
}

impl ActorEntry {
    /// The code this actor takes on `date`.
    pub fn code_on(&self, date: NaiveDate) -> Option<&str> {
        self.dated
            .iter()
            .find(|d| d.contains(date))
            .map(|d| d.code.as_str())
            .or(self.default.as_deref())
    }
}

/// Where an agent's code goes relative to the actor it modifies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// `~GOV`: IRN + GOV → IRNGOV.
    Suffix,
    /// `NGO~`: NGO + ... → NGO...
    Prefix,
}

/// A sector noun ("officials", "troops") that qualifies an actor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgentEntry {
    /// The sector code (`GOV`).
    pub code: String,
    /// Suffix or prefix.
    pub placement: Placement,
    /// Phrases, plurals included.
    pub phrases: Vec<Phrase>,
    /// Where the entry was written.
    pub origin: Origin,
}

/// One element of a verb pattern.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PatElem {
    /// A word matched on its lemma or surface form (lower case).
    Word(String),
    /// A word matched on its exact surface form only (lower case).
    Exact(String),
    /// Any member of a synset (name without `&`).
    Synset(String),
    /// Up to N intervening tokens. Below [`WIDE_GAP`] only modifiers and
    /// nouns may intervene; from [`WIDE_GAP`] up it is a wide gap (TABARI /
    /// PETRARCH word spacing): any tokens except sentence punctuation.
    Gap(u8),
    /// The source actor sits here.
    Source,
    /// The target actor sits here.
    Target,
    /// A compound actor: each member is source and target of the others.
    Compound,
    /// Skip one noun phrase (TABARI `^`).
    SkipNp,
}

/// Smallest [`PatElem::Gap`] length that makes a wide gap.
pub const WIDE_GAP: u8 = 16;

/// The event code(s) a pattern assigns.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum EventCode {
    /// One CAMEO code.
    Code(String),
    /// source→target code, target→source code (reciprocal events).
    Paired(String, String),
    /// Match and block shorter patterns, but code nothing.
    Null,
}

impl EventCode {
    /// The CAMEO codes it assigns (none for the null code).
    pub fn codes(&self) -> Vec<&str> {
        match self {
            EventCode::Code(c) => vec![c],
            EventCode::Paired(a, b) => vec![a, b],
            EventCode::Null => vec![],
        }
    }
}

/// A verb or event-noun pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    /// Elements before the head, in text order.
    pub before: Vec<PatElem>,
    /// The trigger head (a word or synset).
    pub head: PatElem,
    /// Elements after the head, in text order.
    pub after: Vec<PatElem>,
    /// The code assigned.
    pub code: EventCode,
    /// Where the pattern was written.
    pub origin: Origin,
}

impl Pattern {
    /// Number of literal words (used to prefer the most specific match).
    pub fn specificity(&self) -> usize {
        1 + self
            .before
            .iter()
            .chain(&self.after)
            .filter(|e| matches!(e, PatElem::Word(_) | PatElem::Exact(_) | PatElem::Synset(_)))
            .count()
    }
}

/// A named set of words or phrases usable in patterns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Synset {
    /// Name without `&`.
    pub name: String,
    /// Members: each a sequence of pattern elements (words, exact words, synsets).
    pub members: Vec<Vec<PatElem>>,
    /// Where the synset was defined.
    pub origin: Origin,
}

/// A phrase that stops a sentence (or a whole story) from being coded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Discard {
    /// Lower-case words.
    pub words: Vec<String>,
    /// Discard the whole story, not just the sentence.
    pub story: bool,
    /// The last word is a stem (matches any word it begins).
    pub stem: bool,
    /// Where it was written.
    pub origin: Origin,
}

/// A whole lexicon: actors, agents, patterns, synsets, discards and extra
/// inflections.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    /// Named actors.
    pub actors: Vec<ActorEntry>,
    /// Sector nouns.
    pub agents: Vec<AgentEntry>,
    /// Event patterns.
    pub patterns: Vec<Pattern>,
    /// Synsets used by patterns.
    pub synsets: Vec<Synset>,
    /// Discard phrases.
    pub discards: Vec<Discard>,
    /// Irregular inflections: (form, lemma), lower case.
    pub inflections: Vec<(String, String)>,
    /// Light verbs whose object's event noun takes the verb's subject as source.
    pub light_verbs: Vec<String>,
    /// Country codes (ISO 3166-1 alpha-3) known to the lexicon.
    pub countries: Vec<String>,
    /// Hash of every source text, for the `coder` field.
    pub hash: u64,
    /// The lexicon follows TABARI/PETRARCH conventions (read from their
    /// dictionaries): pattern heads are verbs (a tagging hint); every agent
    /// of a noun phrase adds its code to the actor's, whatever the actor
    /// code's length, skipping three-letter parts already there
    /// (GMWGOV + WGO → GMWGOVWGO, USAGOV + GOV → USAGOV); agents take their
    /// actor through `of`/`in`/`from` ("officials of Gondor"); in a
    /// possessive, the owner is the actor ("Arnor's Elrond" → Arnor).
    pub petrarch: bool,
}

/// A problem found while reading a lexicon file; never fatal.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {message}")]
pub struct Diagnostic {
    /// Where.
    pub origin: Origin,
    /// What is wrong.
    pub message: String,
}
