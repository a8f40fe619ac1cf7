//! The TABARI/PETRARCH discard list: one phrase per line; a leading `+`
//! discards the whole story, a trailing `_` requires a word boundary
//! (otherwise the last word is a stem: `BALLCLUB` matches "ballclubs").

use crate::common::{content_lines, phrase_words, Diags};
use dyad_core::lexicon::{Diagnostic, Discard, Lexicon};
use std::sync::Arc;

/// Reads a discard list into `lex.discards`.
pub fn read_discards(file: &str, text: &str, lex: &mut Lexicon, diags: &mut Vec<Diagnostic>) {
    let mut d = Diags {
        file: Arc::from(file),
        out: diags,
    };
    for line in content_lines(text) {
        let n = line.number;
        let mut t = line.text.trim();
        // `;` notes after the phrase
        if let Some(i) = t.find(';') {
            t = t[..i].trim();
        }
        let story = t.starts_with('+');
        let t = t.trim_start_matches('+').trim();
        let boundary = t.ends_with('_');
        let words: Vec<String> = phrase_words(t.trim_end_matches('_'))
            .into_iter()
            .map(|w| w.to_lowercase())
            .collect();
        if words.is_empty() || !words.iter().any(|w| w.chars().any(char::is_alphanumeric)) {
            d.at(
                n,
                format!("cannot read discard phrase `{}`", line.text.trim()),
            );
            continue;
        }
        lex.discards.push(Discard {
            words,
            story,
            stem: !boundary,
            origin: d.origin(n),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discards() {
        let mut lex = Lexicon::default();
        let mut diags = Vec::new();
        read_discards(
            "d.txt",
            "+Cup Final   # c\nbox office_ ; note\nHOCKEY\n+\n",
            &mut lex,
            &mut diags,
        );
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(lex.discards.len(), 3);
        assert!(lex.discards[0].story && lex.discards[0].stem);
        assert_eq!(lex.discards[0].words, ["cup", "final"]);
        assert!(!lex.discards[1].story && !lex.discards[1].stem);
        assert_eq!(lex.discards[2].words, ["hockey"]);
    }
}
