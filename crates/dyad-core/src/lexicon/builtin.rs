//! The built-in lexicon: the files under `lexicon/`, embedded at build time
//! and parsed at start-up.

use super::compile::CompiledLexicon;
use super::model::{Diagnostic, Lexicon};
use super::parse;

mod files {
    include!(concat!(env!("OUT_DIR"), "/builtin_files.rs"));
}

/// Every embedded file: (path relative to `lexicon/`, contents).
pub fn files() -> &'static [(&'static str, &'static str)] {
    files::FILES
}

/// Contents of one embedded file.
pub fn file(path: &str) -> Option<&'static str> {
    files::FILES
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, t)| *t)
}

/// FNV-1a, 64 bit: a stable hash for the `coder` field.
pub fn fnv1a(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = if seed == 0 { 0xcbf29ce484222325 } else { seed };
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// Parses a set of dyad-format lexicon files (path, contents) into a model.
///
/// The path decides the reader: `actors/…` actors, `agents.txt` agents,
/// `verbs/synsets.txt` synsets, `verbs/…` patterns, `discards.txt` discards,
/// `morph/…` inflections, `light_verbs.txt` light verbs. Other files
/// (ontology tables, docs) are hashed but not read here.
pub fn load_files<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> (Lexicon, Vec<Diagnostic>) {
    let mut lex = Lexicon::default();
    let mut diags = Vec::new();
    let mut hash = 0u64;
    for (path, text) in files {
        hash = fnv1a(hash, path.as_bytes());
        hash = fnv1a(hash, text.as_bytes());
        let name = path.rsplit('/').next().unwrap_or(path);
        if path.starts_with("actors/") {
            let before = lex.actors.len();
            parse::parse_actors(path, text, &mut lex, &mut diags);
            if name == "countries.txt" {
                for a in &lex.actors[before..] {
                    if let Some(c) = &a.default {
                        if c.len() == 3 && !lex.countries.contains(c) {
                            lex.countries.push(c.clone());
                        }
                    }
                }
            }
        } else if path == "agents.txt" {
            parse::parse_agents(path, text, &mut lex, &mut diags);
        } else if path == "verbs/synsets.txt" {
            parse::parse_synsets(path, text, &mut lex, &mut diags);
        } else if path.starts_with("verbs/") && path.ends_with(".txt") {
            parse::parse_patterns(path, text, &mut lex, &mut diags);
        } else if path == "discards.txt" {
            parse::parse_discards(path, text, &mut lex, &mut diags);
        } else if path.starts_with("morph/") {
            parse::parse_inflections(text, &mut lex);
        } else if path == "light_verbs.txt" {
            lex.light_verbs.extend(parse::parse_word_list(text));
        }
    }
    lex.hash = hash;
    (lex, diags)
}

/// Loads and compiles the built-in lexicon, with any diagnostics.
pub fn load() -> (CompiledLexicon, Vec<Diagnostic>) {
    let (lex, mut diags) = load_files(files().iter().copied());
    let compiled = CompiledLexicon::new(lex);
    diags.extend(compiled.diagnostics.iter().cloned());
    (compiled, diags)
}
