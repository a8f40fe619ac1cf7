//! Measures the tagger against the hand-tagged sample in `eval/pos/sample.tsv`
//! (see README, "Part-of-speech tagging") and fails below a floor.

use chrono::NaiveDate;
use dyad_core::analysis::analyze;
use dyad_core::text::tokenize;
use dyad_core::{Coder, Options};
use std::path::Path;

/// Accuracy floors, set just under what the tagger reaches.
const MIN_ACCURACY: f64 = 0.87;
const MIN_NOUN_VERB_ACCURACY: f64 = 0.86;

#[test]
fn tagger_accuracy_on_the_hand_tagged_sample() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../eval/pos/sample.tsv");
    let Ok(sample) = std::fs::read_to_string(&path) else {
        println!("skipped: {} not present", path.display());
        return;
    };
    let coder = Coder::builtin(Options::default()).expect("built-in lexicon");
    let date = NaiveDate::from_ymd_opt(2024, 3, 14).expect("date");
    let (mut total, mut right, mut nv_total, mut nv_right, mut misaligned) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut confusions: std::collections::BTreeMap<(String, String), usize> = Default::default();
    for block in sample.split("\n\n") {
        let text = block
            .lines()
            .find_map(|l| l.strip_prefix("# "))
            .unwrap_or("")
            .trim()
            .to_string();
        let gold: Vec<(&str, &str)> = block
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split_once('\t'))
            .collect();
        if text.is_empty() || gold.is_empty() {
            continue;
        }
        let toks = tokenize(&text);
        let a = analyze(&text, &toks, &coder.lex, date);
        if a.toks.len() != gold.len() || a.toks.iter().zip(&gold).any(|(t, g)| t.text(&text) != g.0)
        {
            misaligned += 1;
            continue;
        }
        for ((g_tok, g_tag), tag) in gold.iter().zip(&a.tags) {
            let got = format!("{tag:?}");
            total += 1;
            let ok = got == *g_tag;
            right += usize::from(ok);
            if matches!(*g_tag, "Noun" | "Verb") {
                nv_total += 1;
                nv_right += usize::from(ok);
            }
            if !ok {
                *confusions.entry((g_tag.to_string(), got)).or_default() += 1;
            }
            let _ = g_tok;
        }
    }
    let acc = right as f64 / total.max(1) as f64;
    let nv = nv_right as f64 / nv_total.max(1) as f64;
    println!("tagger accuracy: {acc:.3} on {total} tokens; nouns and verbs: {nv:.3} on {nv_total}; {misaligned} sentences not aligned");
    let mut worst: Vec<_> = confusions.into_iter().collect();
    worst.sort_by_key(|w| std::cmp::Reverse(w.1));
    for ((g, s), n) in worst.iter().take(10) {
        println!("  gold {g} tagged {s}: {n}");
    }
    assert!(
        total > 500,
        "sample too small or misaligned ({total} tokens)"
    );
    assert!(
        acc >= MIN_ACCURACY,
        "tagger accuracy {acc:.3} below {MIN_ACCURACY}"
    );
    assert!(
        nv >= MIN_NOUN_VERB_ACCURACY,
        "noun/verb accuracy {nv:.3} below {MIN_NOUN_VERB_ACCURACY}"
    );
}
