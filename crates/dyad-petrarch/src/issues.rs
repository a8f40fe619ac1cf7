//! The PETRARCH issues list: `PHRASE [CODE]` lines whose phrases are
//! matched in a sentence to tag it with issue codes.
//!
//! Expansions in front of a word (PETRARCH's): `n:` adds the noun's regular
//! plural, `v:` the regular verb forms (`-S`, `-ED`, `-ING`), `+` the forms
//! with a space and with a hyphen between this word and the next.
//! dyad's event records have no issue field yet, so issues are read,
//! checked and counted, and can be matched with [`Issue::matches`].

use crate::common::{brackets, content_lines, plural, word_tokens, Diags};
use dyad_core::lexicon::{Diagnostic, Origin};
use std::sync::Arc;

/// One issue entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// Issue code.
    pub code: String,
    /// Phrases (lower-case tokens) that signal it.
    pub phrases: Vec<Vec<String>>,
    /// Where it was written.
    pub origin: Origin,
}

impl Issue {
    /// Whether any phrase occurs in `tokens` (lower case).
    pub fn matches(&self, tokens: &[String]) -> bool {
        self.phrases
            .iter()
            .any(|p| !p.is_empty() && tokens.windows(p.len()).any(|w| w == p.as_slice()))
    }
}

fn verb_forms(w: &str) -> Vec<String> {
    let stem = w.strip_suffix('e').unwrap_or(w);
    vec![
        w.to_string(),
        plural(w),
        format!("{stem}ed"),
        format!("{stem}ing"),
    ]
}

/// Reads an issues file.
pub fn read_issues(file: &str, text: &str, out: &mut Vec<Issue>, diags: &mut Vec<Diagnostic>) {
    let mut d = Diags {
        file: Arc::from(file),
        out: diags,
    };
    for line in content_lines(text) {
        let n = line.number;
        let t = line.text.trim();
        if t.starts_with('<') {
            continue; // section markers (<ISSUE ...>, <discard>)
        }
        let (outside, groups) = brackets(t);
        let code = match groups.first() {
            Some(c) if crate::common::is_code(c) => c.clone(),
            _ => {
                d.at(n, format!("issue without a code: `{t}`"));
                continue;
            }
        };
        // variants: each word contributes one or more alternatives
        let mut variants: Vec<Vec<String>> = vec![Vec::new()];
        let words: Vec<&str> = outside
            .split(|c: char| c == '_' || c.is_whitespace())
            .filter(|w| !w.is_empty())
            .collect();
        let mut ok = true;
        let mut join_next = false;
        for w in words {
            let (alts, hyphen): (Vec<String>, bool) = if let Some(x) = w.strip_prefix("n:") {
                let x = x.to_lowercase();
                (vec![x.clone(), plural(&x)], false)
            } else if let Some(x) = w.strip_prefix("v:") {
                (verb_forms(&x.to_lowercase()), false)
            } else if let Some(x) = w.strip_prefix('+') {
                (vec![x.to_lowercase()], true)
            } else {
                (vec![w.to_lowercase()], false)
            };
            if alts.iter().any(|a| word_tokens(a).is_empty()) {
                ok = false;
                break;
            }
            let mut next = Vec::new();
            for v in &variants {
                for a in &alts {
                    let mut x = v.clone();
                    if join_next {
                        // hyphenated version of the previous word and this one
                        let mut h = v.clone();
                        if let Some(last) = h.last_mut() {
                            last.push('-');
                            last.push_str(a);
                        }
                        next.push(h);
                    }
                    x.extend(word_tokens(a));
                    next.push(x);
                }
            }
            variants = next;
            join_next = hyphen;
        }
        variants.retain(|v| !v.is_empty());
        if !ok || variants.is_empty() {
            d.at(n, format!("cannot read issue phrase `{}`", outside.trim()));
            continue;
        }
        match out.iter_mut().find(|i| i.code == code) {
            Some(i) => i.phrases.extend(variants),
            None => out.push(Issue {
                code,
                phrases: variants,
                origin: d.origin(n),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issues_and_expansions() {
        let mut out = Vec::new();
        let mut diags = Vec::new();
        read_issues(
            "i.txt",
            "<ISSUE>\nn:REFUGEE [REFUGEES]\nv:SMUGGLE ARMS [ARMS]\n+CEASE FIRE [PEACE]\nnothing here\n",
            &mut out,
            &mut diags,
        );
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(out.len(), 3);
        let toks = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
        assert!(out[0].matches(&toks("the refugees fled")));
        assert!(out[1].matches(&toks("they smuggled arms")));
        assert!(out[2].matches(&toks("a cease-fire held")));
        assert!(out[2].matches(&toks("a cease fire held")));
        assert!(!out[2].matches(&toks("cease")));
    }
}
