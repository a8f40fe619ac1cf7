//! `dyad lexicon check|stats|explain`: tools for dictionary editors.

use anyhow::Result;
use dyad_core::analysis::{analyze, MentionKind};
use dyad_core::lexicon::{CompiledLexicon, Diagnostic, EventCode, Lexicon, Origin, PatElem};
use dyad_core::ontology::Ontology;
use dyad_core::text::{normalize, segment, tokenize};
use dyad_core::{Coder, Document};
use std::collections::{BTreeMap, HashMap};
use std::time::Instant;

/// A pattern's elements: before, head, after.
type Shape = (Vec<PatElem>, PatElem, Vec<PatElem>);

/// Problems `dyad lexicon check` looks for, beyond parse errors.
pub fn lint(lex: &Lexicon, ontology: &Ontology) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut d = |origin: &Origin, message: String| {
        out.push(Diagnostic {
            origin: origin.clone(),
            message,
        })
    };
    // actors: one phrase, one entry
    let mut seen: HashMap<String, &Origin> = HashMap::new();
    for a in &lex.actors {
        for p in &a.phrases {
            let key = p.words.join(" ").to_lowercase();
            let key = if p.case == dyad_core::lexicon::CaseRule::Exact {
                format!("={}", p.words.join(" "))
            } else {
                key
            };
            if let Some(prev) = seen.get(&key) {
                if **prev != a.origin {
                    d(
                        &a.origin,
                        format!(
                            "actor phrase {:?} already defined at {prev}",
                            p.words.join(" ")
                        ),
                    );
                }
            } else {
                seen.insert(key, &a.origin);
            }
        }
        // overlapping date ranges
        for (i, x) in a.dated.iter().enumerate() {
            if let (Some(f), Some(t)) = (x.from, x.to) {
                if f > t {
                    d(
                        &x.origin,
                        format!("date range ends before it starts ({f}..{t})"),
                    );
                }
            }
            for y in &a.dated[i + 1..] {
                let starts_before_end =
                    |p: &dyad_core::lexicon::DatedCode, q: &dyad_core::lexicon::DatedCode| match (
                        p.from, q.to,
                    ) {
                        (Some(f), Some(t)) => f <= t,
                        _ => true,
                    };
                if starts_before_end(x, y) && starts_before_end(y, x) {
                    d(
                        &y.origin,
                        format!("date range overlaps the one at {}", x.origin),
                    );
                }
            }
        }
    }
    // agents
    let mut seen_ag: HashMap<String, &Origin> = HashMap::new();
    for a in &lex.agents {
        for p in &a.phrases {
            let key = p.words.join(" ");
            match seen_ag.get(&key) {
                Some(prev) if **prev != a.origin => d(
                    &a.origin,
                    format!("agent phrase {key:?} already defined at {prev}"),
                ),
                Some(_) => {}
                None => {
                    seen_ag.insert(key, &a.origin);
                }
            }
        }
    }
    // patterns: codes in the ontology, duplicates, conflicts
    let mut by_shape: HashMap<Shape, (&EventCode, &Origin)> = HashMap::new();
    for p in &lex.patterns {
        let codes = p.code.codes();
        for c in codes {
            if ontology.get(c).is_none() {
                d(
                    &p.origin,
                    format!("event code {c} is not in the CAMEO table"),
                );
            }
        }
        let shape = (p.before.clone(), p.head.clone(), p.after.clone());
        match by_shape.get(&shape) {
            Some((code, origin)) if *code == &p.code => d(
                &p.origin,
                format!("duplicate pattern (unreachable): same as {origin}"),
            ),
            Some((_, origin)) => d(
                &p.origin,
                format!(
                    "conflicting pattern (unreachable): same words as {origin} with another code"
                ),
            ),
            None => {
                by_shape.insert(shape, (&p.code, &p.origin));
            }
        }
        if matches!(&p.head, PatElem::Word(w) | PatElem::Exact(w) if matches!(w.as_str(), "the" | "a" | "an" | "of" | "to" | "and"))
        {
            d(
                &p.origin,
                "pattern head is a function word: it can never be a trigger".to_string(),
            );
        }
    }
    let mut seen_disc: HashMap<(Vec<String>, bool), &Origin> = HashMap::new();
    for x in &lex.discards {
        if let Some(prev) = seen_disc.get(&(x.words.clone(), x.story)) {
            d(&x.origin, format!("duplicate discard, see {prev}"));
        } else {
            seen_disc.insert((x.words.clone(), x.story), &x.origin);
        }
    }
    out
}

/// Prints the lexicon's counts.
pub fn stats(o: &mut String, lex: &CompiledLexicon, load_ms: f64) {
    let l = &lex.lex;
    let mut by_file: BTreeMap<&str, usize> = BTreeMap::new();
    for a in &l.actors {
        *by_file.entry(a.origin.file.as_ref()).or_default() += 1;
    }
    let group = |prefix: &str| -> usize {
        by_file
            .iter()
            .filter(|(f, _)| f.starts_with(prefix))
            .map(|(_, n)| n)
            .sum()
    };
    let people: Vec<_> = l
        .actors
        .iter()
        .filter(|a| a.origin.file.starts_with("actors/people/"))
        .collect();
    let people_dated = people.iter().filter(|a| !a.dated.is_empty()).count();
    let people_files = by_file
        .keys()
        .filter(|f| f.starts_with("actors/people/"))
        .count();
    outln!(
        o,
        "lexicon {} (loaded and compiled in {load_ms:.1} ms)",
        lex.hash_hex()
    );
    outln!(
        o,
        "actors                 {:>6} entries, {} phrases",
        l.actors.len(),
        lex.actors.len()
    );
    for (f, n) in &by_file {
        if !f.starts_with("actors/people/") {
            outln!(o, "  {f:<28} {n:>6}");
        }
    }
    outln!(
        o,
        "  actors/people/*              {:>6} people ({} with dated roles) in {} files",
        group("actors/people/"),
        people_dated,
        people_files
    );
    outln!(
        o,
        "agents                 {:>6} entries, {} phrases with plurals",
        l.agents.len(),
        lex.agents.len()
    );
    let mut roots: BTreeMap<String, usize> = BTreeMap::new();
    let mut nominal_light = 0;
    for p in &l.patterns {
        let code = match &p.code {
            EventCode::Code(c) | EventCode::Paired(c, _) => c.get(..2).unwrap_or("").to_string(),
            EventCode::Null => "null".into(),
        };
        *roots.entry(code).or_default() += 1;
        if let PatElem::Word(h) = &p.head {
            if l.light_verbs.contains(h) {
                nominal_light += 1;
            }
        }
    }
    outln!(
        o,
        "patterns               {:>6} ({} light-verb constructions)",
        l.patterns.len(),
        nominal_light
    );
    let line: Vec<String> = roots.iter().map(|(r, n)| format!("{r}:{n}")).collect();
    outln!(o, "  by CAMEO root        {}", line.join(" "));
    outln!(o, "synsets                {:>6}", l.synsets.len());
    let story = l.discards.iter().filter(|d| d.story).count();
    outln!(
        o,
        "discards               {:>6} ({} story-level)",
        l.discards.len(),
        story
    );
    outln!(o, "irregular forms        {:>6}", l.inflections.len());
    outln!(o, "light verbs            {:>6}", l.light_verbs.len());
    outln!(o, "countries              {:>6}", l.countries.len());
}

/// Loads the built-in lexicon (or the one in `dir`), timing it.
pub fn load_timed(
    dir: Option<&std::path::Path>,
) -> anyhow::Result<(CompiledLexicon, Vec<Diagnostic>, f64)> {
    let t = Instant::now();
    let (lex, diags) = match dir {
        None => dyad_core::lexicon::builtin::load(),
        Some(d) => dyad_core::lexicon::dir::load(d)
            .map_err(|e| anyhow::anyhow!("cannot load the lexicon in {}: {e}", d.display()))?,
    };
    Ok((lex, diags, t.elapsed().as_secs_f64() * 1000.0))
}

/// Prints how a sentence is analysed and coded.
pub fn explain(
    o: &mut String,
    coder: &Coder,
    sentence: &str,
    date: chrono::NaiveDate,
) -> Result<()> {
    let lex = &coder.lex;
    let text = normalize(sentence);
    let toks = tokenize(&text);
    for r in segment(&text, &toks) {
        let (sent, rel) = dyad_core::text::sentence(&text, &toks, r);
        let a = analyze(sent, &rel, lex, date);
        outln!(o, "sentence: {sent}");
        outln!(o, "tokens:");
        for (i, t) in a.toks.iter().enumerate() {
            let lemma = t
                .lemma
                .map(|l| lex.word(l).to_string())
                .unwrap_or_else(|| "-".into());
            outln!(
                o,
                "  {i:>3} {:<18} {:<6} lemma={lemma}",
                t.text(sent),
                format!("{:?}", a.tags[i])
            );
        }
        outln!(o, "mentions:");
        for m in &a.mentions {
            let words: Vec<&str> = a.toks[m.start..m.end]
                .iter()
                .map(|t| t.text(sent))
                .collect();
            match m.kind {
                MentionKind::Actor(x) => {
                    let entry = &lex.lex.actors[x as usize];
                    outln!(
                        o,
                        "  actor {:?} -> {} ({}) [{}]",
                        words.join(" "),
                        entry.code_on(date).unwrap_or("-"),
                        entry.name,
                        entry.origin
                    );
                }
                MentionKind::Agent(x) => {
                    let entry = &lex.lex.agents[x as usize];
                    outln!(
                        o,
                        "  agent {:?} -> ~{} [{}]",
                        words.join(" "),
                        entry.code,
                        entry.origin
                    );
                }
            }
        }
        outln!(o, "noun phrases:");
        for np in &a.nps {
            let words: Vec<&str> = a.toks[np.start..np.end]
                .iter()
                .map(|t| t.text(sent))
                .collect();
            let codes: Vec<&str> = np.actors.iter().map(|x| x.code.as_str()).collect();
            let poss = np
                .possessor
                .as_ref()
                .map(|p| format!(" possessor={}", p.code))
                .unwrap_or_default();
            outln!(
                o,
                "  [{}..{}] {:?} actors={codes:?}{poss}",
                np.start,
                np.end,
                words.join(" ")
            );
        }
        outln!(o, "time expressions:");
        for t in &a.times {
            let words: Vec<&str> = a.toks[t.start..t.end]
                .iter()
                .map(|x| x.text(sent))
                .collect();
            outln!(
                o,
                "  {:?} -> {} ({:?}{})",
                words.join(" "),
                t.date,
                t.precision,
                if t.anchors { "" } else { ", not an event date" }
            );
        }
    }
    let doc = Document {
        id: "explain".into(),
        date,
        text: sentence.to_string(),
        title: None,
    };
    let coded = coder.code(&doc);
    outln!(o, "events:");
    if coded.events.is_empty() {
        outln!(o, "  (none)");
    }
    for e in &coded.events {
        outln!(
            o,
            "  {} -> {} {} ({}) {} [{}] trigger {:?} date {} ({:?}){}",
            e.source.code,
            e.target.as_ref().map(|t| t.code.as_str()).unwrap_or("-"),
            e.cameo,
            e.plover.as_deref().unwrap_or("-"),
            e.evidence.rule,
            lex.lex
                .patterns
                .iter()
                .find(|p| p.origin.to_string() == e.evidence.rule)
                .map(|p| format!("{:?}", p.code))
                .unwrap_or_default(),
            e.evidence.trigger.text,
            e.date,
            e.date_precision,
            if e.negated { " NEGATED" } else { "" }
        );
    }
    if let Some(d) = coded.discarded {
        outln!(o, "  story discarded: {d}");
    }
    Ok(())
}
