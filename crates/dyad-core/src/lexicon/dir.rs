//! A dyad-format lexicon read from a directory at run time, laid out like the
//! repository's `lexicon/`, so that users can edit or extend the lexicon
//! without rebuilding dyad.

use super::builtin::load_files;
use super::compile::CompiledLexicon;
use super::model::Diagnostic;
use std::path::{Path, PathBuf};

/// Why a lexicon directory could not be read.
#[derive(Debug, thiserror::Error)]
pub enum DirError {
    /// A file or directory could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// A lexicon file is not UTF-8.
    #[error("{0} is not valid UTF-8")]
    Utf8(PathBuf),
    /// The directory holds no `.txt` or `.tsv` files.
    #[error("{0} holds no lexicon files (.txt or .tsv)")]
    Empty(PathBuf),
}

/// Every `.txt`/`.tsv` file under `dir`: (path relative to `dir` with `/`
/// separators, contents), sorted by path, the order the build embeds them in.
pub fn read_files(dir: &Path) -> Result<Vec<(String, String)>, DirError> {
    let mut paths = Vec::new();
    collect(dir, &mut paths)?;
    let mut files = Vec::with_capacity(paths.len());
    for p in paths {
        let bytes = std::fs::read(&p).map_err(|source| DirError::Io {
            path: p.clone(),
            source,
        })?;
        let text = String::from_utf8(bytes).map_err(|_| DirError::Utf8(p.clone()))?;
        let rel = p
            .strip_prefix(dir)
            .unwrap_or(&p)
            .to_string_lossy()
            .replace('\\', "/");
        files.push((rel, text));
    }
    if files.is_empty() {
        return Err(DirError::Empty(dir.to_path_buf()));
    }
    files.sort();
    Ok(files)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), DirError> {
    let entries = std::fs::read_dir(dir).map_err(|source| DirError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    for e in entries {
        let e = e.map_err(|source| DirError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let p = e.path();
        if p.is_dir() {
            collect(&p, out)?;
        } else if matches!(p.extension().and_then(|x| x.to_str()), Some("txt" | "tsv")) {
            out.push(p);
        }
    }
    Ok(())
}

/// Reads and compiles the lexicon in `dir`; problems inside files are
/// diagnostics, as for the built-in lexicon.
pub fn load(dir: &Path) -> Result<(CompiledLexicon, Vec<Diagnostic>), DirError> {
    let files = read_files(dir)?;
    let (lex, mut diags) = load_files(files.iter().map(|(p, t)| (p.as_str(), t.as_str())));
    let compiled = CompiledLexicon::new(lex);
    diags.extend(compiled.diagnostics.iter().cloned());
    Ok((compiled, diags))
}

/// The ontology tables in `dir` (`ontology/cameo.tsv`, `ontology/plover.tsv`),
/// if it has both.
pub fn ontology_tables(dir: &Path) -> Option<(String, String)> {
    let c = std::fs::read_to_string(dir.join("ontology/cameo.tsv")).ok()?;
    let p = std::fs::read_to_string(dir.join("ontology/plover.tsv")).ok()?;
    Some((c, p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_repository_lexicon_loads_like_the_builtin_one() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lexicon");
        let (from_dir, diags) = load(&dir).expect("the repository lexicon reads");
        let (builtin, _) = super::super::builtin::load();
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(from_dir.hash_hex(), builtin.hash_hex());
        assert_eq!(from_dir.lex.patterns.len(), builtin.lex.patterns.len());
    }

    #[test]
    fn a_missing_or_empty_directory_is_an_error() {
        let missing = Path::new(env!("CARGO_MANIFEST_DIR")).join("no-such-lexicon");
        assert!(matches!(load(&missing), Err(DirError::Io { .. })));
        let empty = std::env::temp_dir().join(format!("dyad-empty-lex-{}", std::process::id()));
        std::fs::create_dir_all(&empty).unwrap_or_default();
        assert!(matches!(load(&empty), Err(DirError::Empty(_))));
        let _ = std::fs::remove_dir(&empty);
    }
}
