//! dyad-petrarch: reads the event-data community's TABARI/PETRARCH
//! dictionaries (verbs, actors, agents, discards, issues) into dyad's
//! [`Lexicon`] model, and runs PETRARCH-style validation records.
//!
//! Readers never fail on content: every line they cannot read becomes a
//! [`Diagnostic`] with `file:line`, and the rest of the file is still read.
//! The ontology stays dyad's built-in one; three-letter actor codes are
//! treated as country codes.
//!
//! ```no_run
//! use dyad_petrarch::{DictFiles, load_paths};
//! let files = DictFiles {
//!     verbs: vec!["CAMEO.2.0.txt".into()],
//!     actors: vec!["Phoenix.Countries.actors.txt".into()],
//!     agents: vec!["Phoenix.agents.txt".into()],
//!     discards: vec!["Phoenix.discards.txt".into()],
//!     issues: vec![],
//! };
//! let loaded = load_paths(&files).unwrap();
//! for d in &loaded.diagnostics { eprintln!("warning: {d}"); }
//! let coder = loaded.coder(dyad_petrarch::petrarch_options()).unwrap();
//! ```

pub mod actors;
pub mod agents;
pub mod commas;
pub mod common;
pub mod discards;
pub mod issues;
pub mod records;
pub mod validate;
pub mod verbs;

use dyad_core::lexicon::builtin::fnv1a;
use dyad_core::lexicon::{CompiledLexicon, Diagnostic, Lexicon};
use dyad_core::ontology::Ontology;
use dyad_core::{Coder, Options};
use std::path::{Path, PathBuf};

pub use issues::Issue;
pub use verbs::Transformation;

/// The dictionary files of one PETRARCH configuration. Each kind may have
/// several files; they are read in order into one lexicon.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DictFiles {
    /// Verb dictionaries (synsets, verb blocks, patterns).
    pub verbs: Vec<PathBuf>,
    /// Actor dictionaries.
    pub actors: Vec<PathBuf>,
    /// Agent dictionaries.
    pub agents: Vec<PathBuf>,
    /// Discard lists.
    pub discards: Vec<PathBuf>,
    /// Issue lists.
    pub issues: Vec<PathBuf>,
}

/// Dictionaries read into dyad's model, with what the model has no place for.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The lexicon.
    pub lexicon: Lexicon,
    /// PETRARCH2 transformations (`~` lines), parsed but not applied.
    pub transformations: Vec<Transformation>,
    /// Issues.
    pub issues: Vec<Issue>,
    /// Lines that could not be read (never fatal).
    pub diagnostics: Vec<Diagnostic>,
}

/// The kind of a dictionary file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Verb dictionary.
    Verbs,
    /// Actor dictionary.
    Actors,
    /// Agent dictionary.
    Agents,
    /// Discard list.
    Discards,
    /// Issue list.
    Issues,
}

/// Decodes file bytes: UTF-8, or Latin-1 when the bytes are not UTF-8 (old
/// dictionaries).
pub fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.strip_prefix('\u{feff}').unwrap_or(s).to_string(),
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    }
}

impl Loaded {
    /// Reads one dictionary text of `kind`, named `name` in diagnostics.
    pub fn add(&mut self, kind: Kind, name: &str, text: &str) {
        self.lexicon.hash = fnv1a(self.lexicon.hash, name.as_bytes());
        self.lexicon.hash = fnv1a(self.lexicon.hash, text.as_bytes());
        let lex = &mut self.lexicon;
        let diags = &mut self.diagnostics;
        match kind {
            Kind::Verbs => verbs::read_verbs(name, text, lex, &mut self.transformations, diags),
            Kind::Actors => actors::read_actors(name, text, lex, diags),
            Kind::Agents => agents::read_agents(name, text, lex, diags),
            Kind::Discards => discards::read_discards(name, text, lex, diags),
            Kind::Issues => issues::read_issues(name, text, &mut self.issues, diags),
        }
    }

    /// Compiles the lexicon; problems found while compiling (synsets used
    /// before definition …) are added to the diagnostics.
    pub fn compile(mut self) -> (CompiledLexicon, Vec<Diagnostic>) {
        self.lexicon.petrarch = true;
        add_english_irregulars(&mut self.lexicon);
        let compiled = CompiledLexicon::new(self.lexicon);
        let mut diags = self.diagnostics;
        diags.extend(compiled.diagnostics.iter().cloned());
        (compiled, diags)
    }

    /// A coder over these dictionaries and dyad's built-in ontology.
    pub fn coder(self, options: Options) -> Result<Coder, dyad_core::ontology::OntologyError> {
        let ontology = Ontology::builtin()?;
        let (lex, _) = self.compile();
        Ok(Coder::new(lex, ontology, options))
    }
}

/// Adds dyad's table of irregular English forms ("known", "shot", "held")
/// for the tagger's sake, except where the lemma is a verb of the PETRARCH
/// dictionary: PETRARCH matches a verb only in the forms its dictionary
/// lists or regular forms ("left" stays the verb LEFT, not a form of LEAVE).
fn add_english_irregulars(lex: &mut Lexicon) {
    use dyad_core::lexicon::PatElem;
    let Some(table) = dyad_core::lexicon::builtin::file("morph/irregular.txt") else {
        return;
    };
    let mut heads: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for p in &lex.patterns {
        if let PatElem::Word(w) = &p.head {
            heads.insert(w);
        }
    }
    for s in &lex.synsets {
        for m in &s.members {
            if let Some(PatElem::Word(w)) = m.first() {
                heads.insert(w);
            }
        }
    }
    let mut english = Lexicon::default();
    dyad_core::lexicon::parse::parse_inflections(table, &mut english);
    let known: std::collections::HashSet<&str> =
        lex.inflections.iter().map(|(f, _)| f.as_str()).collect();
    let add: Vec<(String, String)> = english
        .inflections
        .into_iter()
        .filter(|(form, lemma)| {
            !heads.contains(lemma.as_str())
                && !heads.contains(form.as_str())
                && !known.contains(form.as_str())
        })
        .collect();
    lex.inflections.extend(add);
}

/// Reads every file of `files`. Fails only when a file cannot be read from
/// disk; content problems are diagnostics.
pub fn load_paths(files: &DictFiles) -> std::io::Result<Loaded> {
    let mut loaded = Loaded::default();
    let groups = [
        (Kind::Verbs, &files.verbs),
        (Kind::Actors, &files.actors),
        (Kind::Agents, &files.agents),
        (Kind::Discards, &files.discards),
        (Kind::Issues, &files.issues),
    ];
    for (kind, paths) in groups {
        for p in paths {
            let bytes = std::fs::read(p).map_err(|e| {
                std::io::Error::new(e.kind(), format!("cannot read {}: {e}", p.display()))
            })?;
            loaded.add(kind, &display_name(p), &decode(&bytes));
        }
    }
    Ok(loaded)
}

fn display_name(p: &Path) -> String {
    p.file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

/// The coder options that reproduce PETRARCH's behaviour: events are coded
/// whether or not they are negated or hypothetical (patterns such as
/// `NOT *` decide), actors known only by an agent are coded (`---GOV`), a
/// target is required (`require_dyad`), and triggers are verbs.
pub fn petrarch_options() -> Options {
    Options {
        keep_negated: true,
        allow_agent_only: true,
        require_target: true,
        petrarch_roles: true,
        ..Options::default()
    }
}
