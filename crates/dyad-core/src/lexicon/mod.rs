//! The lexicon: model, readers for dyad's format, the built-in files, and the
//! compiled indexes.

pub mod builtin;
pub mod compile;
pub mod dir;
pub mod model;
pub mod parse;

pub use compile::{CompiledLexicon, WordId};
pub use model::*;
