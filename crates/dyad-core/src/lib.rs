//! dyad-core: turns news text into CAMEO/PLOVER event records.
//!
//! Build a [`Coder`] once (from the built-in lexicon with [`Coder::builtin`],
//! or from any [`lexicon::CompiledLexicon`]) and call [`Coder::code`] on each
//! [`Document`]. The coder is immutable and `Send + Sync`.

pub mod analysis;
pub mod coder;
pub mod lexicon;
pub mod ontology;
pub mod record;
pub mod text;
pub mod time;

pub use coder::{Coded, Coder, Document, Options};
pub use record::EventRecord;

/// Errors building a coder.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The ontology tables are malformed.
    #[error(transparent)]
    Ontology(#[from] ontology::OntologyError),
    /// A lexicon directory could not be read.
    #[error(transparent)]
    LexiconDir(#[from] lexicon::dir::DirError),
}

impl Coder {
    /// A coder over the built-in lexicon and ontology.
    pub fn builtin(options: Options) -> Result<Coder, Error> {
        let (lex, _diags) = lexicon::builtin::load();
        let ontology = ontology::Ontology::builtin()?;
        Ok(Coder::new(lex, ontology, options))
    }

    /// A coder over a dyad-format lexicon directory (laid out like `lexicon/`);
    /// its `ontology/` tables are used when present, else the built-in ones.
    pub fn from_dir(dir: &std::path::Path, options: Options) -> Result<Coder, Error> {
        let (lex, _diags) = lexicon::dir::load(dir)?;
        let ontology = match lexicon::dir::ontology_tables(dir) {
            Some((cameo, plover)) => ontology::Ontology::parse(&cameo, &plover)?,
            None => ontology::Ontology::builtin()?,
        };
        Ok(Coder::new(lex, ontology, options))
    }
}
