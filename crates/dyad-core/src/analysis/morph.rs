//! Lemmatisation by lookup: maps an inflected word to a lemma the lexicon
//! knows, using the irregular-forms table and English suffix rules.
//!
//! Only lemmas present in the lexicon vocabulary matter to the coder, so the
//! rules generate candidates and keep the first one the vocabulary has.

use crate::lexicon::{CompiledLexicon, WordId};

/// Whether `lower` (a lower-case word) looks like a past tense or participle.
pub fn looks_past(lower: &str, lex: &CompiledLexicon) -> bool {
    if lower.ends_with("ed") || lower.ends_with("en") {
        return true;
    }
    let Some(f) = lex.word_id(lower) else {
        return false;
    };
    lex.inflections.get(&f).is_some_and(|&l| {
        let lemma = lex.word(l);
        lemma != lower
            && !lower.ends_with('s')
            && !lower.ends_with("ing")
            && !is_plural_noun_form(lemma, lower)
    })
}

fn is_plural_noun_form(lemma: &str, form: &str) -> bool {
    matches!(
        (lemma, form),
        ("man", "men") | ("woman", "women") | ("child", "children") | ("person", "people")
    ) || form.ends_with("men")
}

/// The id of `stem` + `suffix`, built on the stack for short words.
fn id_with(stem: &str, suffix: &str, lex: &CompiledLexicon) -> Option<WordId> {
    let mut buf = [0u8; 64];
    let n = stem.len() + suffix.len();
    if n > buf.len() {
        return lex.word_id(&format!("{stem}{suffix}"));
    }
    buf[..stem.len()].copy_from_slice(stem.as_bytes());
    buf[stem.len()..n].copy_from_slice(suffix.as_bytes());
    std::str::from_utf8(&buf[..n])
        .ok()
        .and_then(|s| lex.word_id(s))
}

/// The lemma id of `lower`, if the lexicon knows a lemma for it.
pub fn lemma(lower: &str, lex: &CompiledLexicon) -> Option<WordId> {
    lemma_with_form(lower, lex.word_id(lower), lex)
}

/// [`lemma`], given the id of `lower` itself (`form`).
pub fn lemma_with_form(lower: &str, form: Option<WordId>, lex: &CompiledLexicon) -> Option<WordId> {
    if let Some(id) = form {
        if let Some(&l) = lex.inflections.get(&id) {
            return Some(l);
        }
    }
    let try_ = |s: &str| lex.word_id(s);
    let n = lower.len();
    if n > 4 && lower.ends_with("ies") {
        if let Some(id) = id_with(&lower[..n - 3], "y", lex) {
            return Some(id);
        }
    }
    if n > 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
    {
        if let Some(id) = try_(&lower[..n - 1]) {
            return Some(id);
        }
        // "-es" only after a sibilant or "o" (taxes, watches, goes), not "departes"
        if let Some(stem) = lower.strip_suffix("es") {
            if ["s", "x", "z", "ch", "sh", "o"]
                .iter()
                .any(|e| stem.ends_with(e))
            {
                if let Some(id) = try_(stem) {
                    return Some(id);
                }
            }
        }
    }
    if n > 4 && lower.ends_with("ied") {
        if let Some(id) = id_with(&lower[..n - 3], "y", lex) {
            return Some(id);
        }
    }
    for suffix in ["ed", "ing"] {
        if n > suffix.len() + 2 && lower.ends_with(suffix) {
            let stem = &lower[..n - suffix.len()];
            if let Some(id) = try_(stem) {
                return Some(id);
            }
            if let Some(id) = id_with(stem, "e", lex) {
                return Some(id);
            }
            let b = stem.as_bytes();
            if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
                if let Some(id) = try_(&stem[..stem.len() - 1]) {
                    return Some(id);
                }
            }
        }
    }
    if n > 3 && lower.ends_with('d') && lower.ends_with("ed") {
        if let Some(id) = try_(&lower[..n - 1]) {
            return Some(id);
        }
    }
    form
}
