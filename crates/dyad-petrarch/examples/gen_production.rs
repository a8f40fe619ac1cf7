//! Writes TABARI/PETRARCH dictionaries of production size (15,000 verb
//! patterns, ~50,000 actor lines, agents, discards) to a directory and times
//! loading them.
//!
//! `cargo run --release -p dyad-petrarch --example gen_production [DIR]`

#[path = "../tests/support/generate.rs"]
mod generate;

use dyad_petrarch::{load_paths, DictFiles};
use std::time::Instant;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("dyad-petrarch-production"));
    let [verbs, actors, agents, discards] =
        generate::write_set(&dir, generate::PRODUCTION).expect("writable directory");
    let lines = |p: &std::path::Path| {
        std::fs::read_to_string(p)
            .map(|t| t.lines().count())
            .unwrap_or(0)
    };
    println!(
        "wrote {}: verbs {} lines, actors {} lines, agents {} lines, discards {} lines",
        dir.display(),
        lines(&verbs),
        lines(&actors),
        lines(&agents),
        lines(&discards)
    );
    let files = DictFiles {
        verbs: vec![verbs],
        actors: vec![actors],
        agents: vec![agents],
        discards: vec![discards],
        issues: vec![],
    };
    for run in 1..=3 {
        let t = Instant::now();
        let loaded = load_paths(&files).expect("readable");
        let read = t.elapsed();
        let (lex, diags) = loaded.compile();
        let total = t.elapsed();
        println!(
            "run {run}: read {:.0} ms, read+compile {:.0} ms: {} patterns, {} synsets, {} actors, {} agents, {} discards, {} diagnostics",
            read.as_secs_f64() * 1000.0,
            total.as_secs_f64() * 1000.0,
            lex.lex.patterns.len(),
            lex.lex.synsets.len(),
            lex.lex.actors.len(),
            lex.lex.agents.len(),
            lex.lex.discards.len(),
            diags.len()
        );
    }
}
