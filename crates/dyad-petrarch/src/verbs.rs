//! The TABARI/PETRARCH verb dictionary: synsets, verb blocks, verbs with
//! irregular forms and multi-word verbs, patterns and transformations.
//!
//! Mapping onto dyad's model ([`Pattern`], [`Synset`], inflections):
//!
//! - A verb is a pattern head matched on its lemma (`Word`); the words of a
//!   multi-word verb around the `+`-marked (inflected) word are exact,
//!   adjacent words before/after the head. Irregular forms in braces become
//!   `Lexicon::inflections`; regular forms are left to dyad's lemmatiser.
//! - A verb block's patterns apply to every verb of the block. With one verb
//!   the patterns are written out for it; with several, the block's
//!   (single-headed) verbs become a synset `NAME@LINE` used as the head.
//! - Pattern words are matched exactly (PETRARCH does not stem them: `EFFORT`
//!   does not match "efforts"); synset members also match their regular
//!   plural unless the synset label or the member ends in `_`.
//! - A space between pattern tokens is a wide gap
//!   ([`dyad_core::lexicon::WIDE_GAP`]: any words up to sentence punctuation);
//!   `_` makes neighbours adjacent. Inside PETRARCH2 `{...}` and `(...)` groups
//!   a space is a narrow gap (modifiers only).
//! - `$ + % ^` are source, target, compound and skip-a-noun-phrase slots;
//!   `&NAME` a synset. `[a:b]` is a paired code, `[---]` the null code.
//! - `~` transformations are parsed into [`Transformation`]s (kept as data).

use crate::common::{brackets, content_lines, event_code, plural, word_tokens, Diags};
use dyad_core::lexicon::{
    Diagnostic, EventCode, Lexicon, Origin, PatElem, Pattern, Synset, WIDE_GAP,
};
use std::collections::HashMap;
use std::sync::Arc;

/// Narrow gap used inside PETRARCH2 `{...}` / `(...)` groups.
const NARROW_GAP: u8 = 4;

/// A PETRARCH2 transformation line (`~ a (a b WILL_ATTACK) SAY = a b 138`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transformation {
    /// Left-hand side as written (upper case, whitespace normalised).
    pub lhs: String,
    /// Right-hand side as written.
    pub rhs: String,
    /// Where it was written.
    pub origin: Origin,
}

/// One verb of a block: elements before the inflected word, the head, and
/// the elements after it.
#[derive(Clone, Debug)]
struct Verb {
    before: Vec<PatElem>,
    head: String,
    after: Vec<PatElem>,
    code: Option<EventCode>,
    origin: Origin,
}

#[derive(Clone, Debug)]
struct RawPattern {
    before: Vec<PatElem>,
    after: Vec<PatElem>,
    code: Option<EventCode>,
    origin: Origin,
}

#[derive(Debug)]
struct Block {
    name: String,
    default: Option<EventCode>,
    verbs: Vec<Verb>,
    patterns: Vec<RawPattern>,
    line: u32,
}

enum Ctx {
    None,
    Synset(usize, bool),
    Block,
}

/// Reads a verb dictionary into `lex` (patterns, synsets, inflections);
/// transformations go to `transformations`. Never fails: every line it
/// cannot read becomes a diagnostic.
pub fn read_verbs(
    file: &str,
    text: &str,
    lex: &mut Lexicon,
    transformations: &mut Vec<Transformation>,
    diags: &mut Vec<Diagnostic>,
) {
    let mut d = Diags {
        file: Arc::from(file),
        out: diags,
    };
    let mut synset_index: HashMap<String, usize> = lex
        .synsets
        .iter()
        .enumerate()
        .map(|(i, s)| (s.name.clone(), i))
        .collect();
    let mut block: Option<Block> = None;
    let mut ctx = Ctx::None;
    let mut headers_seen = false;
    for line in content_lines(text) {
        let t = line.text.trim();
        let n = line.number;
        if t.starts_with("---") {
            flush(block.take(), lex, &mut d);
            block = Some(parse_header(t, n, &mut d));
            headers_seen = true;
            ctx = Ctx::Block;
        } else if let Some(rest) = t.strip_prefix('&') {
            let label = rest.split_whitespace().next().unwrap_or("");
            let exact = label.ends_with('_');
            let name = label.trim_end_matches('_').to_uppercase();
            if name.is_empty()
                || !name
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
            {
                d.at(n, format!("bad synset label `&{label}`"));
                ctx = Ctx::None;
                continue;
            }
            let idx = match synset_index.get(&name) {
                Some(&i) => {
                    d.at(
                        n,
                        format!(
                            "synset &{name} already defined at {}; members are added to it",
                            lex.synsets[i].origin
                        ),
                    );
                    i
                }
                None => {
                    lex.synsets.push(Synset {
                        name: name.clone(),
                        members: Vec::new(),
                        origin: d.origin(n),
                    });
                    synset_index.insert(name, lex.synsets.len() - 1);
                    lex.synsets.len() - 1
                }
            };
            ctx = Ctx::Synset(idx, exact);
        } else if let Some(rest) = t.strip_prefix('~') {
            match rest.split_once('=') {
                Some((l, r)) if !l.trim().is_empty() && !r.trim().is_empty() => transformations
                    .push(Transformation {
                        lhs: l.split_whitespace().collect::<Vec<_>>().join(" "),
                        rhs: r.split_whitespace().collect::<Vec<_>>().join(" "),
                        origin: d.origin(n),
                    }),
                _ => d.at(n, "transformation without `LHS = RHS`"),
            }
        } else if let Some(body) = t.strip_prefix('-') {
            let Some(b) = block.as_mut() else {
                d.at(n, "pattern outside a verb block (no verb before it)");
                continue;
            };
            if b.verbs.is_empty() {
                d.at(n, "pattern before any verb of its block");
                continue;
            }
            if let Some(p) = parse_pattern(body, n, &mut d) {
                b.patterns.push(p);
            }
            ctx = Ctx::Block;
        } else if let (Some(member), Ctx::Synset(idx, exact)) = (t.strip_prefix('+'), &ctx) {
            let (idx, exact) = (*idx, *exact);
            add_member(member, exact, idx, lex, n, &mut d);
        } else {
            // a verb line: `VERB [CODE] {FORMS}`, `+CORDON_OFF {...}`, `WIRE_+TAP`
            if !headers_seen || block.is_none() {
                // TABARI style: every verb line starts a block of its own
                flush(block.take(), lex, &mut d);
                block = Some(Block {
                    name: String::new(),
                    default: None,
                    verbs: Vec::new(),
                    patterns: Vec::new(),
                    line: n,
                });
            }
            let Some(b) = block.as_mut() else { continue };
            if let Some(v) = parse_verb(t, n, lex, &mut d) {
                b.verbs.push(v);
            }
            ctx = Ctx::Block;
        }
    }
    flush(block.take(), lex, &mut d);
}

fn parse_header(t: &str, n: u32, d: &mut Diags) -> Block {
    let inner = t.trim_start_matches('-').trim_end().trim_end_matches('-');
    let (outside, groups) = brackets(inner);
    let name = outside.split_whitespace().collect::<Vec<_>>().join("_");
    let mut default = None;
    match groups.first() {
        Some(g) => match event_code(g) {
            Some(c) => default = Some(c),
            None => d.at(n, format!("bad block code `[{g}]`")),
        },
        None => d.at(
            n,
            "verb block header without a code; its verbs code nothing by default",
        ),
    }
    if groups.len() > 1 {
        d.at(
            n,
            format!(
                "verb block header has {} codes; using the first, [{}]",
                groups.len(),
                groups[0]
            ),
        );
    }
    Block {
        name,
        default,
        verbs: Vec::new(),
        patterns: Vec::new(),
        line: n,
    }
}

/// Splits a phrase on `_` and spaces into words; the word carrying a `+`
/// prefix (else the first) is the head. Returns (words, head index).
fn split_marked(phrase: &str) -> (Vec<String>, Option<usize>) {
    let mut words = Vec::new();
    let mut head = None;
    for raw in phrase.split(|c: char| c == '_' || c.is_whitespace()) {
        if raw.is_empty() {
            continue;
        }
        let (marked, w) = match raw.strip_prefix('+') {
            Some(w) => (true, w),
            None => (false, raw),
        };
        if w.is_empty() {
            continue;
        }
        if marked && head.is_none() {
            head = Some(words.len());
        }
        words.push(w.to_string());
    }
    (words, head)
}

fn parse_verb(t: &str, n: u32, lex: &mut Lexicon, d: &mut Diags) -> Option<Verb> {
    // irregular forms in braces
    let (mut rest, forms) = match (t.find('{'), t.find('}')) {
        (Some(a), Some(b)) if a < b => (
            format!("{} {}", &t[..a], &t[b + 1..]),
            Some(t[a + 1..b].to_string()),
        ),
        (Some(_), _) | (_, Some(_)) => {
            d.at(n, "unbalanced `{` `}` in verb line");
            (t.replace(['{', '}'], " "), None)
        }
        _ => (t.to_string(), None),
    };
    let (outside, groups) = brackets(&rest);
    rest = outside;
    let mut code = None;
    if let Some(g) = groups.first() {
        match event_code(g) {
            Some(c) => code = Some(c),
            None => d.at(n, format!("bad verb code `[{g}]`")),
        }
    }
    let (words, head) = split_marked(rest.trim());
    if words.is_empty() {
        d.at(n, format!("cannot read verb line `{t}`"));
        return None;
    }
    let hi = head.unwrap_or(0);
    let mut toks: Vec<Vec<String>> = words.iter().map(|w| word_tokens(w)).collect();
    if toks.iter().any(Vec::is_empty) || toks[hi].len() != 1 {
        d.at(n, format!("cannot read verb `{}`", rest.trim()));
        return None;
    }
    let head_word = toks[hi].remove(0);
    if !head_word.chars().any(char::is_alphabetic) {
        d.at(n, format!("verb `{}` has no letters", rest.trim()));
        return None;
    }
    let before: Vec<PatElem> = toks[..hi]
        .iter()
        .flatten()
        .cloned()
        .map(PatElem::Exact)
        .collect();
    let after: Vec<PatElem> = toks[hi + 1..]
        .iter()
        .flatten()
        .cloned()
        .map(PatElem::Exact)
        .collect();
    if let Some(forms) = forms {
        for form in forms.split_whitespace() {
            let (fw, fh) = split_marked(form);
            let idx = fh.unwrap_or(if fw.len() == words.len() { hi } else { 0 });
            match fw.get(idx).map(|w| word_tokens(w)) {
                Some(v) if v.len() == 1 => {
                    if v[0] != head_word {
                        lex.inflections.push((v[0].clone(), head_word.clone()));
                    }
                }
                _ => d.at(n, format!("cannot read irregular form `{form}`")),
            }
        }
    }
    Some(Verb {
        before,
        head: head_word,
        after,
        code,
        origin: d.origin(n),
    })
}

fn add_member(
    member: &str,
    label_exact: bool,
    idx: usize,
    lex: &mut Lexicon,
    n: u32,
    d: &mut Diags,
) {
    let m = member.trim();
    let exact = label_exact || m.ends_with('_');
    let mut elems = Vec::new();
    for raw in m.split(|c: char| c == '_' || c.is_whitespace()) {
        if raw.is_empty() {
            continue;
        }
        if let Some(name) = raw.strip_prefix('&') {
            if name.is_empty() {
                d.at(n, "empty synset reference `&`");
                return;
            }
            elems.push(PatElem::Synset(name.to_uppercase()));
            continue;
        }
        let toks = word_tokens(raw);
        if toks.is_empty() {
            d.at(n, format!("cannot read synset member word `{raw}`"));
            return;
        }
        elems.extend(toks.into_iter().map(PatElem::Exact));
    }
    if elems.is_empty() {
        d.at(n, "empty synset member");
        return;
    }
    let plural_form = match elems.last() {
        Some(PatElem::Exact(w)) if !exact && w.chars().any(char::is_alphabetic) => {
            let mut p = elems.clone();
            let last = p.len() - 1;
            p[last] = PatElem::Exact(plural(w));
            Some(p)
        }
        _ => None,
    };
    let s = &mut lex.synsets[idx];
    s.members.push(elems);
    s.members.extend(plural_form);
}

#[derive(Debug, PartialEq)]
enum PTok {
    Word(String),
    Synset(String),
    Star,
    Slot(PatElem),
    Space(u8),
    Join,
    Open,
    Close,
}

fn lex_pattern(body: &str) -> Result<Vec<PTok>, String> {
    let chars: Vec<char> = body.chars().collect();
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut i = 0;
    let special = |c: char| "_*$+%^{}()".contains(c) || c.is_whitespace();
    while i < chars.len() {
        let c = chars[i];
        match c {
            c if c.is_whitespace() => {
                while i < chars.len() && chars[i].is_whitespace() {
                    i += 1;
                }
                out.push(PTok::Space(if depth > 0 { NARROW_GAP } else { WIDE_GAP }));
                continue;
            }
            '_' => {
                // a trailing `_` marks an exact word (all pattern words are exact)
                let next = chars.get(i + 1).copied();
                if !next.is_some_and(|c| !c.is_whitespace() && c != ')' && c != '}') {
                    i += 1;
                    continue;
                }
                out.push(PTok::Join);
            }
            '*' => out.push(PTok::Star),
            '$' => out.push(PTok::Slot(PatElem::Source)),
            '+' => out.push(PTok::Slot(PatElem::Target)),
            '%' => out.push(PTok::Slot(PatElem::Compound)),
            '^' => out.push(PTok::Slot(PatElem::SkipNp)),
            '{' | '(' => {
                depth += 1;
                out.push(PTok::Open);
            }
            '}' | ')' => {
                depth -= 1;
                if depth < 0 {
                    return Err(format!("unbalanced `{c}`"));
                }
                out.push(PTok::Close);
            }
            '&' => {
                let s = i + 1;
                let mut e = s;
                while e < chars.len() && (chars[e].is_alphanumeric() || chars[e] == '-') {
                    e += 1;
                }
                if e == s {
                    return Err("empty synset reference `&`".into());
                }
                out.push(PTok::Synset(
                    chars[s..e].iter().collect::<String>().to_uppercase(),
                ));
                i = e;
                continue;
            }
            _ => {
                let s = i;
                while i < chars.len() && !special(chars[i]) {
                    i += 1;
                }
                out.push(PTok::Word(chars[s..i].iter().collect()));
                continue;
            }
        }
        i += 1;
    }
    if depth != 0 {
        return Err("unbalanced `{`/`(`".into());
    }
    Ok(out)
}

/// Parses a pattern body (after the leading `-`) into before/after elements.
fn parse_pattern(body: &str, n: u32, d: &mut Diags) -> Option<RawPattern> {
    let (outside, groups) = brackets(body);
    let code = match groups.first() {
        Some(g) => match event_code(g) {
            Some(c) => Some(c),
            None => {
                d.at(n, format!("bad pattern code `[{g}]`"));
                return None;
            }
        },
        None => {
            d.at(n, "pattern without a code; the verb's code is used");
            None
        }
    };
    if groups.len() > 1 {
        d.at(
            n,
            format!("pattern has {} codes; using the first", groups.len()),
        );
    }
    let toks = match lex_pattern(&outside) {
        Ok(t) => t,
        Err(e) => {
            d.at(n, format!("cannot read pattern: {e}"));
            return None;
        }
    };
    let stars = toks.iter().filter(|t| **t == PTok::Star).count();
    if stars != 1 {
        d.at(
            n,
            format!("pattern must have exactly one `*` (the verb), found {stars}"),
        );
        return None;
    }
    let mut before = Vec::new();
    let mut after = Vec::new();
    let mut side_after = false;
    // pending gap width since the last element (None: adjacent)
    let mut gap: Option<u8> = None;
    let mut any = false; // an element on the current side (or the head) before
    for t in toks {
        let side = if side_after { &mut after } else { &mut before };
        let push =
            |side: &mut Vec<PatElem>, e: Vec<PatElem>, any: &mut bool, gap: &mut Option<u8>| {
                if *any {
                    if let Some(g) = gap.take() {
                        side.push(PatElem::Gap(g));
                    }
                }
                *gap = None;
                side.extend(e);
                *any = true;
            };
        match t {
            PTok::Space(g) => {
                if any {
                    gap = Some(gap.map_or(g, |x| x.max(g)));
                }
            }
            PTok::Join => gap = None,
            PTok::Open | PTok::Close => {}
            PTok::Star => {
                if any {
                    if let Some(g) = gap.take() {
                        before.push(PatElem::Gap(g));
                    }
                }
                side_after = true;
                any = true;
                gap = None;
            }
            PTok::Word(w) => {
                let toks = word_tokens(&w);
                if toks.is_empty() {
                    if w.chars().any(|c| !c.is_whitespace()) {
                        d.at(n, format!("cannot read pattern word `{w}`"));
                        return None;
                    }
                    continue;
                }
                push(
                    side,
                    toks.into_iter().map(PatElem::Exact).collect(),
                    &mut any,
                    &mut gap,
                );
            }
            PTok::Synset(s) => push(side, vec![PatElem::Synset(s)], &mut any, &mut gap),
            PTok::Slot(e) => push(side, vec![e], &mut any, &mut gap),
        }
    }
    Some(RawPattern {
        before,
        after,
        code,
        origin: d.origin(n),
    })
}

fn flush(block: Option<Block>, lex: &mut Lexicon, d: &mut Diags) {
    let Some(b) = block else { return };
    if b.verbs.is_empty() {
        if !b.patterns.is_empty() || !b.name.is_empty() {
            d.at(b.line, format!("verb block {} has no verbs", b.name));
        }
        return;
    }
    if !b.patterns.is_empty() {
        block_patterns(&b, lex, d);
    }
    // the bare verbs, after the patterns: at equal length a pattern wins
    for v in &b.verbs {
        match v.code.clone().or_else(|| b.default.clone()) {
            Some(EventCode::Null) | None => {}
            Some(code) => lex.patterns.push(Pattern {
                before: v.before.clone(),
                head: PatElem::Word(v.head.clone()),
                after: v.after.clone(),
                code,
                origin: v.origin.clone(),
            }),
        }
    }
}

fn block_patterns(b: &Block, lex: &mut Lexicon, d: &mut Diags) {
    // the block's patterns, for each verb (a synset head when several verbs
    // have no words before their inflected word)
    let simple: Vec<&Verb> = b.verbs.iter().filter(|v| v.before.is_empty()).collect();
    let mut heads: Vec<(Vec<PatElem>, PatElem, Vec<PatElem>)> = Vec::new();
    if simple.len() > 1 {
        let name = format!(
            "{}@{}",
            if b.name.is_empty() { "VERB" } else { &b.name },
            b.line
        );
        lex.synsets.push(Synset {
            name: name.clone(),
            members: simple
                .iter()
                .map(|v| {
                    let mut m = vec![PatElem::Word(v.head.clone())];
                    m.extend(v.after.iter().cloned());
                    m
                })
                .collect(),
            origin: d.origin(b.line),
        });
        heads.push((Vec::new(), PatElem::Synset(name), Vec::new()));
    } else {
        for v in &simple {
            heads.push((Vec::new(), PatElem::Word(v.head.clone()), v.after.clone()));
        }
    }
    for v in b.verbs.iter().filter(|v| !v.before.is_empty()) {
        heads.push((
            v.before.clone(),
            PatElem::Word(v.head.clone()),
            v.after.clone(),
        ));
    }
    for p in &b.patterns {
        let code = match p.code.clone().or_else(|| b.default.clone()) {
            Some(c) => c,
            None => EventCode::Null,
        };
        for (vb, vh, va) in &heads {
            let mut before = p.before.clone();
            before.extend(vb.iter().cloned());
            let mut after = va.clone();
            after.extend(p.after.iter().cloned());
            lex.patterns.push(Pattern {
                before,
                head: vh.clone(),
                after,
                code: code.clone(),
                origin: p.origin.clone(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Lexicon, Vec<Transformation>, Vec<Diagnostic>) {
        let mut lex = Lexicon::default();
        let mut tr = Vec::new();
        let mut diags = Vec::new();
        read_verbs("v.txt", text, &mut lex, &mut tr, &mut diags);
        (lex, tr, diags)
    }

    fn w(s: &str) -> PatElem {
        PatElem::Exact(s.into())
    }

    #[test]
    fn pattern_tokens() {
        let toks = lex_pattern("IN_AND_*_OUT &SYN_X {A B} (WITH +)").unwrap();
        assert_eq!(toks[0], PTok::Word("IN".into()));
        assert_eq!(toks[1], PTok::Join);
        assert!(toks.contains(&PTok::Synset("SYN".into())));
        assert!(toks.contains(&PTok::Space(NARROW_GAP)));
        assert!(lex_pattern("(A").is_err());
        assert!(lex_pattern("A)").is_err());
    }

    #[test]
    fn blocks_verbs_and_patterns() {
        let (lex, _, diags) = read(
            "--- MEET [040] ---\nMEET {MET}\n- * WITH_+ [041] # c\n- $ HAVE * % [042:043]\n--- NOTHING [---] ---\nIDLE\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            lex.inflections,
            vec![("met".to_string(), "meet".to_string())]
        );
        assert_eq!(lex.patterns.len(), 3);
        let p = &lex.patterns[0];
        assert_eq!(p.head, PatElem::Word("meet".into()));
        assert_eq!(
            p.after,
            vec![PatElem::Gap(WIDE_GAP), w("with"), PatElem::Target]
        );
        assert_eq!(lex.patterns[2].code, EventCode::Code("040".into()));
        let p = &lex.patterns[1];
        assert_eq!(
            p.before,
            vec![
                PatElem::Source,
                PatElem::Gap(WIDE_GAP),
                w("have"),
                PatElem::Gap(WIDE_GAP)
            ]
        );
        assert_eq!(p.code, EventCode::Paired("042".into(), "043".into()));
    }

    #[test]
    fn multi_word_verbs_and_shared_patterns() {
        let (lex, _, diags) = read(
            "--- CLOSE [190] ---\nSHUT\n+SEAL_OFF {+SEALED_OFF +SEALING_OFF}\nBUG_+TAP [191]\n- * FOR_GOOD [192]\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert!(lex.inflections.contains(&("sealed".into(), "seal".into())));
        let s = lex
            .synsets
            .iter()
            .find(|s| s.name.starts_with("CLOSE@"))
            .unwrap();
        assert_eq!(s.members.len(), 2);
        assert_eq!(s.members[1], vec![PatElem::Word("seal".into()), w("off")]);
        let tap: Vec<&Pattern> = lex
            .patterns
            .iter()
            .filter(|p| p.head == PatElem::Word("tap".into()))
            .collect();
        assert_eq!(tap.len(), 2);
        assert_eq!(tap[0].before, vec![w("bug")]);
        assert_eq!(tap[0].code, EventCode::Code("192".into()));
        assert_eq!(tap[1].code, EventCode::Code("191".into()));
    }

    #[test]
    fn synsets_nest_and_pluralise() {
        let (lex, _, diags) = read("&KIND\n+TRADE\n+ARMY\n&OUTER_\n+&KIND\n+BIG_DEAL\n");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(lex.synsets[0].members.len(), 4);
        assert!(lex.synsets[0].members.contains(&vec![w("armies")]));
        assert_eq!(lex.synsets[1].members.len(), 2);
        assert_eq!(
            lex.synsets[1].members[0],
            vec![PatElem::Synset("KIND".into())]
        );
    }

    #[test]
    fn bad_lines_are_diagnostics() {
        let (lex, tr, diags) = read(
            "- * X [010]\n--- A [bad code] ---\nGO\n- X Y [010]\n- * * [010]\n- * (A [010]\n~ nothing\n~ a b = a 138\n",
        );
        assert_eq!(diags.len(), 6, "{diags:?}");
        assert_eq!(tr.len(), 1);
        assert!(lex.patterns.is_empty());
    }
}
