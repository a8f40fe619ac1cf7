//! `dyad eval`: codes the texts of a gold file and scores dyad against it.
//!
//! Gold formats: dyad's own JSON Lines (`eval/GOLD-FORMAT.md`), the PLOVER
//! gold-standard JSON (a list of records with `text`, `date`, `source` /
//! `target` lists of `{actorText, code, sector}` and `event`), and PETRARCH
//! validation XML (via `dyad-petrarch`). Scores: precision, recall and F1 on
//! event types (PLOVER, or the CAMEO root for 01/02), on (source country,
//! type, target country) triples, per CAMEO root and per PLOVER type; source
//! and target accuracy; a confusion matrix; every miss and false alarm.

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use dyad_core::{Coder, Document};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// One gold event.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldEvent {
    /// Source actor code.
    pub source: String,
    /// Target actor code.
    pub target: String,
    /// CAMEO code, or a PLOVER type name when the gold only has PLOVER.
    pub event: String,
}

/// One gold document (or sentence).
#[derive(Clone, Debug)]
pub struct GoldDoc {
    /// Identifier.
    pub id: String,
    /// Story date.
    pub date: NaiveDate,
    /// Text to code.
    pub text: String,
    /// Title, if any.
    pub title: Option<String>,
    /// Expected events (empty: must code nothing).
    pub events: Vec<GoldEvent>,
}

#[derive(Deserialize)]
struct DyadGoldEvent {
    source: String,
    target: String,
    cameo: String,
}

#[derive(Deserialize)]
struct DyadGoldLine {
    id: serde_json::Value,
    date: Option<String>,
    text: Option<String>,
    title: Option<String>,
    #[serde(default)]
    events: Vec<DyadGoldEvent>,
}

#[derive(Deserialize)]
struct PloverActor {
    #[serde(default)]
    code: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PloverRecord {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    source: Vec<PloverActor>,
    #[serde(default)]
    target: Vec<PloverActor>,
    #[serde(default)]
    event: Option<String>,
}

fn id_string(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Gold from PETRARCH validation records (XML): each run record's text and
/// expected codings; `noevents` records must code nothing, `error` records
/// and categories the file's `<Include>` leaves out are skipped.
fn petrarch_gold(path: &Path, raw: &str, default_date: Option<NaiveDate>) -> Result<Vec<GoldDoc>> {
    use dyad_petrarch::records::{parse_suite, Expected};
    let suite = parse_suite(raw).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let env = &suite.environment;
    let mut docs = Vec::new();
    for r in &suite.records {
        let included = env.include.is_empty() || env.include.contains(&r.category);
        if !included || env.exclude.contains(&r.category) {
            continue;
        }
        let events = match &r.expected {
            Expected::Error(_) => continue,
            Expected::NoEvents => Vec::new(),
            Expected::Codings(cs) => cs
                .iter()
                .map(|c| GoldEvent {
                    source: c.source.clone().unwrap_or_else(|| "---".into()),
                    target: c.target.clone().unwrap_or_else(|| "---".into()),
                    event: c.event.clone().unwrap_or_default(),
                })
                .collect(),
        };
        let Some(date) = r.date.or(default_date) else {
            bail!(
                "{}:{}: record {} has no date (give --date)",
                path.display(),
                r.line,
                r.id
            )
        };
        docs.push(GoldDoc {
            id: r.id.clone(),
            date,
            text: r.text.clone(),
            title: None,
            events,
        });
    }
    Ok(docs)
}

/// Reads a gold file: dyad JSON Lines, a PLOVER gold JSON list, or
/// PETRARCH validation records (XML).
pub fn read_gold(
    path: &Path,
    inputs: &HashMap<String, Document>,
    default_date: Option<NaiveDate>,
) -> Result<Vec<GoldDoc>> {
    let raw =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let trimmed = raw.trim_start();
    if trimmed.starts_with('<') {
        return petrarch_gold(path, &raw, default_date);
    }
    if trimmed.starts_with('[') {
        let recs: Vec<PloverRecord> = serde_json::from_str(trimmed)
            .with_context(|| format!("{}: not a PLOVER gold list", path.display()))?;
        let mut docs = Vec::new();
        for (i, r) in recs.into_iter().enumerate() {
            let date = r
                .date
                .as_deref()
                .and_then(crate::input::parse_date)
                .or(default_date);
            let Some(date) = date else {
                bail!(
                    "{}: record {i} has no usable date (give --date)",
                    path.display()
                )
            };
            let mut events = Vec::new();
            if let Some(ev) = r.event.filter(|e| !e.is_empty()) {
                for s in &r.source {
                    for t in &r.target {
                        events.push(GoldEvent {
                            source: s.code.clone().unwrap_or_default(),
                            target: t.code.clone().unwrap_or_default(),
                            event: ev.to_uppercase(),
                        });
                    }
                }
            }
            let id =
                r.id.as_ref()
                    .map(id_string)
                    .unwrap_or_else(|| format!("plover-{i}"));
            docs.push(GoldDoc {
                id,
                date,
                text: r.text,
                title: None,
                events,
            });
        }
        return Ok(docs);
    }
    let mut docs = Vec::new();
    for (n, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let g: DyadGoldLine = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: bad gold line", path.display(), n + 1))?;
        let id = id_string(&g.id);
        let input = inputs.get(&id);
        let text = g.text.or_else(|| input.map(|d| d.text.clone()));
        let Some(text) = text else {
            bail!(
                "{}:{}: no text for {id} (give --input)",
                path.display(),
                n + 1
            )
        };
        let date = g
            .date
            .as_deref()
            .and_then(crate::input::parse_date)
            .or(input.map(|d| d.date))
            .or(default_date);
        let Some(date) = date else {
            bail!("{}:{}: no date for {id}", path.display(), n + 1)
        };
        let title = g.title.or_else(|| input.and_then(|d| d.title.clone()));
        let events = g
            .events
            .into_iter()
            .map(|e| GoldEvent {
                source: e.source,
                target: e.target,
                event: e.cameo,
            })
            .collect();
        docs.push(GoldDoc {
            id,
            date,
            text,
            title,
            events,
        });
    }
    Ok(docs)
}

/// Precision/recall counts.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Prf {
    /// True positives.
    pub tp: usize,
    /// System events.
    pub sys: usize,
    /// Gold events.
    pub gold: usize,
}

impl Prf {
    /// Precision.
    pub fn p(&self) -> f64 {
        if self.sys == 0 {
            0.0
        } else {
            self.tp as f64 / self.sys as f64
        }
    }
    /// Recall.
    pub fn r(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.tp as f64 / self.gold as f64
        }
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Prf) {
        self.tp += o.tp;
        self.sys += o.sys;
        self.gold += o.gold;
    }
}

/// A scored event: its type label and actor countries.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Key {
    kind: String,
    src: String,
    tgt: String,
}

fn country(code: &str) -> String {
    code.get(..3).unwrap_or(code).to_uppercase()
}

/// Multiset intersection size.
fn overlap<T: Eq + std::hash::Hash + Clone>(a: &[T], b: &[T]) -> usize {
    let mut counts: HashMap<T, usize> = HashMap::new();
    for x in a {
        *counts.entry(x.clone()).or_default() += 1;
    }
    let mut n = 0;
    for x in b {
        if let Some(c) = counts.get_mut(x) {
            if *c > 0 {
                *c -= 1;
                n += 1;
            }
        }
    }
    n
}

/// The whole evaluation.
#[derive(Debug, Default)]
pub struct Report {
    /// Type-level scores.
    pub types: Prf,
    /// (source country, type, target country) scores.
    pub triples: Prf,
    /// Exact CAMEO code + actor countries.
    pub exact: Prf,
    /// Per PLOVER type (type level).
    pub per_type: BTreeMap<String, Prf>,
    /// Per CAMEO root (type level, gold with CAMEO codes only).
    pub per_root: BTreeMap<String, Prf>,
    /// Matched type pairs whose source country agreed.
    pub source_ok: usize,
    /// Matched type pairs whose target country agreed.
    pub target_ok: usize,
    /// Matched type pairs.
    pub matched: usize,
    /// gold type → system type → count (NONE for unmatched).
    pub confusion: BTreeMap<String, BTreeMap<String, usize>>,
    /// Misses: (doc, sentence text, gold event).
    pub misses: Vec<String>,
    /// False alarms.
    pub false_alarms: Vec<String>,
    /// Documents that must code nothing.
    pub negatives: usize,
    /// Events coded on them.
    pub negative_events: usize,
    /// Documents scored.
    pub docs: usize,
}

/// Codes every gold document and scores the result.
pub fn evaluate(coder: &Coder, docs: &[GoldDoc]) -> Report {
    let mut rep = Report::default();
    let kind_of = |code: &str| -> String {
        if code.chars().all(|c| c.is_ascii_alphabetic()) {
            return code.to_uppercase();
        }
        coder
            .ontology
            .plover(code)
            .map(str::to_string)
            .unwrap_or_else(|| format!("CAMEO{}", code.get(..2).unwrap_or(code)))
    };
    for d in docs {
        rep.docs += 1;
        let doc = Document {
            id: d.id.clone(),
            date: d.date,
            text: d.text.clone(),
            title: d.title.clone(),
        };
        let coded = coder.code(&doc);
        let sys: Vec<(Key, String, String)> = coded
            .events
            .iter()
            // PETRARCH's options keep modal events, and its gold codes them
            .filter(|e| !e.negated || coder.options.keep_negated)
            .map(|e| {
                let tgt = e
                    .target
                    .as_ref()
                    .map(|t| t.code.clone())
                    .unwrap_or_default();
                (
                    Key {
                        kind: kind_of(&e.cameo),
                        src: country(&e.source.code),
                        tgt: country(&tgt),
                    },
                    e.cameo.clone(),
                    format!("{} {} {} | {}", e.source.code, e.cameo, tgt, e.sentence),
                )
            })
            .collect();
        let gold: Vec<(Key, String)> = d
            .events
            .iter()
            .map(|g| {
                (
                    Key {
                        kind: kind_of(&g.event),
                        src: country(&g.source),
                        tgt: country(&g.target),
                    },
                    g.event.clone(),
                )
            })
            .collect();
        if d.events.is_empty() {
            rep.negatives += 1;
            rep.negative_events += sys.len();
        }
        let gk: Vec<&str> = gold.iter().map(|g| g.0.kind.as_str()).collect();
        let sk: Vec<&str> = sys.iter().map(|s| s.0.kind.as_str()).collect();
        rep.types.add(Prf {
            tp: overlap(&gk, &sk),
            sys: sk.len(),
            gold: gk.len(),
        });
        let gt: Vec<&Key> = gold.iter().map(|g| &g.0).collect();
        let st: Vec<&Key> = sys.iter().map(|s| &s.0).collect();
        rep.triples.add(Prf {
            tp: overlap(&gt, &st),
            sys: st.len(),
            gold: gt.len(),
        });
        let ge: Vec<(String, &str, &str)> = gold
            .iter()
            .map(|g| (g.1.clone(), g.0.src.as_str(), g.0.tgt.as_str()))
            .collect();
        let se: Vec<(String, &str, &str)> = sys
            .iter()
            .map(|s| (s.1.clone(), s.0.src.as_str(), s.0.tgt.as_str()))
            .collect();
        rep.exact.add(Prf {
            tp: overlap(&ge, &se),
            sys: se.len(),
            gold: ge.len(),
        });
        // per type and per root
        let mut kinds: Vec<&str> = gk.iter().chain(&sk).copied().collect();
        kinds.sort();
        kinds.dedup();
        for k in kinds {
            let g: Vec<&str> = gk.iter().copied().filter(|x| *x == k).collect();
            let s: Vec<&str> = sk.iter().copied().filter(|x| *x == k).collect();
            rep.per_type.entry(k.to_string()).or_default().add(Prf {
                tp: overlap(&g, &s),
                sys: s.len(),
                gold: g.len(),
            });
        }
        let root = |c: &str| {
            c.get(..2)
                .filter(|r| r.chars().all(|x| x.is_ascii_digit()))
                .map(str::to_string)
        };
        let groots: Vec<String> = gold.iter().filter_map(|g| root(&g.1)).collect();
        let sroots: Vec<String> = sys.iter().filter_map(|s| root(&s.1)).collect();
        let mut roots: Vec<&String> = groots.iter().chain(&sroots).collect();
        roots.sort();
        roots.dedup();
        for r in roots {
            let g: Vec<&String> = groots.iter().filter(|x| *x == r).collect();
            let s: Vec<&String> = sroots.iter().filter(|x| *x == r).collect();
            rep.per_root.entry(r.clone()).or_default().add(Prf {
                tp: overlap(&g, &s),
                sys: s.len(),
                gold: g.len(),
            });
        }
        // alignment for actor accuracy, confusion, misses and false alarms
        let mut used = vec![false; sys.len()];
        let mut gold_matched = vec![false; gold.len()];
        for (gi, g) in gold.iter().enumerate() {
            if let Some(si) = (0..sys.len()).find(|&si| !used[si] && sys[si].0 == g.0) {
                used[si] = true;
                gold_matched[gi] = true;
                rep.matched += 1;
                rep.source_ok += 1;
                rep.target_ok += 1;
                *rep.confusion
                    .entry(g.0.kind.clone())
                    .or_default()
                    .entry(g.0.kind.clone())
                    .or_default() += 1;
            }
        }
        for (gi, g) in gold.iter().enumerate() {
            if gold_matched[gi] {
                continue;
            }
            // same type, actors differ
            if let Some(si) = (0..sys.len()).find(|&si| !used[si] && sys[si].0.kind == g.0.kind) {
                used[si] = true;
                rep.matched += 1;
                rep.source_ok += usize::from(sys[si].0.src == g.0.src);
                rep.target_ok += usize::from(sys[si].0.tgt == g.0.tgt);
                *rep.confusion
                    .entry(g.0.kind.clone())
                    .or_default()
                    .entry(g.0.kind.clone())
                    .or_default() += 1;
                rep.misses.push(format!(
                    "{}: gold {} {} {} ~ coded {} (actors differ) | {}",
                    d.id,
                    g.0.src,
                    g.1,
                    g.0.tgt,
                    sys[si].2,
                    first_line(&d.text)
                ));
                continue;
            }
            // same actors, other type
            if let Some(si) = (0..sys.len())
                .find(|&si| !used[si] && sys[si].0.src == g.0.src && sys[si].0.tgt == g.0.tgt)
            {
                used[si] = true;
                *rep.confusion
                    .entry(g.0.kind.clone())
                    .or_default()
                    .entry(sys[si].0.kind.clone())
                    .or_default() += 1;
                rep.misses.push(format!(
                    "{}: gold {} {} {} ~ coded {} (type differs)",
                    d.id, g.0.src, g.1, g.0.tgt, sys[si].2
                ));
                continue;
            }
            *rep.confusion
                .entry(g.0.kind.clone())
                .or_default()
                .entry("NONE".into())
                .or_default() += 1;
            rep.misses.push(format!(
                "{}: missed {} {} {} | {}",
                d.id,
                g.0.src,
                g.1,
                g.0.tgt,
                first_line(&d.text)
            ));
        }
        for (si, s) in sys.iter().enumerate() {
            if !used[si] {
                *rep.confusion
                    .entry("NONE".into())
                    .or_default()
                    .entry(s.0.kind.clone())
                    .or_default() += 1;
                rep.false_alarms
                    .push(format!("{}: false alarm {}", d.id, s.2));
            }
        }
    }
    rep
}

fn first_line(s: &str) -> String {
    let s: String = s.chars().take(160).collect();
    s.replace('\n', " ")
}

/// Prints a report.
pub fn print(o: &mut String, rep: &Report, details: bool) {
    let line = |o: &mut String, name: &str, p: &Prf| {
        outln!(
            o,
            "{name:<28} P {:.3}  R {:.3}  F1 {:.3}   (tp {}, coded {}, gold {})",
            p.p(),
            p.r(),
            p.f1(),
            p.tp,
            p.sys,
            p.gold
        );
    };
    outln!(o, "documents: {}", rep.docs);
    line(o, "event type (PLOVER)", &rep.types);
    line(o, "(src, type, tgt) countries", &rep.triples);
    line(o, "exact CAMEO + countries", &rep.exact);
    if rep.matched > 0 {
        outln!(
            o,
            "actor accuracy on type matches: source {:.3}, target {:.3} ({} matches)",
            rep.source_ok as f64 / rep.matched as f64,
            rep.target_ok as f64 / rep.matched as f64,
            rep.matched
        );
    }
    if rep.negatives > 0 {
        outln!(
            o,
            "must-not-code documents: {}, events coded on them: {} ({:.3} per document)",
            rep.negatives,
            rep.negative_events,
            rep.negative_events as f64 / rep.negatives as f64
        );
    }
    outln!(o, "\nper PLOVER type:");
    for (k, p) in &rep.per_type {
        line(o, &format!("  {k}"), p);
    }
    outln!(o, "\nper CAMEO root:");
    for (k, p) in &rep.per_root {
        line(o, &format!("  {k}"), p);
    }
    let mut cols: Vec<&String> = rep.confusion.values().flat_map(|m| m.keys()).collect();
    cols.sort();
    cols.dedup();
    outln!(o, "\nconfusion (rows gold, columns coded):");
    outp!(o, "{:<12}", "");
    for c in &cols {
        outp!(o, "{:>10}", c.chars().take(9).collect::<String>());
    }
    outln!(o);
    for (g, row) in &rep.confusion {
        outp!(o, "{:<12}", g.chars().take(11).collect::<String>());
        for c in &cols {
            outp!(o, "{:>10}", row.get(*c).copied().unwrap_or(0));
        }
        outln!(o);
    }
    if details {
        outln!(o, "\nmisses ({}):", rep.misses.len());
        for m in &rep.misses {
            outln!(o, "  {m}");
        }
        outln!(o, "\nfalse alarms ({}):", rep.false_alarms.len());
        for f in &rep.false_alarms {
            outln!(o, "  {f}");
        }
    }
}
