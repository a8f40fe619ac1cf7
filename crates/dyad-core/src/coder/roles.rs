//! Roles from shallow syntax: the subject of a verb, the verb group around a
//! trigger (negation, modality, passive voice, infinitives), the agent of a
//! passive (`by` phrase) and the light verb governing an event noun.

use crate::analysis::{morph, Analysis, Tag};
use crate::lexicon::CompiledLexicon;

/// What stands in subject position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    /// A noun phrase (index).
    Np(u32),
    /// A personal pronoun at this token.
    Pronoun(usize),
    /// Nothing found.
    None,
}

/// Facts about the verb group of a verb trigger.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct VerbGroup {
    /// First token of the verb group (auxiliaries, modals, adverbs).
    pub start: usize,
    /// "not", "n't", "never", "failed to" …
    pub negated: bool,
    /// would, could, may, will … or an infinitive not asserted.
    pub irrealis: bool,
    /// be + participle.
    pub passive: bool,
    /// The only unreality is an announced future: "will send", "said it
    /// would recognise" (coded as intent or threat; plans and hopes are not).
    pub future: bool,
    /// Token of the governing verb when the trigger is an asserted infinitive
    /// ("began to withdraw"): the subject is that verb's.
    pub governor: Option<usize>,
}

/// Verbs whose infinitive complement is asserted ("began to withdraw").
const ASPECTUAL: &[&str] = &[
    "begin",
    "began",
    "begun",
    "begins",
    "start",
    "started",
    "starts",
    "continue",
    "continued",
    "continues",
    "resume",
    "resumed",
    "resumes",
    "proceed",
    "proceeded",
    "went",
    "go",
    "goes",
    "moved",
    "move",
    "used",
];
/// Verbs that negate their complement ("failed to reach", "refused to meet").
const NEGATING: &[&str] = &[
    "fail", "failed", "fails", "refuse", "refused", "refuses", "declined", "decline", "declines",
    "denied", "deny", "denies", "avoid", "avoided",
];

fn is_be(w: &str) -> bool {
    matches!(
        w,
        "be" | "is"
            | "am"
            | "are"
            | "was"
            | "were"
            | "been"
            | "being"
            | "'s"
            | "get"
            | "got"
            | "gets"
            | "getting"
    )
}

/// Whether the adjective at `head` follows a copula: "he was *optimistic*
/// about …", "Iran is *ready* to …" (a predicate, not a noun modifier).
pub fn predicative(a: &Analysis, head: usize) -> bool {
    let mut k = head;
    while k > 0 && a.tags[k - 1] == Tag::Adv {
        k -= 1;
    }
    k > 0
        && ((a.tags[k - 1] == Tag::Aux && is_be(&a.toks[k - 1].lower))
            || matches!(
                a.toks[k - 1].lower.as_ref(),
                "remain" | "remained" | "remains" | "seemed" | "seems" | "appeared" | "appears"
            ))
}

/// Examines the verb group ending at the verb token `head`.
pub fn verb_group(a: &Analysis, lex: &CompiledLexicon, head: usize) -> VerbGroup {
    let mut g = VerbGroup {
        start: head,
        ..Default::default()
    };
    let mut k = head;
    let mut saw_be = false;
    let mut modal = "";
    while k > 0 {
        let t = a.tags[k - 1];
        let w = a.toks[k - 1].lower.as_ref();
        match t {
            Tag::Aux | Tag::Modal | Tag::Neg | Tag::Adv => {
                if t == Tag::Neg {
                    g.negated = true;
                }
                if t == Tag::Modal {
                    g.irrealis = true;
                    modal = w;
                }
                if is_be(w) {
                    saw_be = true;
                }
                k -= 1;
            }
            _ => break,
        }
    }
    g.start = k;
    g.future = match modal {
        "will" | "'ll" | "shall" => true,
        "would" | "'d" => reported_before(a, k),
        _ => false,
    };
    let head_lower = a.toks[head].lower.as_ref();
    g.passive = saw_be && morph::looks_past(head_lower, lex) && !head_lower.ends_with("ing");
    // "withdrew without firing a shot"
    if k > 0 && a.toks[k - 1].lower.as_ref() == "without" {
        g.negated = true;
    }
    // "began deporting migrants": an aspectual verb before a gerund asserts it
    if head_lower.ends_with("ing")
        && k > 0
        && a.tags[k - 1] == Tag::Verb
        && ASPECTUAL.contains(&a.toks[k - 1].lower.as_ref())
    {
        let outer = verb_group(a, lex, k - 1);
        g.governor = Some(k - 1);
        g.negated |= outer.negated;
        g.irrealis |= outer.irrealis;
        return g;
    }
    // infinitive: "to V"
    if k > 0 && a.tags[k - 1] == Tag::To {
        let gov = k.checked_sub(2);
        match gov {
            Some(v) if a.tags[v] == Tag::Verb && ASPECTUAL.contains(&a.toks[v].lower.as_ref()) => {
                g.governor = Some(v);
                let outer = verb_group(a, lex, v);
                g.negated |= outer.negated;
                g.irrealis |= outer.irrealis;
            }
            Some(v) if a.tags[v] == Tag::Verb && NEGATING.contains(&a.toks[v].lower.as_ref()) => {
                g.negated = true;
                g.governor = Some(v);
            }
            _ => {
                g.irrealis = true;
                // "is about to restore", "was seen to break", "plans to meet": the
                // subject is the governing verb's; never across a noun phrase
                // ("urged Iran to talk": Iran is the one to talk)
                let mut v = k - 1;
                while v > 0 && k - v <= 3 {
                    v -= 1;
                    match a.tags[v] {
                        Tag::Verb | Tag::Aux => {
                            g.governor = Some(v);
                            break;
                        }
                        Tag::Adj | Tag::Adv | Tag::Prep => {}
                        _ => break,
                    }
                }
            }
        }
    }
    if conditional(a, head) || unasserted_complement(a, head) {
        g.irrealis = true;
        g.future = false;
    }
    // PETRARCH's dictionaries code no intent from the future tense
    if g.negated || lex.lex.petrarch {
        g.future = false;
    }
    g
}

/// Reporting verbs after which "would" is a future in reported speech ("said
/// it would recognise"), not a hypothetical.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "announced",
    "announces",
    "told",
    "added",
    "confirmed",
    "stated",
    "declared",
    "pledged",
    "promised",
    "vowed",
    "warned",
    "indicated",
    "signalled",
    "signaled",
    "decided",
];

/// Whether the nearest verb or predicate before `k` is a reporting verb:
/// "announced that Germany would send" (not "was optimistic that … would").
fn reported_before(a: &Analysis, k: usize) -> bool {
    for j in (0..k).rev().take(15) {
        let w = a.toks[j].lower.as_ref();
        if REPORTING.contains(&w) {
            return true;
        }
        if matches!(w, ";" | ":" | "if" | "unless")
            || a.tags[j] == Tag::Adj && predicative(a, j)
            || matches!(a.tags[j], Tag::Verb | Tag::Modal) && a.np_of[j].is_none()
        {
            return false;
        }
    }
    false
}

/// Verbs and nouns whose "that" clause is not asserted: demands
/// ("demanded that Russia halt"), denials ("denied that"), hearsay
/// ("reports that", "rumours that").
const UNASSERTING: &[&str] = &[
    "demand",
    "demanded",
    "demands",
    "demanding",
    "urge",
    "urged",
    "urges",
    "insist",
    "insisted",
    "insists",
    "ask",
    "asked",
    "asks",
    "propose",
    "proposed",
    "proposes",
    "suggest",
    "suggested",
    "recommend",
    "recommended",
    "request",
    "requested",
    "want",
    "wants",
    "wanted",
    "deny",
    "denied",
    "denies",
    "denying",
    "reject",
    "rejected",
    "rejects",
    "dismiss",
    "dismissed",
    "doubt",
    "doubted",
    "hope",
    "hoped",
    "hopes",
    "fear",
    "feared",
    "fears",
    "report",
    "reports",
    "rumour",
    "rumours",
    "rumor",
    "rumors",
    "speculation",
    "claim",
    "claims",
    "allegation",
    "allegations",
    "suggestion",
    "suggestions",
    "possibility",
    "prospect",
    "likelihood",
    "chance",
    "chances",
    "unlikely",
    "likely",
    "possible",
    "ensure",
    "ensured",
    "order",
    "ordered",
    "orders",
    "pray",
    "wish",
    "hypothesis",
];

/// Whether the clause holding token `i` is the "that" complement of an
/// unasserting word ("demanded that Russia halt", "denied reports that").
pub fn unasserted_complement(a: &Analysis, i: usize) -> bool {
    for k in (0..i).rev() {
        let w = a.toks[k].lower.as_ref();
        if matches!(w, ";" | ":" | "." | "“" | "”" | "\"") {
            return false;
        }
        if w == "that" {
            // skip adverbs and time expressions: "demanded on Monday that"
            let mut g = k;
            while g > 0 {
                let in_time = a.times.iter().any(|t| t.start < g && g <= t.end);
                if in_time || a.tags[g - 1] == Tag::Adv {
                    g -= 1;
                } else {
                    break;
                }
            }

            return g > 0 && UNASSERTING.contains(&a.toks[g - 1].lower.as_ref());
        }
    }
    false
}

/// Whether `i` sits in an "if"/"unless" clause or a question.
pub fn conditional(a: &Analysis, i: usize) -> bool {
    for k in (0..i).rev() {
        let w = a.toks[k].lower.as_ref();
        if matches!(w, "if" | "unless" | "whether") {
            return true;
        }
        if matches!(w, ";" | ":")
            || (w == ","
                && !a.toks[..k]
                    .iter()
                    .any(|t| matches!(t.lower.as_ref(), "if" | "unless")))
        {
            break;
        }
    }
    // "Should China invade Taiwan, …": an inverted conditional
    let inverted = a
        .toks
        .first()
        .is_some_and(|t| matches!(t.lower.as_ref(), "should" | "were" | "had"))
        && a.toks.iter().take(i).all(|t| t.lower.as_ref() != ",");
    inverted || a.toks.last().is_some_and(|t| t.lower.as_ref() == "?")
}

fn pp_object(a: &Analysis, np_start: usize) -> bool {
    np_start > 0 && matches!(a.tags[np_start - 1], Tag::Prep | Tag::To)
}

/// Whether a noun phrase stands before a verb group (directly, or after an
/// appositive set off by commas).
pub fn in_subject_position(a: &Analysis, np: u32) -> bool {
    let np = &a.nps[np as usize];
    if pp_object(a, np.start) {
        return false;
    }
    let mut j = np.end;
    // "the group in Yemen says": skip prepositional phrases after the subject
    for _ in 0..3 {
        if j < a.toks.len() && a.tags[j] == Tag::Prep && a.toks[j].lower.as_ref() != "of" {
            match a.np_starting(j + 1) {
                Some(pp) => j = pp.end,
                None => break,
            }
        } else {
            break;
        }
    }
    while j < a.toks.len() && a.tags[j] == Tag::Adv {
        j += 1;
    }
    if j < a.toks.len() && a.toks[j].lower.as_ref() == "," {
        if let Some(c) =
            (j + 1..a.toks.len().min(j + 20)).find(|&c| a.toks[c].lower.as_ref() == ",")
        {
            j = c + 1;
        }
    }
    j < a.toks.len() && matches!(a.tags[j], Tag::Verb | Tag::Aux | Tag::Modal)
}

/// Finds the subject of the verb group starting at `vg_start`.
pub fn subject(a: &Analysis, lex: &CompiledLexicon, vg_start: usize, depth: u8) -> Subject {
    if depth > 4 {
        return Subject::None;
    }
    if let Some(main) = adjunct_main_verb(a, vg_start).filter(|_| !lex.lex.petrarch) {
        let g = verb_group(a, lex, main);
        return subject(a, lex, g.start, depth + 1);
    }
    let mut pos = vg_start;
    let mut commas = 0;
    while pos > 0 {
        let k = pos - 1;
        let w = a.toks[k].lower.as_ref();
        if a.times.iter().any(|t| t.start <= k && k < t.end) {
            pos = a
                .times
                .iter()
                .find(|t| t.start <= k && k < t.end)
                .map(|t| t.start)
                .unwrap_or(k);
            continue;
        }
        if let Some(np) = a.np_ending(pos) {
            let idx = a.np_of[k].unwrap_or(0);
            // "a roadside bomb planted by Taliban insurgents killed …": the
            // agent of a reduced relative on the subject
            if np.start >= 2
                && a.toks[np.start - 1].lower.as_ref() == "by"
                && a.tags[np.start - 2] == Tag::Verb
                && morph::looks_past(&a.toks[np.start - 2].lower, lex)
                && !np.actors.is_empty()
                && a.np_ending(np.start - 2)
                    .is_some_and(|head| head.actors.is_empty())
            {
                return Subject::Np(idx);
            }
            // "after crowds burned …": a subordinator, not a preposition, when
            // its noun phrase stands right before the verb
            let clause_subject = pos == vg_start
                && matches!(
                    a.toks[np.start - 1.min(np.start)].lower.as_ref(),
                    "after" | "before" | "since" | "until" | "till" | "as"
                );
            if pp_object(a, np.start) && !clause_subject {
                // skip the prepositional phrase ("the group in Yemen says")
                pos = np.start - 1;
                continue;
            }
            // appositive: "Qaani, commander of the Quds Force, visited"
            if commas > 0 && np.start >= 2 && a.toks[np.start - 1].lower.as_ref() == "," {
                if let Some(prev) = a.np_ending(np.start - 1) {
                    let prev_idx = a.np_of[np.start - 2].unwrap_or(0);
                    let prev_actor = prev.actors.iter().any(|x| !x.agent_only);
                    let cur_actor = np.actors.iter().any(|x| !x.agent_only);
                    if prev_actor && !cur_actor && !pp_object(a, prev.start) {
                        return Subject::Np(prev_idx);
                    }
                }
            }
            return Subject::Np(idx);
        }
        match a.tags[k] {
            Tag::Pron if matches!(w, "he" | "she" | "it" | "they" | "we") => {
                return Subject::Pronoun(k)
            }
            Tag::Adv => pos = k,
            Tag::Rel | Tag::Sub if matches!(w, "who" | "which" | "that") => {
                // relative clause: the antecedent before the pronoun
                let mut e = k;
                if e > 0 && a.toks[e - 1].lower.as_ref() == "," {
                    e -= 1;
                }
                // "the bombings in Madrid, which killed …": a place is not
                // the antecedent, and the event noun before it names no actor
                return match a.np_ending(e) {
                    Some(np) if e > 0 && !locative_object(a, np.start) => {
                        Subject::Np(a.np_of[e - 1].unwrap_or(0))
                    }
                    _ => Subject::None,
                };
            }
            Tag::Conj if matches!(w, "and" | "or" | "but") => {
                // coordinated verb phrase: share the previous verb's subject
                let prev_verb = (0..k)
                    .rev()
                    .find(|&v| a.tags[v] == Tag::Verb && a.np_of[v].is_none());
                return match prev_verb {
                    Some(v) => {
                        let g = verb_group(a, lex, v);
                        subject(a, lex, g.start, depth + 1)
                    }
                    None => Subject::None,
                };
            }
            Tag::Punct if w == "," && commas < 3 => {
                commas += 1;
                pos = k;
            }
            _ => return Subject::None,
        }
    }
    Subject::None
}

/// The main-clause verb of a participle clause set off by a comma or opened
/// by a subordinator, whose subject the participle shares: "X cut ties with
/// Y, *accusing* it of …", "bombs hit the city, *killing* 32 people", "X
/// responded *by ordering* …", "troops killed civilians *before withdrawing*".
fn adjunct_main_verb(a: &Analysis, vg_start: usize) -> Option<usize> {
    let w = a.toks.get(vg_start)?.lower.as_ref();
    if a.tags[vg_start] != Tag::Verb || !w.ends_with("ing") || w.len() < 5 {
        return None;
    }
    let mut k = vg_start;
    while k > 0 && a.tags[k - 1] == Tag::Adv {
        k -= 1;
    }
    // ", accusing …" or "after accusing …", "by ordering …", "before withdrawing …"
    let opener = k.checked_sub(1).map(|p| a.toks[p].lower.as_ref());
    if !matches!(
        opener,
        Some("," | "after" | "before" | "while" | "by" | "since" | "when" | "upon" | "despite")
    ) {
        return None;
    }
    // the nearest finite verb before the comma, in the same clause stretch
    (0..k - 1)
        .rev()
        .take(30)
        .take_while(|&j| !matches!(a.toks[j].lower.as_ref(), ";" | ":" | "--"))
        .find(|&j| {
            a.tags[j] == Tag::Verb && a.np_of[j].is_none() && !a.toks[j].lower.ends_with("ing")
        })
}

/// The verb of the clause a noun phrase is a circumstance of: "agreed to a
/// truce *during* talks", "restored ties *after* talks", "freed prisoners
/// *under* a deal" (the phrase starting at `np_start` follows one of these
/// prepositions).
pub fn circumstance_verb(a: &Analysis, np_start: usize) -> Option<usize> {
    let p = np_start.checked_sub(1)?;
    if !matches!(
        a.toks[p].lower.as_ref(),
        "during" | "after" | "following" | "at" | "amid" | "under" | "in"
    ) {
        return None;
    }
    (0..p)
        .rev()
        .take(25)
        .take_while(|&j| !matches!(a.toks[j].lower.as_ref(), "," | ";" | ":" | "--"))
        .find(|&j| {
            a.tags[j] == Tag::Verb && a.np_of[j].is_none() && (j == 0 || a.tags[j - 1] != Tag::To)
        })
}

/// Whether the noun phrase starting at `np_start` is the object of a place
/// preposition ("in Madrid", "at two mosques", "across Sri Lanka").
fn locative_object(a: &Analysis, np_start: usize) -> bool {
    np_start > 0
        && matches!(
            a.toks[np_start - 1].lower.as_ref(),
            "in" | "at" | "near" | "across" | "outside" | "inside" | "on"
        )
}

/// The `by` phrase of a passive, within a few tokens after `from`.
pub fn by_agent(a: &Analysis, from: usize) -> Option<u32> {
    let limit = a.toks.len().min(from + 8);
    for j in from..limit {
        let w = a.toks[j].lower.as_ref();
        if w == "by" {
            let k = a.np_of.get(j + 1).copied().flatten()?;
            return (a.nps[k as usize].start == j + 1).then_some(k);
        }
        if matches!(w, "," | ";" | "that" | "which" | "who" | "and") || a.tags[j] == Tag::Verb {
            return None;
        }
    }
    None
}

/// The light verb whose direct object is the phrase starting at `np_start`
/// ("launched air strikes", "carried out strikes").
pub fn governing_light_verb(a: &Analysis, lex: &CompiledLexicon, np_start: usize) -> Option<usize> {
    let mut k = np_start;
    // "held a second round of talks": hop over "NP of"; "announced $2.5
    // billion in military aid": hop over an amount and "in"
    for _ in 0..2 {
        if k >= 2 && matches!(a.toks[k - 1].lower.as_ref(), "of" | "in") {
            let amount =
                |np: &crate::analysis::Np| (np.start..np.end).any(|j| a.tags[j] == Tag::Num);
            match a.np_ending(k - 1) {
                Some(np)
                    if np.actors.is_empty()
                        && (a.toks[k - 1].lower.as_ref() == "of" || amount(np)) =>
                {
                    k = np.start
                }
                _ => break,
            }
        }
    }
    // particles: "carried out", "stepped up"
    if k > 0 && matches!(a.toks[k - 1].lower.as_ref(), "out" | "up" | "off") {
        k -= 1;
    }
    let v = k.checked_sub(1)?;
    if a.tags[v] != Tag::Verb && a.tags[v] != Tag::Noun {
        return None;
    }
    let lemma = a.toks[v].lemma.or(a.toks[v].form)?;
    lex.light_verbs.contains(&lemma).then_some(v)
}
