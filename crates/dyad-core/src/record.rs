//! The output contract: one `EventRecord` per event, serialised as one JSON
//! line. Field names and meanings are stable (schema version
//! [`SCHEMA_VERSION`]); new fields may be added, none removed.

use crate::time::Precision;
use serde::{Deserialize, Serialize};

/// Version of the EventRecord schema (also printed by `dyad --version`).
pub const SCHEMA_VERSION: &str = "1.0";

/// An actor in a record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordActor {
    /// Composite CAMEO-style code (`USAGOV`).
    pub code: String,
    /// ISO 3166-1 alpha-3 country, or null for international actors.
    pub country: Option<String>,
    /// Sector code (`GOV`, `MIL`, `REB` …) or null.
    pub sector: Option<String>,
    /// Display name from the lexicon, or null.
    pub name: Option<String>,
    /// The text that named the actor.
    pub text: String,
    /// Start, in characters (Unicode scalar values) into `sentence`.
    pub start: usize,
    /// End (exclusive), in characters.
    pub end: usize,
}

/// A span of the sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Span {
    /// The text.
    pub text: String,
    /// Start, in characters.
    pub start: usize,
    /// End (exclusive), in characters.
    pub end: usize,
}

/// Why the event was coded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The words that triggered the event.
    pub trigger: Span,
    /// The lexicon line of the pattern (`verbs/04_consult.txt:118`).
    pub rule: String,
}

/// One event: who did what to whom, when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventRecord {
    /// `doc_id:sentence_index:n`.
    pub id: String,
    /// The document's id.
    pub doc_id: String,
    /// 0-based sentence index in document order (the title, if any, is 0).
    pub sentence_index: usize,
    /// The sentence text.
    pub sentence: String,
    /// Event date, ISO 8601.
    pub date: String,
    /// `day`, `month`, `year` or `story`.
    pub date_precision: Precision,
    /// Source actor.
    pub source: RecordActor,
    /// Target actor (null only when options allow events without a target).
    pub target: Option<RecordActor>,
    /// CAMEO code.
    pub cameo: String,
    /// CAMEO root (two digits).
    pub cameo_root: String,
    /// 1 verbal cooperation … 4 material conflict.
    pub quad_class: u8,
    /// Goldstein value.
    pub goldstein: f64,
    /// PLOVER type (null for roots 01 and 02).
    pub plover: Option<String>,
    /// The event is negated ("did not attack"); only emitted when asked for.
    pub negated: bool,
    /// Why it was coded.
    pub evidence: Evidence,
    /// `dyad VERSION lexicon HASH`.
    pub coder: String,
}
