//! Reader for dyad's own plain-text lexicon format (`lexicon/FORMAT.md`).
//!
//! Every reader appends to a [`Lexicon`] and reports unreadable lines as
//! [`Diagnostic`]s; none of them aborts on bad input.

use super::model::*;
use crate::text::tokenize;
use chrono::NaiveDate;
use std::sync::Arc;

/// Removes a `#` comment (at line start or after whitespace).
pub fn strip_comment(line: &str) -> &str {
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'#' && (i == 0 || bytes[i - 1].is_ascii_whitespace()) {
            return &line[..i];
        }
    }
    line
}

/// Splits a phrase into tokens with the text tokenizer.
pub fn phrase_words(text: &str) -> Vec<String> {
    tokenize(text)
        .iter()
        .map(|t| t.text(text).to_string())
        .collect()
}

/// Parses an actor phrase with its case rule (`=` prefix: exact case).
pub fn parse_actor_phrase(raw: &str) -> Option<Phrase> {
    let raw = raw.trim();
    let (case, body) = if let Some(rest) = raw.strip_prefix('=') {
        (CaseRule::Exact, rest.trim())
    } else if raw.starts_with(|c: char| c.is_uppercase()) {
        (CaseRule::Capitalized, raw)
    } else {
        (CaseRule::Any, raw)
    };
    let words = phrase_words(body);
    (!words.is_empty()).then_some(Phrase { words, case })
}

/// Regular English plural of a word (`-s`, `-es`, consonant+`y` → `-ies`).
pub fn regular_plural(word: &str) -> String {
    let lower = word.to_lowercase();
    let ends = |s: &str| lower.ends_with(s);
    if ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh") {
        format!("{word}es")
    } else if ends("y") && !(ends("ay") || ends("ey") || ends("oy") || ends("uy")) {
        format!("{}ies", &word[..word.len() - 1])
    } else {
        format!("{word}s")
    }
}

/// Parses a `YYYY-MM-DD` date.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

fn origin(file: &Arc<str>, line: usize) -> Origin {
    Origin {
        file: file.clone(),
        line: line as u32 + 1,
    }
}

fn diag(out: &mut Vec<Diagnostic>, file: &Arc<str>, line: usize, message: impl Into<String>) {
    out.push(Diagnostic {
        origin: origin(file, line),
        message: message.into(),
    });
}

fn valid_actor_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 30
        && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// Reads an actor file (`CODE Phrase | Phrase`, indented dated codes).
pub fn parse_actors(file: &str, text: &str, lex: &mut Lexicon, diags: &mut Vec<Diagnostic>) {
    let file: Arc<str> = file.into();
    let mut current: Option<usize> = None;
    for (n, raw) in text.lines().enumerate() {
        let line = strip_comment(raw);
        if line.trim().is_empty() {
            continue;
        }
        if line.starts_with([' ', '\t']) {
            // dated code for the entry above
            let Some(idx) = current else {
                diag(diags, &file, n, "dated code with no actor entry above it");
                continue;
            };
            let mut parts = line.split_whitespace();
            let (Some(code), Some(range), None) = (parts.next(), parts.next(), parts.next()) else {
                diag(diags, &file, n, "expected `CODE FROM..TO`");
                continue;
            };
            let Some((from, to)) = range.split_once("..") else {
                diag(diags, &file, n, format!("bad date range `{range}`"));
                continue;
            };
            let from_d = if from.is_empty() {
                None
            } else {
                parse_date(from)
            };
            let to_d = if to.is_empty() { None } else { parse_date(to) };
            if (!from.is_empty() && from_d.is_none()) || (!to.is_empty() && to_d.is_none()) {
                diag(
                    diags,
                    &file,
                    n,
                    format!("bad date in `{range}` (want YYYY-MM-DD)"),
                );
                continue;
            }
            if !valid_actor_code(code) {
                diag(diags, &file, n, format!("bad actor code `{code}`"));
                continue;
            }
            lex.actors[idx].dated.push(DatedCode {
                code: code.to_string(),
                from: from_d,
                to: to_d,
                origin: origin(&file, n),
            });
            continue;
        }
        current = None;
        let line = line.trim();
        let (code, rest) = match line.split_once(char::is_whitespace) {
            Some((c, r)) => (c, r),
            None => {
                diag(diags, &file, n, "expected `CODE Phrase | Phrase`");
                continue;
            }
        };
        let default = if code == "-" {
            None
        } else if valid_actor_code(code) {
            Some(code.to_string())
        } else {
            diag(diags, &file, n, format!("bad actor code `{code}`"));
            continue;
        };
        let phrases: Vec<Phrase> = rest.split('|').filter_map(parse_actor_phrase).collect();
        if phrases.is_empty() {
            diag(diags, &file, n, "actor entry without phrases");
            continue;
        }
        let name = rest
            .split('|')
            .next()
            .unwrap_or("")
            .trim()
            .trim_start_matches('=')
            .to_string();
        lex.actors.push(ActorEntry {
            name,
            phrases,
            default,
            dated: Vec::new(),
            origin: origin(&file, n),
        });
        current = Some(lex.actors.len() - 1);
    }
}

/// Parses an agent code: `~GOV`, `GOV~`, or bare `GOV` (suffix).
pub fn parse_agent_code(code: &str) -> Option<(String, Placement)> {
    let (c, p) = if let Some(c) = code.strip_prefix('~') {
        (c, Placement::Suffix)
    } else if let Some(c) = code.strip_suffix('~') {
        (c, Placement::Prefix)
    } else {
        (code, Placement::Suffix)
    };
    (!c.is_empty() && c.chars().all(|ch| ch.is_ascii_alphanumeric())).then(|| (c.to_uppercase(), p))
}

/// Reads an agent file (`~CODE phrase | phrase {plurals} | phrase {}`).
pub fn parse_agents(file: &str, text: &str, lex: &mut Lexicon, diags: &mut Vec<Diagnostic>) {
    let file: Arc<str> = file.into();
    for (n, raw) in text.lines().enumerate() {
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        let Some((code, rest)) = line.split_once(char::is_whitespace) else {
            diag(diags, &file, n, "expected `~CODE phrase | phrase`");
            continue;
        };
        let Some((code, placement)) = parse_agent_code(code) else {
            diag(diags, &file, n, format!("bad agent code `{code}`"));
            continue;
        };
        let mut phrases = Vec::new();
        for part in rest.split('|') {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            let (base, plurals) = match part.find('{') {
                Some(b) => {
                    let Some(e) = part[b..].find('}') else {
                        diag(diags, &file, n, format!("unclosed `{{` in `{part}`"));
                        continue;
                    };
                    (part[..b].trim(), Some(part[b + 1..b + e].trim()))
                }
                None => (part, None),
            };
            let words = phrase_words(&base.to_lowercase());
            if words.is_empty() {
                continue;
            }
            match plurals {
                None => {
                    let mut pl = words.clone();
                    if let Some(last) = pl.last_mut() {
                        *last = regular_plural(last);
                    }
                    phrases.push(Phrase {
                        words: pl,
                        case: CaseRule::Any,
                    });
                }
                Some(list) => {
                    for p in list.split_whitespace() {
                        let p = p.replace('_', " ").to_lowercase();
                        let pw = phrase_words(&p);
                        if pw.len() == 1 && words.len() > 1 {
                            let mut full = words.clone();
                            if let Some(last) = full.last_mut() {
                                *last = pw[0].clone();
                            }
                            phrases.push(Phrase {
                                words: full,
                                case: CaseRule::Any,
                            });
                        } else if !pw.is_empty() {
                            phrases.push(Phrase {
                                words: pw,
                                case: CaseRule::Any,
                            });
                        }
                    }
                }
            }
            phrases.push(Phrase {
                words,
                case: CaseRule::Any,
            });
        }
        if phrases.is_empty() {
            diag(diags, &file, n, "agent entry without phrases");
            continue;
        }
        lex.agents.push(AgentEntry {
            code,
            placement,
            phrases,
            origin: origin(&file, n),
        });
    }
}

/// Parses an event code: `042`, `040:040`, `---`.
pub fn parse_event_code(s: &str) -> Option<EventCode> {
    let ok = |c: &str| {
        (2..=4).contains(&c.len())
            && c.starts_with(|ch: char| ch.is_ascii_digit())
            && c.chars().all(|ch| ch.is_ascii_alphanumeric())
    };
    if s == "---" {
        return Some(EventCode::Null);
    }
    if let Some((a, b)) = s.split_once(':') {
        return (ok(a) && ok(b)).then(|| EventCode::Paired(a.to_string(), b.to_string()));
    }
    ok(s).then(|| EventCode::Code(s.to_string()))
}

/// Parses one pattern element of dyad's format.
fn parse_elem(tok: &str) -> Option<PatElem> {
    Some(match tok {
        "+" => PatElem::Target,
        "$" => PatElem::Source,
        "%" => PatElem::Compound,
        "^" => PatElem::SkipNp,
        ".." => PatElem::Gap(6),
        t if t.starts_with('&') && t.len() > 1 => PatElem::Synset(t[1..].to_uppercase()),
        t if t.ends_with('_') && t.len() > 1 => {
            PatElem::Exact(t.trim_end_matches('_').to_lowercase())
        }
        t if t.chars().any(|c| c.is_alphanumeric()) => PatElem::Word(t.to_lowercase()),
        _ => return None,
    })
}

/// Reads a verb-pattern file (`CODE PATTERN`).
pub fn parse_patterns(file: &str, text: &str, lex: &mut Lexicon, diags: &mut Vec<Diagnostic>) {
    let file: Arc<str> = file.into();
    for (n, raw) in text.lines().enumerate() {
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        let (code_s, body) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let Some(code) = parse_event_code(code_s) else {
            diag(diags, &file, n, format!("bad event code `{code_s}`"));
            continue;
        };
        if !body.contains(['{', '}']) {
            push_pattern(lex, diags, &file, n, code, body);
            continue;
        }
        let segments = match alternation_segments(body) {
            Ok(v) => v,
            Err(e) => {
                diag(diags, &file, n, e);
                continue;
            }
        };
        // every combination, in order: an odometer over the groups
        let mut pick = vec![0usize; segments.len()];
        loop {
            let elems: Vec<PatElem> = segments
                .iter()
                .zip(&pick)
                .flat_map(|(seg, &i)| seg[i].iter().cloned())
                .collect();
            push_elems(lex, diags, &file, n, code.clone(), elems);
            let mut k = segments.len();
            loop {
                if k == 0 {
                    break;
                }
                k -= 1;
                pick[k] += 1;
                if pick[k] < segments[k].len() {
                    break;
                }
                pick[k] = 0;
            }
            if pick.iter().all(|&i| i == 0) {
                break;
            }
        }
    }
}

/// At most this many patterns from one line with `{a|b}` alternations.
pub const MAX_ALTERNATIVES: usize = 512;

/// Splits a pattern body with `{a|b|c}` groups into segments: each segment
/// lists its alternatives (a fixed word is a segment of one), each
/// alternative its elements; an alternative may be empty (`{|fresh}`).
fn alternation_segments(body: &str) -> Result<Vec<Vec<Vec<PatElem>>>, String> {
    let elems = |text: &str| -> Result<Vec<PatElem>, String> {
        text.split_whitespace()
            .map(|t| parse_elem(t).ok_or_else(|| format!("bad pattern element `{t}`")))
            .collect()
    };
    let mut segments = Vec::new();
    let mut combos = 1usize;
    let mut rest = body;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            return Err("unclosed `{` in pattern".into());
        };
        let inner = &rest[open + 1..close];
        if inner.contains('{') {
            return Err("nested `{` in pattern".into());
        }
        let fixed = &rest[..open];
        if fixed.contains('}') {
            return Err("`}` without `{` in pattern".into());
        }
        for e in elems(fixed)? {
            segments.push(vec![vec![e]]);
        }
        let alts = inner.split('|').map(elems).collect::<Result<Vec<_>, _>>()?;
        combos = combos.saturating_mul(alts.len());
        if combos > MAX_ALTERNATIVES {
            return Err(format!(
                "more than {MAX_ALTERNATIVES} patterns from one line's alternations"
            ));
        }
        segments.push(alts);
        rest = &rest[close + 1..];
    }
    if rest.contains('}') {
        return Err("`}` without `{` in pattern".into());
    }
    for e in elems(rest)? {
        segments.push(vec![vec![e]]);
    }
    Ok(segments)
}

/// Parses one pattern body (no alternations) and adds it to the lexicon.
fn push_pattern(
    lex: &mut Lexicon,
    diags: &mut Vec<Diagnostic>,
    file: &Arc<str>,
    n: usize,
    code: EventCode,
    body: &str,
) {
    let mut elems = Vec::new();
    for t in body.split_whitespace() {
        match parse_elem(t) {
            Some(e) => elems.push(e),
            None => {
                diag(diags, file, n, format!("bad pattern element `{t}`"));
                return;
            }
        }
    }
    push_elems(lex, diags, file, n, code, elems);
}

/// Adds a pattern from its elements; its first literal word is the head.
fn push_elems(
    lex: &mut Lexicon,
    diags: &mut Vec<Diagnostic>,
    file: &Arc<str>,
    n: usize,
    code: EventCode,
    mut elems: Vec<PatElem>,
) {
    let Some(hpos) = elems
        .iter()
        .position(|e| matches!(e, PatElem::Word(_) | PatElem::Exact(_) | PatElem::Synset(_)))
    else {
        diag(diags, file, n, "pattern without a word");
        return;
    };
    let after = elems.split_off(hpos + 1);
    let head = elems.pop().unwrap_or(PatElem::Gap(0));
    lex.patterns.push(Pattern {
        before: elems,
        head,
        after,
        code,
        origin: origin(file, n),
    });
}

/// Reads synsets (`&NAME = word | multi word | &OTHER`).
pub fn parse_synsets(file: &str, text: &str, lex: &mut Lexicon, diags: &mut Vec<Diagnostic>) {
    let file: Arc<str> = file.into();
    for (n, raw) in text.lines().enumerate() {
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        let Some((name, members)) = line.split_once('=') else {
            diag(diags, &file, n, "expected `&NAME = word | word`");
            continue;
        };
        let name = name.trim();
        let Some(name) = name.strip_prefix('&').filter(|s| !s.is_empty()) else {
            diag(
                diags,
                &file,
                n,
                format!("synset name `{name}` must start with &"),
            );
            continue;
        };
        let members: Vec<Vec<PatElem>> = members
            .split('|')
            .map(|m| {
                m.split_whitespace()
                    .filter_map(parse_elem)
                    .collect::<Vec<_>>()
            })
            .filter(|m| !m.is_empty())
            .collect();
        lex.synsets.push(Synset {
            name: name.to_uppercase(),
            members,
            origin: origin(&file, n),
        });
    }
}

/// Reads a discard file (`phrase`, `+story phrase`, `phrase_`).
pub fn parse_discards(file: &str, text: &str, lex: &mut Lexicon, _diags: &mut Vec<Diagnostic>) {
    let file: Arc<str> = file.into();
    for (n, raw) in text.lines().enumerate() {
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        let (story, body) = match line.strip_prefix('+') {
            Some(b) => (true, b.trim()),
            None => (false, line),
        };
        let (stem, body) = match body.strip_suffix('_') {
            Some(b) => (false, b),
            None => (true, body),
        };
        let words = phrase_words(&body.replace('_', " ").to_lowercase());
        if words.is_empty() {
            continue;
        }
        lex.discards.push(Discard {
            words,
            story,
            stem,
            origin: origin(&file, n),
        });
    }
}

/// Reads irregular inflections (`lemma form form …`, one lemma per line).
pub fn parse_inflections(text: &str, lex: &mut Lexicon) {
    for raw in text.lines() {
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        let mut words = line.split_whitespace().map(str::to_lowercase);
        let Some(lemma) = words.next() else { continue };
        // a lemma alone declares a verb whose past forms equal its base (cut, hit)
        for f in words {
            lex.inflections.push((f, lemma.clone()));
        }
    }
}

/// Reads a word list (one word per line), e.g. light verbs.
pub fn parse_word_list(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| strip_comment(l).trim().to_lowercase())
        .filter(|l| !l.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternations_expand_in_order_with_optional_parts() {
        let mut lex = Lexicon::default();
        let mut d = Vec::new();
        parse_patterns(
            "verbs/x.txt",
            "063  {hand over|extradite} .. {|alleged} suspect to +\n",
            &mut lex,
            &mut d,
        );
        assert!(d.is_empty(), "{d:?}");
        let shown: Vec<String> = lex
            .patterns
            .iter()
            .map(|p| {
                let mut v: Vec<String> = p.before.iter().map(|e| format!("{e:?}")).collect();
                v.push(format!("{:?}", p.head));
                v.extend(p.after.iter().map(|e| format!("{e:?}")));
                v.join(" ")
            })
            .collect();
        let word = |w: &str| format!("Word({w:?})");
        assert_eq!(shown.len(), 4);
        assert!(shown[0].starts_with(&format!("{} {}", word("hand"), word("over"))));
        assert!(!shown[0].contains("alleged") && shown[1].contains("alleged"));
        assert!(shown[2].starts_with(&word("extradite")) && shown[3].contains("alleged"));
        for bad in ["meet {with +", "meet with} +", "{a|{b}|c}", "{a|b} = {c|d}"] {
            assert!(alternation_segments(bad).is_err(), "{bad}");
        }
        let huge = "{a|b|c|d|e|f|g|h} ".repeat(4);
        assert!(alternation_segments(&huge).is_err());
    }

    #[test]
    fn an_alternation_line_gives_one_pattern_per_variant_at_its_line() {
        let mut lex = Lexicon::default();
        let mut d = Vec::new();
        parse_patterns(
            "verbs/x.txt",
            "# c\n063  {hand over|extradite} .. suspect to +\n040 meet {with +\n",
            &mut lex,
            &mut d,
        );
        assert_eq!(lex.patterns.len(), 2);
        assert!(lex.patterns.iter().all(|p| p.origin.line == 2));
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].origin.line, 3);
    }

    #[test]
    fn reads_actors_with_dates() {
        let mut lex = Lexicon::default();
        let mut d = Vec::new();
        parse_actors(
            "a.txt",
            "# c\nUSA  Joe Biden | Biden  # x\n    USAGOV 2021-01-20..2025-01-20\n=US x\n-  =US\n",
            &mut lex,
            &mut d,
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(lex.actors.len(), 2);
        let a = &lex.actors[0];
        assert_eq!(a.name, "Joe Biden");
        assert_eq!(a.phrases[1].case, CaseRule::Capitalized);
        assert_eq!(a.code_on(parse_date("2022-01-01").unwrap()), Some("USAGOV"));
        assert_eq!(a.code_on(parse_date("2026-01-01").unwrap()), Some("USA"));
        assert_eq!(lex.actors[1].default, None);
        assert_eq!(lex.actors[1].phrases[0].case, CaseRule::Exact);
    }

    #[test]
    fn reads_agents_with_plurals() {
        let mut lex = Lexicon::default();
        let mut d = Vec::new();
        parse_agents(
            "g.txt",
            "~GOV  spokesman {spokesmen} | foreign ministry | police {}\nNGO~ aid group\n",
            &mut lex,
            &mut d,
        );
        assert!(d.is_empty());
        let words: Vec<String> = lex.agents[0]
            .phrases
            .iter()
            .map(|p| p.words.join(" "))
            .collect();
        assert_eq!(
            words,
            vec![
                "spokesmen",
                "spokesman",
                "foreign ministries",
                "foreign ministry",
                "police"
            ]
        );
        assert_eq!(lex.agents[1].placement, Placement::Prefix);
    }

    #[test]
    fn reads_patterns() {
        let mut lex = Lexicon::default();
        let mut d = Vec::new();
        parse_patterns(
            "v.txt",
            "040:040 hold .. talk with +\n195 air_ strike on +\nxx bad\n--- heart attack\n",
            &mut lex,
            &mut d,
        );
        assert_eq!(d.len(), 1);
        let p = &lex.patterns[0];
        assert_eq!(p.head, PatElem::Word("hold".into()));
        assert_eq!(
            p.after,
            vec![
                PatElem::Gap(6),
                PatElem::Word("talk".into()),
                PatElem::Word("with".into()),
                PatElem::Target
            ]
        );
        assert_eq!(p.code, EventCode::Paired("040".into(), "040".into()));
        assert_eq!(lex.patterns[1].head, PatElem::Exact("air".into()));
        assert_eq!(lex.patterns[2].code, EventCode::Null);
    }

    #[test]
    fn plurals() {
        assert_eq!(regular_plural("ministry"), "ministries");
        assert_eq!(regular_plural("boss"), "bosses");
        assert_eq!(regular_plural("envoy"), "envoys");
    }
}
