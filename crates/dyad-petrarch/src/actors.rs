//! The TABARI/PETRARCH actor dictionary.
//!
//! ```text
//! PRIMARY_PHRASE  [CODE]        ; note
//! +SYNONYM_PHRASE
//! <TAB>[CODE1 19970101-20051231]
//! <TAB>[CODE2 >20060101]
//! <TAB>[CODE3 <961231]
//! <TAB>[CODE4]                   # a bare code: the default
//! ```
//!
//! Phrases match whole words, case-insensitively (`_` and spaces both join
//! adjacent words; a trailing `_` — "do not stem" — changes nothing since
//! dyad matches actor words exactly). `[---]` as the default means the phrase
//! is recognised but codes nothing; a dated `[--- …]` range codes nothing in
//! that range. `[A/B/C]` gives several codes (the phrase names each actor).

use crate::common::{
    brackets, content_lines, cut_outside_brackets, parse_date, phrase_words, Diags,
};
use dyad_core::lexicon::{ActorEntry, CaseRule, DatedCode, Diagnostic, Lexicon, Phrase};
use std::sync::Arc;

/// Whether `s` is an actor code: letters and digits (`USAGOV`, `G77`),
/// `---`, symbol-only TABARI codes (`+++`, `###`), or several of these
/// separated by `/`.
pub fn is_actor_code(s: &str) -> bool {
    !s.is_empty()
        && s.split('/').all(|p| {
            !p.is_empty()
                && p.len() <= 40
                && (p.chars().all(|c| c.is_ascii_alphanumeric())
                    || p.chars().all(|c| matches!(c, '-' | '+' | '#' | '*')))
        })
}

/// Reads an actor dictionary into `lex.actors`; three-letter codes are added
/// to `lex.countries`.
pub fn read_actors(file: &str, text: &str, lex: &mut Lexicon, diags: &mut Vec<Diagnostic>) {
    let mut d = Diags {
        file: Arc::from(file),
        out: diags,
    };
    let mut cur: Option<ActorEntry> = None;
    for line in content_lines(text) {
        let n = line.number;
        let t = cut_outside_brackets(&line.text, ';').trim();
        if t.is_empty() {
            continue;
        }
        if t.starts_with('[') {
            let (outside, groups) = brackets(t);
            if !outside.trim().is_empty() {
                d.at(
                    n,
                    format!("text after a code restriction: `{}`", outside.trim()),
                );
            }
            match cur.as_mut() {
                Some(a) => {
                    for g in groups {
                        restriction(&g, a, n, &mut d);
                    }
                }
                None => d.at(n, "code restriction before any actor"),
            }
        } else if let Some(rest) = t.strip_prefix('+') {
            let (outside, groups) = brackets(rest);
            let words = phrase_words(outside.trim());
            match cur.as_mut() {
                Some(a) if !words.is_empty() => {
                    a.phrases.push(Phrase {
                        words,
                        case: CaseRule::Any,
                    });
                    for g in groups {
                        restriction(&g, a, n, &mut d);
                    }
                }
                Some(_) => d.at(n, "empty synonym"),
                None => d.at(n, "synonym before any actor"),
            }
        } else {
            finish(cur.take(), lex, &mut d);
            let (outside, groups) = brackets(t);
            let words = phrase_words(outside.trim());
            if words.is_empty() {
                d.at(n, format!("cannot read actor line `{t}`"));
                continue;
            }
            let mut a = ActorEntry {
                name: words.join(" "),
                phrases: vec![Phrase {
                    words,
                    case: CaseRule::Any,
                }],
                default: None,
                dated: Vec::new(),
                origin: d.origin(n),
            };
            for g in groups {
                restriction(&g, &mut a, n, &mut d);
            }
            cur = Some(a);
        }
    }
    finish(cur.take(), lex, &mut d);
}

fn finish(a: Option<ActorEntry>, lex: &mut Lexicon, _d: &mut Diags) {
    let Some(a) = a else { return };
    // note: an actor without any code stays: it is recognised and codes nothing
    for code in a.default.iter().chain(a.dated.iter().map(|x| &x.code)) {
        for part in code.split('/') {
            if part.len() == 3
                && part.chars().all(|c| c.is_ascii_uppercase())
                && !lex.countries.iter().any(|c| c == part)
            {
                lex.countries.push(part.to_string());
            }
        }
    }
    lex.actors.push(a);
}

/// Applies one bracket group (`CODE`, `CODE <DATE`, `CODE >DATE`,
/// `CODE DATE-DATE`) to an actor.
fn restriction(g: &str, a: &mut ActorEntry, n: u32, d: &mut Diags) {
    let g = g.trim();
    let mut parts = g.splitn(2, char::is_whitespace);
    let code = parts.next().unwrap_or("").to_uppercase();
    let rest: String = parts
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if !is_actor_code(&code) {
        d.at(n, format!("bad actor code `[{g}]`"));
        return;
    }
    if rest.is_empty() {
        if code == "---" {
            a.default = None;
            return;
        }
        if let Some(prev) = &a.default {
            if *prev != code {
                d.at(n, format!("second default code {code} replaces {prev}"));
            }
        }
        a.default = Some(code);
        return;
    }
    let (from, to) = if let Some(x) = rest.strip_prefix('<') {
        (None, parse_date(x.trim_start_matches('=')))
    } else if let Some(x) = rest.strip_prefix('>') {
        (parse_date(x.trim_start_matches('=')), None)
    } else if let Some((x, y)) = rest.split_once('-') {
        match (parse_date(x), parse_date(y)) {
            (Some(f), Some(t)) => (Some(f), Some(t)),
            _ => (None, None),
        }
    } else {
        (None, None)
    };
    if from.is_none() && to.is_none() {
        d.at(
            n,
            format!("cannot read date restriction `{rest}` in `[{g}]`"),
        );
        return;
    }
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            d.at(n, format!("date range ends before it starts in `[{g}]`"));
        }
    }
    a.dated.push(DatedCode {
        code,
        from,
        to,
        origin: d.origin(n),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn entries_synonyms_and_dates() {
        let text = "FOO_LAND [FOO] ; note\n+FOOISH\n+THE FOO_PEOPLE_\nKING_BOB # c\n\t[FOOGOV 19900101-19991231]\n\t[FOOELI >000101]\n\t[FOOREB < 891231]\n\t[FOO]\nGHOST [---]\nTWIN [AAA/BBB]\n";
        let mut lex = Lexicon::default();
        let mut diags = Vec::new();
        read_actors("a.txt", text, &mut lex, &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(lex.actors.len(), 4);
        let foo = &lex.actors[0];
        assert_eq!(foo.phrases.len(), 3);
        assert_eq!(foo.phrases[2].words, ["THE", "FOO", "PEOPLE"]);
        let bob = &lex.actors[1];
        assert_eq!(bob.code_on(day(1995, 5, 5)), Some("FOOGOV"));
        assert_eq!(bob.code_on(day(2001, 5, 5)), Some("FOOELI"));
        assert_eq!(bob.code_on(day(1989, 12, 31)), Some("FOOREB"));
        assert_eq!(bob.code_on(day(1999, 12, 31)), Some("FOOGOV"));
        assert_eq!(bob.code_on(day(1999, 12, 31)), Some("FOOGOV"));
        assert_eq!(bob.default.as_deref(), Some("FOO"));
        assert_eq!(lex.actors[2].default, None);
        assert_eq!(lex.actors[3].default.as_deref(), Some("AAA/BBB"));
        assert_eq!(lex.countries, ["FOO", "AAA", "BBB"]);
    }

    #[test]
    fn bad_lines_are_diagnostics() {
        let text = "[ABC]\n+ORPHAN\nX [AAA950601-990815]\nY\n\t[YYY 1990-2000]\n\t[950601-990815]\nZ [ZZZ] trailing\n[ZZZGOV <99999999]\n";
        let mut lex = Lexicon::default();
        let mut diags = Vec::new();
        read_actors("a.txt", text, &mut lex, &mut diags);
        assert_eq!(diags.len(), 6, "{diags:?}");
        assert_eq!(diags[0].origin.to_string(), "a.txt:1");
        assert_eq!(lex.actors.len(), 3);
    }
}
