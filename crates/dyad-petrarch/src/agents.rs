//! The TABARI/PETRARCH agent dictionary.
//!
//! ```text
//! !PERSON! = MAN, MEN, WOMAN, WOMEN
//! FOREIGN_MINISTER [~GOVFRM]          regular plural generated
//! POLICE {} [~COP]                    no plural
//! ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]   irregular plural(s)
//! AID_AGENCY [NGO~]                   prefix: NGO + actor code
//! CONGRESS!PERSON! [~LEG]             one entry per member of !PERSON!
//! ```

use crate::common::{brackets, content_lines, cut_outside_brackets, phrase_words, plural, Diags};
use dyad_core::lexicon::{AgentEntry, CaseRule, Diagnostic, Lexicon, Phrase, Placement};
use std::collections::HashMap;
use std::sync::Arc;

/// Expands `!NAME!` markers in `phrase` with every member of each set.
fn expand(phrase: &str, sets: &HashMap<String, Vec<String>>) -> Result<Vec<String>, String> {
    let Some(s) = phrase.find('!') else {
        return Ok(vec![phrase.to_string()]);
    };
    let Some(len) = phrase[s + 1..].find('!') else {
        return Err("unclosed `!` substitution marker".into());
    };
    let name = phrase[s + 1..s + 1 + len].to_uppercase();
    let Some(members) = sets.get(&name) else {
        return Err(format!("unknown substitution marker !{name}!"));
    };
    let tail = expand(&phrase[s + len + 2..], sets)?;
    let mut out = Vec::new();
    for m in members {
        for t in &tail {
            out.push(format!("{}{}{}", &phrase[..s], m, t));
        }
    }
    Ok(out)
}

/// Parses an agent code: `~GOV` (suffix), `NGO~` (prefix), `GOV` (suffix).
pub fn agent_code(g: &str) -> Option<(String, Placement)> {
    let g: String = g.chars().filter(|c| !c.is_whitespace()).collect();
    let ok = |c: &str| !c.is_empty() && c.chars().all(|x| x.is_ascii_alphanumeric());
    if let Some(c) = g.strip_prefix('~') {
        ok(c).then(|| (c.to_uppercase(), Placement::Suffix))
    } else if let Some(c) = g.strip_suffix('~') {
        ok(c).then(|| (c.to_uppercase(), Placement::Prefix))
    } else {
        ok(&g).then(|| (g.to_uppercase(), Placement::Suffix))
    }
}

/// Reads an agent dictionary into `lex.agents`.
pub fn read_agents(file: &str, text: &str, lex: &mut Lexicon, diags: &mut Vec<Diagnostic>) {
    let mut d = Diags {
        file: Arc::from(file),
        out: diags,
    };
    let mut sets: HashMap<String, Vec<String>> = HashMap::new();
    for line in content_lines(text) {
        let n = line.number;
        let t = cut_outside_brackets(&line.text, ';').trim();
        if t.is_empty() {
            continue;
        }
        // substitution set: !NAME! = A, B, C
        if t.starts_with('!') && t.contains('=') {
            let (l, r) = t.split_once('=').unwrap_or((t, ""));
            let name = l.trim().trim_matches('!').trim().to_uppercase();
            let members: Vec<String> = r
                .split(',')
                .map(|m| m.trim().to_string())
                .filter(|m| !m.is_empty())
                .collect();
            if name.is_empty() || members.is_empty() {
                d.at(n, format!("cannot read substitution set `{t}`"));
            } else {
                sets.insert(name, members);
            }
            continue;
        }
        let (outside, groups) = brackets(t);
        let Some(g) = groups.first() else {
            d.at(n, format!("agent without a code: `{t}`"));
            continue;
        };
        let Some((code, placement)) = agent_code(g) else {
            d.at(n, format!("bad agent code `[{g}]`"));
            continue;
        };
        // plurals in braces
        let (phrase, plurals) = match (outside.find('{'), outside.find('}')) {
            (Some(a), Some(b)) if a < b => (
                format!("{} {}", &outside[..a], &outside[b + 1..]),
                Some(outside[a + 1..b].to_string()),
            ),
            (None, None) => (outside.clone(), None),
            _ => {
                d.at(n, "unbalanced `{` `}`");
                continue;
            }
        };
        let phrase = phrase.trim();
        if phrase.is_empty() {
            d.at(n, format!("agent without a phrase: `{t}`"));
            continue;
        }
        let expanded = match expand(phrase, &sets) {
            Ok(e) => e,
            Err(e) => {
                d.at(n, e);
                continue;
            }
        };
        let mut phrases: Vec<Phrase> = Vec::new();
        let mut add = |words: Vec<String>| {
            if !words.is_empty() && !phrases.iter().any(|p| p.words == words) {
                phrases.push(Phrase {
                    words,
                    case: CaseRule::Any,
                });
            }
        };
        for e in &expanded {
            let words = phrase_words(e);
            add(words.clone());
            match &plurals {
                None => {
                    if let Some(last) = words.last() {
                        if last.chars().any(char::is_alphabetic) {
                            let mut p = words.clone();
                            let l = p.len() - 1;
                            p[l] = plural(last);
                            add(p);
                        }
                    }
                }
                Some(list) => {
                    for form in list.split_whitespace() {
                        match expand(form, &sets) {
                            Ok(fs) => fs.iter().for_each(|f| add(phrase_words(f))),
                            Err(e) => d.at(n, e),
                        }
                    }
                }
            }
        }
        if phrases.is_empty() {
            d.at(n, format!("cannot read agent `{t}`"));
            continue;
        }
        lex.agents.push(AgentEntry {
            code,
            placement,
            phrases,
            origin: d.origin(n),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(a: &AgentEntry) -> Vec<String> {
        a.phrases.iter().map(|p| p.words.join(" ")).collect()
    }

    #[test]
    fn agents_plurals_and_markers() {
        let text = "!KIN! = SON, DAUGHTER\nSPY [~SPY]\nPOLICE {} [ ~COP]\nCHIEF_OF_STAFF {CHIEFS_OF_STAFF} [~MIL]\nGOD!KIN! [REL~]\nAID_GROUP [NGO~] ; note\n";
        let mut lex = Lexicon::default();
        let mut diags = Vec::new();
        read_agents("g.txt", text, &mut lex, &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(words(&lex.agents[0]), ["SPY", "SPIES"]);
        assert_eq!(words(&lex.agents[1]), ["POLICE"]);
        assert_eq!(words(&lex.agents[2]), ["CHIEF OF STAFF", "CHIEFS OF STAFF"]);
        assert_eq!(
            words(&lex.agents[3]),
            ["GODSON", "GODSONS", "GODDAUGHTER", "GODDAUGHTERS"]
        );
        assert_eq!(lex.agents[3].placement, Placement::Prefix);
        assert_eq!(lex.agents[4].code, "NGO");
    }

    #[test]
    fn bad_lines_are_diagnostics() {
        let text = "NOCODE\nX [~]\nY!NONE! [~GOV]\n{A} [~GOV]\n!BAD! =\nZ {A [~GOV]\n";
        let mut lex = Lexicon::default();
        let mut diags = Vec::new();
        read_agents("g.txt", text, &mut lex, &mut diags);
        assert_eq!(diags.len(), 6, "{diags:?}");
        assert!(lex.agents.is_empty());
    }
}
