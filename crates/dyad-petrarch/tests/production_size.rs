//! Loads a generated dictionary set of production size (15,000 verb
//! patterns, ~50,000 actor lines): everything is read without a diagnostic
//! and the result codes. (Load time is measured by
//! `examples/gen_production.rs` in a release build, not asserted here.)

#[path = "support/generate.rs"]
mod generate;

use dyad_petrarch::{load_paths, petrarch_options, DictFiles};

#[test]
fn loads_a_production_size_set() {
    let dir = std::env::temp_dir().join(format!("dyad-petrarch-test-{}", std::process::id()));
    let [verbs, actors, agents, discards] =
        generate::write_set(&dir, generate::PRODUCTION).expect("temp dir is writable");
    let actor_lines = std::fs::read_to_string(&actors).unwrap().lines().count();
    assert!(actor_lines >= 45_000, "{actor_lines}");
    let pattern_lines = std::fs::read_to_string(&verbs)
        .unwrap()
        .lines()
        .filter(|l| l.starts_with('-') && !l.starts_with("---"))
        .count();
    assert_eq!(pattern_lines, 15_000);
    let files = DictFiles {
        verbs: vec![verbs],
        actors: vec![actors],
        agents: vec![agents],
        discards: vec![discards],
        issues: vec![],
    };
    let loaded = load_paths(&files).unwrap();
    assert!(
        loaded.diagnostics.is_empty(),
        "{:?}",
        &loaded.diagnostics[..5.min(loaded.diagnostics.len())]
    );
    assert_eq!(loaded.lexicon.actors.len(), generate::PRODUCTION.actors);
    assert!(loaded.lexicon.patterns.len() >= 15_000);
    let first_actor = loaded.lexicon.actors[0].phrases[0].words.join(" ");
    let coder = loaded.coder(petrarch_options()).unwrap();
    assert!(coder.lex.diagnostics.is_empty());
    let _ = coder.code(&dyad_core::Document {
        id: "p".into(),
        date: chrono::NaiveDate::from_ymd_opt(2001, 1, 1).unwrap(),
        text: format!("{first_actor} said on Monday it would talk."),
        title: None,
    });
    let _ = std::fs::remove_dir_all(&dir);
}
