//! Property tests: the text stages and the lexicon readers never panic, and
//! keep their documented invariants on arbitrary input.

use chrono::NaiveDate;
use dyad_core::lexicon::builtin::load_files;
use dyad_core::text::{normalize, segment, tokenize};
use dyad_core::{Coder, Document, Options};
use proptest::prelude::*;
use std::sync::OnceLock;

fn coder() -> &'static Coder {
    static C: OnceLock<Coder> = OnceLock::new();
    C.get_or_init(|| Coder::builtin(Options::default()).expect("built-in lexicon"))
}

/// Text that looks like news: words, abbreviations, quotes, numbers, odd characters.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("The".to_string()),
        Just("U.S.".to_string()),
        Just("Gen.".to_string()),
        Just("Iran".to_string()),
        Just("attacked".to_string()),
        Just("talks".to_string()),
        Just("with".to_string()),
        Just("Israel's".to_string()),
        Just("didn't".to_string()),
        Just(".".to_string()),
        Just(",".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\n".to_string()),
        Just("--".to_string()),
        Just("3.5".to_string()),
        Just("&amp;".to_string()),
        Just("WASHINGTON (Reuters) -".to_string()),
        "[a-zA-Z]{1,8}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn tokens_are_ordered_nonempty_and_whitespace_free(s in prop_oneof![newsy(), any::<String>()]) {
        let text = normalize(&s);
        let toks = tokenize(&text);
        let mut last = 0u32;
        for t in &toks {
            prop_assert!(t.start < t.end);
            prop_assert!(t.start >= last);
            prop_assert!(text.is_char_boundary(t.start as usize) && text.is_char_boundary(t.end as usize));
            prop_assert!(!t.text(&text).chars().any(char::is_whitespace));
            last = t.end;
        }
    }

    #[test]
    fn sentences_partition_the_tokens(s in prop_oneof![newsy(), any::<String>()]) {
        let text = normalize(&s);
        let toks = tokenize(&text);
        let sents = segment(&text, &toks);
        let mut last = 0usize;
        for r in &sents {
            prop_assert!(!r.is_empty());
            prop_assert!(r.start >= last);
            prop_assert!(r.end <= toks.len());
            last = r.end;
        }
    }

    #[test]
    fn normalised_text_has_no_control_characters(s in any::<String>()) {
        let n = normalize(&s);
        prop_assert!(!n.chars().any(|c| c.is_control() && c != '\n'));
    }

    #[test]
    fn coding_never_panics_and_offsets_are_valid(s in prop_oneof![newsy(), any::<String>()], title in proptest::option::of(newsy())) {
        let doc = Document { id: "p".into(), date: NaiveDate::from_ymd_opt(2024, 3, 14).unwrap_or_default(), text: s, title };
        let coded = coder().code(&doc);
        for e in &coded.events {
            let n = e.sentence.chars().count();
            prop_assert!(e.source.start < e.source.end && e.source.end <= n);
            prop_assert!(e.evidence.trigger.end <= n);
        }
    }

    #[test]
    fn lexicon_readers_never_panic(lines in prop::collection::vec(prop_oneof![
        "[A-Z]{3,9} [A-Za-z |=.'-]{0,30}",
        "    [A-Z]{3,6} [0-9-]{0,10}\\.\\.[0-9-]{0,10}",
        "[0-9:-]{2,9} [a-z&_.$+%^ ]{0,30}",
        "[0-9]{3} [a-z {|}.+]{0,40}",
        "~?[A-Z]{0,4}~? [a-z {}|]{0,30}",
        "&[A-Z]{1,5} ?= ?[a-z |&]{0,20}",
        any::<String>(),
    ], 0..30)) {
        let text = lines.join("\n");
        for path in ["actors/x.txt", "agents.txt", "verbs/x.txt", "verbs/synsets.txt", "discards.txt", "morph/x.txt", "light_verbs.txt"] {
            let (lex, _diags) = load_files([(path, text.as_str())]);
            let _ = dyad_core::lexicon::CompiledLexicon::new(lex);
        }
    }
}
