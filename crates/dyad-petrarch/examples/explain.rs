//! Shows how dyad analyses and codes a sentence with PETRARCH dictionaries
//! (a debugging aid for dictionary editors).
//!
//! `cargo run -p dyad-petrarch --example explain -- DIR "sentence" [YYYYMMDD] [require_dyad]`
//! where DIR holds PETR.Validate.{verbs,actors,agents,discards}.txt-style
//! files (any file whose name contains verbs/actors/agents/discards).

use dyad_core::analysis::{analyze, MentionKind};
use dyad_core::text::{normalize, segment, tokenize};
use dyad_core::Document;
use dyad_petrarch::commas::{remove_comma_clauses, CommaLimits};
use dyad_petrarch::{load_paths, petrarch_options, DictFiles};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: explain DIR SENTENCE [YYYYMMDD] [require_dyad]");
        std::process::exit(2);
    }
    let dir = std::path::Path::new(&args[1]);
    let mut files = DictFiles::default();
    for e in std::fs::read_dir(dir)
        .expect("readable directory")
        .flatten()
    {
        let name = e.file_name().to_string_lossy().to_lowercase();
        let p = e.path();
        if name.contains("verbs") {
            files.verbs.push(p);
        } else if name.contains("actors") {
            files.actors.push(p);
        } else if name.contains("agents") {
            files.agents.push(p);
        } else if name.contains("discards") {
            files.discards.push(p);
        }
    }
    let date = args
        .get(3)
        .and_then(|d| dyad_petrarch::common::parse_date(d))
        .unwrap_or_else(|| chrono::NaiveDate::from_ymd_opt(1995, 1, 1).unwrap());
    let mut options = petrarch_options();
    if let Some(r) = args.get(4) {
        options.require_target = r == "true";
    }
    let coder = load_paths(&files)
        .expect("dictionaries")
        .coder(options)
        .expect("ontology");
    let text = normalize(&remove_comma_clauses(&args[2], &CommaLimits::PETRARCH));
    let toks = tokenize(&text);
    for r in segment(&text, &toks) {
        let (sent, rel) = dyad_core::text::sentence(&text, &toks, r);
        println!("sentence: {sent}");
        let a = analyze(sent, &rel, &coder.lex, date);
        for (i, t) in a.toks.iter().enumerate() {
            let lemma = t
                .lemma
                .map(|l| coder.lex.word(l).to_string())
                .unwrap_or_else(|| "-".into());
            print!(
                "{i}:{}/{:?}{} ",
                t.text(sent),
                a.tags[i],
                if lemma != t.lower.as_ref() && lemma != "-" {
                    format!("({lemma})")
                } else {
                    String::new()
                }
            );
        }
        println!();
        for m in &a.mentions {
            let w: Vec<&str> = a.toks[m.start..m.end]
                .iter()
                .map(|t| t.text(sent))
                .collect();
            match m.kind {
                MentionKind::Actor(x) => println!(
                    "  actor {:?} {:?}",
                    w.join(" "),
                    coder.lex.lex.actors[x as usize].code_on(date)
                ),
                MentionKind::Agent(x) => println!(
                    "  agent {:?} {}",
                    w.join(" "),
                    coder.lex.lex.agents[x as usize].code
                ),
            }
        }
        for t in &a.times {
            let w: Vec<&str> = a.toks[t.start..t.end]
                .iter()
                .map(|t| t.text(sent))
                .collect();
            println!(
                "  time {:?} -> {} anchors={}",
                w.join(" "),
                t.date,
                t.anchors
            );
        }
        for np in &a.nps {
            let w: Vec<&str> = a.toks[np.start..np.end]
                .iter()
                .map(|t| t.text(sent))
                .collect();
            let codes: Vec<&str> = np.actors.iter().map(|x| x.code.as_str()).collect();
            println!(
                "  np [{}..{}] {:?} {codes:?} poss={:?}",
                np.start,
                np.end,
                w.join(" "),
                np.possessor.as_ref().map(|p| &p.code)
            );
        }
    }
    let coded = coder.code(&Document {
        id: "x".into(),
        date,
        text: text.clone(),
        title: None,
    });
    for e in &coded.events {
        println!(
            "event {} -> {} {} neg={} trigger={:?} rule={}",
            e.source.code,
            e.target.as_ref().map(|t| t.code.as_str()).unwrap_or("---"),
            e.cameo,
            e.negated,
            e.evidence.trigger.text,
            e.evidence.rule
        );
    }
}
