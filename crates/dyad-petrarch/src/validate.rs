//! Runs PETRARCH validation records through a dyad coder and compares.
//!
//! Comparison, as PETRARCH's validation does: a coding is (source code,
//! target code, event code); an attribute missing from an expected
//! `<EventCoding>` matches anything; a missing target is `---`. A record
//! passes when the expected and actual codings are the same set: every
//! expected coding is produced and **every produced coding is expected**
//! (an extra coding fails the record — it would be a false event in the
//! data). `noevents` records pass when nothing is coded. `error` records pass
//! when dyad rejects the input for that reason: `storydiscard` and
//! `sentencediscard` (a discard phrase of that level occurs), `dateline`
//! (the text starts with a wire dateline), `bad_input_parse` (the record's
//! `<Parse>` tree is malformed — the tree is only checked, never used: dyad
//! codes from the raw `<Text>`).

use crate::commas::{remove_comma_clauses, CommaLimits};
use crate::records::{truthy, Coding, ConfigLine, Expected, Record, Suite};
use chrono::NaiveDate;
use dyad_core::text::{segment::dateline_len, tokenize};
use dyad_core::{Coder, Document, Options};
use std::collections::BTreeMap;

/// Options that `<Config>` lines change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunConfig {
    /// `require_dyad`: code only events with both a source and a target.
    pub require_dyad: bool,
    /// `new_actor_length`: longest unknown proper-noun phrase coded as a new actor (0: none).
    pub new_actor_length: usize,
    /// `comma_*` limits.
    pub commas: CommaLimits,
}

impl Default for RunConfig {
    fn default() -> Self {
        RunConfig {
            require_dyad: true,
            new_actor_length: 0,
            commas: CommaLimits::PETRARCH,
        }
    }
}

impl RunConfig {
    /// Applies one `<Config>` line; returns a warning for unknown options or
    /// unreadable values.
    pub fn apply(&mut self, c: &ConfigLine) -> Option<String> {
        let num = || c.value.trim().parse::<usize>().ok();
        let bad = || {
            Some(format!(
                "line {}: cannot read {}={:?}",
                c.line, c.option, c.value
            ))
        };
        match c.option.as_str() {
            "require_dyad" => self.require_dyad = truthy(&c.value),
            "new_actor_length" => match num() {
                Some(n) => {
                    self.new_actor_length = n;
                    if n > 0 {
                        return Some(format!(
                            "line {}: new_actor_length={n}: dyad does not code unknown noun phrases as new actors; ignored",
                            c.line
                        ));
                    }
                }
                None => return bad(),
            },
            "comma_min" | "comma_max" | "comma_bmin" | "comma_bmax" | "comma_emin"
            | "comma_emax" => {
                let Some(n) = num() else { return bad() };
                let l = &mut self.commas;
                match c.option.as_str() {
                    "comma_min" => l.min = n,
                    "comma_max" => l.max = n,
                    "comma_bmin" => l.bmin = n,
                    "comma_bmax" => l.bmax = n,
                    "comma_emin" => l.emin = n,
                    _ => l.emax = n,
                }
            }
            // options that do not change coding
            "stop_on_error" | "write_actor_root" | "write_actor_text" | "code_by_sentence" => {}
            other => {
                return Some(format!(
                    "line {}: option {other} is not supported; ignored",
                    c.line
                ))
            }
        }
        None
    }

    /// The coder options for this configuration.
    pub fn options(&self, base: &Options) -> Options {
        Options {
            require_target: self.require_dyad,
            ..base.clone()
        }
    }
}

/// A produced coding.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Actual {
    /// Source code.
    pub source: String,
    /// Target code (`---` when none).
    pub target: String,
    /// Event code.
    pub event: String,
}

impl std::fmt::Display for Actual {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}>{} {}", self.source, self.target, self.event)
    }
}

/// Displays an expected coding (`?` for a wildcard).
pub fn show_coding(c: &Coding) -> String {
    let q = |x: &Option<String>| x.clone().unwrap_or_else(|| "?".into());
    format!("{}>{} {}", q(&c.source), q(&c.target), q(&c.event))
}

fn coding_matches(e: &Coding, a: &Actual) -> bool {
    let eq = |x: &Option<String>, y: &str| x.as_ref().is_none_or(|x| x.eq_ignore_ascii_case(y));
    eq(&e.source, &a.source) && eq(&e.target, &a.target) && eq(&e.event, &a.event)
}

/// Pass, fail or not run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Coded as expected.
    Pass,
    /// Not coded as expected.
    Fail,
    /// Not run (its category is not in `<Include>`).
    Skipped,
}

/// The result for one record.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// Record id.
    pub id: String,
    /// Category.
    pub category: String,
    /// Status.
    pub status: Status,
    /// Expected, as text.
    pub expected: String,
    /// What dyad did, as text.
    pub actual: String,
    /// The codings produced.
    pub codings: Vec<Actual>,
}

/// Results of a whole suite.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// One per record, in file order.
    pub outcomes: Vec<Outcome>,
    /// Warnings (unsupported options …).
    pub warnings: Vec<String>,
}

/// Per-category counts: (run, passed, skipped).
pub type Counts = BTreeMap<String, (usize, usize, usize)>;

impl Report {
    /// Counts by category.
    pub fn by_category(&self) -> Counts {
        let mut m: Counts = BTreeMap::new();
        for o in &self.outcomes {
            let e = m.entry(o.category.clone()).or_default();
            match o.status {
                Status::Pass => {
                    e.0 += 1;
                    e.1 += 1
                }
                Status::Fail => e.0 += 1,
                Status::Skipped => e.2 += 1,
            }
        }
        m
    }
    /// (run, passed).
    pub fn totals(&self) -> (usize, usize) {
        let run = self
            .outcomes
            .iter()
            .filter(|o| o.status != Status::Skipped)
            .count();
        let passed = self
            .outcomes
            .iter()
            .filter(|o| o.status == Status::Pass)
            .count();
        (run, passed)
    }
    /// The per-category table, as text.
    pub fn table(&self) -> String {
        let mut s = format!(
            "{:<12} {:>5} {:>6} {:>6} {:>7}\n",
            "category", "run", "passed", "failed", "pass %"
        );
        for (cat, (run, pass, skipped)) in self.by_category() {
            if run == 0 {
                s.push_str(&format!(
                    "{cat:<12} {:>5} {:>6} {:>6} {:>7}   ({skipped} not in <Include>)\n",
                    0, "-", "-", "-"
                ));
                continue;
            }
            s.push_str(&format!(
                "{cat:<12} {run:>5} {pass:>6} {:>6} {:>7.1}\n",
                run - pass,
                100.0 * pass as f64 / run as f64
            ));
        }
        let (run, pass) = self.totals();
        s.push_str(&format!(
            "{:<12} {run:>5} {pass:>6} {:>6} {:>7.1}\n",
            "TOTAL",
            run - pass,
            if run == 0 {
                0.0
            } else {
                100.0 * pass as f64 / run as f64
            }
        ));
        s
    }
}

/// Whether the `<Parse>` tree is well-formed (balanced parentheses, one tree).
pub fn parse_is_balanced(parse: &str) -> bool {
    let mut depth = 0i64;
    let mut closed_top = false;
    for c in parse.chars() {
        match c {
            '(' => {
                if closed_top {
                    return false;
                }
                depth += 1
            }
            ')' => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
                if depth == 0 {
                    closed_top = true;
                }
            }
            _ => {}
        }
    }
    depth == 0 && closed_top
}

/// Whether `text` starts with a wire dateline: dyad's dateline rule, or one
/// to five upper-case words followed by `:` or `--` ("CEBU CITY: --").
pub fn has_dateline(text: &str) -> bool {
    let toks = tokenize(text);
    if dateline_len(text, &toks) > 0 {
        return true;
    }
    let caps = toks
        .iter()
        .take_while(|t| {
            let s = t.text(text);
            s.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !s.chars().any(|c| c.is_lowercase())
        })
        .count();
    (1..=5).contains(&caps)
        && toks
            .get(caps)
            .is_some_and(|t| matches!(t.text(text), ":" | "--" | "—"))
}

/// Whether a discard phrase of the given level occurs in `text`.
pub fn has_discard(coder: &Coder, text: &str, story: bool) -> bool {
    let toks = tokenize(text);
    let words: Vec<String> = toks
        .iter()
        .map(|t| t.text(text).replace('’', "'").to_lowercase())
        .collect();
    coder
        .lex
        .lex
        .discards
        .iter()
        .filter(|d| d.story == story)
        .any(|d| {
            let n = d.words.len();
            n > 0
                && words.len() >= n
                && (0..=words.len() - n).any(|i| {
                    (0..n).all(|k| {
                        let w = &words[i + k];
                        if k + 1 == n && d.stem {
                            w.starts_with(d.words[k].as_str())
                        } else {
                            *w == d.words[k]
                        }
                    })
                })
        })
}

fn render_actual(v: &[Actual]) -> String {
    if v.is_empty() {
        "(nothing)".into()
    } else {
        v.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Codes one record's text with `coder` and returns the codings.
pub fn code_record(coder: &Coder, r: &Record, cfg: &RunConfig) -> (Vec<Actual>, bool) {
    // PETRARCH test texts join name parts with `_` ("Dol_Amroth"), as its
    // dictionaries do
    let text = remove_comma_clauses(&r.text.replace('_', " "), &cfg.commas);
    let doc = Document {
        id: r.id.clone(),
        date: r
            .date
            .unwrap_or_else(|| NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default()),
        text,
        title: None,
    };
    let coded = coder.code(&doc);
    let mut v: Vec<Actual> = coded
        .events
        .iter()
        .map(|e| Actual {
            source: e.source.code.clone(),
            target: e
                .target
                .as_ref()
                .map(|t| t.code.clone())
                .unwrap_or_else(|| "---".into()),
            event: e.cameo.clone(),
        })
        .collect();
    v.sort();
    v.dedup();
    (v, coded.discarded.is_some())
}

/// Runs every record of `suite`. `coder.options` is replaced per record by
/// `base` with the `<Config>` lines in force applied.
pub fn run_suite(suite: &Suite, coder: &mut Coder, base: &Options) -> Report {
    let mut report = Report::default();
    let include = &suite.environment.include;
    let exclude = &suite.environment.exclude;
    let mut warned = std::collections::HashSet::new();
    for r in &suite.records {
        let mut cfg = RunConfig::default();
        for c in &r.config {
            if let Some(w) = cfg.apply(c) {
                if warned.insert(w.clone()) {
                    report.warnings.push(w);
                }
            }
        }
        let expected_s = match &r.expected {
            Expected::Codings(c) if c.is_empty() => "(nothing)".to_string(),
            Expected::Codings(c) => c.iter().map(show_coding).collect::<Vec<_>>().join(", "),
            Expected::NoEvents => "no events".into(),
            Expected::Error(e) => format!("error {e}"),
        };
        let runs =
            (include.is_empty() || include.contains(&r.category)) && !exclude.contains(&r.category);
        if !runs {
            report.outcomes.push(Outcome {
                id: r.id.clone(),
                category: r.category.clone(),
                status: Status::Skipped,
                expected: expected_s,
                actual: "(not run)".into(),
                codings: Vec::new(),
            });
            continue;
        }
        coder.options = cfg.options(base);
        let (actual, story_discarded) = code_record(coder, r, &cfg);
        let (ok, actual_s) = match &r.expected {
            Expected::Codings(exp) => {
                let ok = exp
                    .iter()
                    .all(|e| actual.iter().any(|a| coding_matches(e, a)))
                    && actual
                        .iter()
                        .all(|a| exp.iter().any(|e| coding_matches(e, a)));
                (ok, render_actual(&actual))
            }
            Expected::NoEvents => (actual.is_empty(), render_actual(&actual)),
            Expected::Error(kind) => {
                let (hit, what) = match kind.as_str() {
                    "storydiscard" => (story_discarded, "story discarded"),
                    "sentencediscard" => (has_discard(coder, &r.text, false), "sentence discarded"),
                    "dateline" => (has_dateline(&r.text), "dateline found"),
                    "bad_input_parse" => (
                        !r.parse.as_deref().is_some_and(parse_is_balanced),
                        "malformed <Parse> tree",
                    ),
                    _ => (false, "unknown error kind"),
                };
                let s = if hit {
                    format!("error: {what}")
                } else {
                    format!("accepted: {}", render_actual(&actual))
                };
                (hit, s)
            }
        };
        report.outcomes.push(Outcome {
            id: r.id.clone(),
            category: r.category.clone(),
            status: if ok { Status::Pass } else { Status::Fail },
            expected: expected_s,
            actual: actual_s,
            codings: actual,
        });
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_and_parse_check() {
        let a = Actual {
            source: "ARN".into(),
            target: "---".into(),
            event: "023".into(),
        };
        let mut e = Coding {
            source: Some("ARN".into()),
            target: None,
            event: Some("023".into()),
        };
        assert!(coding_matches(&e, &a));
        e.target = Some("---".into());
        assert!(coding_matches(&e, &a));
        e.event = Some("024".into());
        assert!(!coding_matches(&e, &a));
        assert!(parse_is_balanced("(ROOT (S (NP x)) )"));
        assert!(!parse_is_balanced("(ROOT (S (NP x) )"));
        assert!(!parse_is_balanced("(ROOT (S)) ) ("));
        assert!(!parse_is_balanced(""));
    }

    #[test]
    fn config_lines() {
        let mut c = RunConfig::default();
        let line = |o: &str, v: &str| ConfigLine {
            option: o.into(),
            value: v.into(),
            line: 1,
        };
        assert!(c.apply(&line("require_dyad", "FALSE")).is_none());
        assert!(!c.require_dyad);
        assert!(c.apply(&line("comma_emax", "0")).is_none());
        assert_eq!(c.commas.emax, 0);
        assert!(c.apply(&line("comma_emax", "x")).is_some());
        assert!(c.apply(&line("frobnicate", "1")).is_some());
    }
}
