//! The coder: turns one document into event records.
//!
//! For each sentence: analyse ([`crate::analysis`]), find triggers by
//! pattern ([`matcher`]), fill source and target from the pattern's slots or
//! from shallow syntax ([`roles`]), resolve pronouns and story references
//! ([`discourse`]), date the event ([`crate::time`]), and build records.

pub mod discourse;
pub mod matcher;
pub mod roles;

use crate::analysis::{analyze, ActorRef, Analysis, Anaphor, Tag};
use crate::lexicon::{CompiledLexicon, EventCode, PatElem};
use crate::ontology::{split_code, Ontology};
use crate::record::{EventRecord, Evidence, RecordActor, Span};
use crate::text::{normalize, segment, tokenize, Token};
use crate::time::Precision;
use chrono::NaiveDate;
use discourse::{is_group, Discourse, Remembered};
use matcher::PatternMatch;
use roles::Subject;

/// A document to code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// Identifier (becomes `doc_id`).
    pub id: String,
    /// Story date.
    pub date: NaiveDate,
    /// Body text.
    pub text: String,
    /// Headline, coded as sentence 0 when present.
    pub title: Option<String>,
}

/// Options that change what is coded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Emit negated, modal and hypothetical events with `negated: true`
    /// instead of suppressing them.
    pub keep_negated: bool,
    /// Allow actors known only by an agent (`---GOV`).
    pub allow_agent_only: bool,
    /// Require both a source and a target (PETRARCH's `require_dyad`).
    pub require_target: bool,
    /// Sentences longer than this many tokens are cut into pieces (0: no limit).
    pub max_sentence_tokens: usize,
    /// PETRARCH role rules, for TABARI/PETRARCH dictionaries: only verbs
    /// trigger events; when a pattern names no target, the target is the
    /// first actor after the pattern in its clause (not only the direct
    /// object); a possessor stands for its noun phrase as a subject
    /// ("Ithilen's militia vowed" → Ithilen).
    pub petrarch_roles: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            keep_negated: false,
            allow_agent_only: false,
            require_target: true,
            max_sentence_tokens: 400,
            petrarch_roles: false,
        }
    }
}

/// The result of coding one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Coded {
    /// Number of sentences (title included).
    pub sentences: usize,
    /// Events, in sentence and trigger order.
    pub events: Vec<EventRecord>,
    /// Why the story was discarded, if it was (story-level discard phrase).
    pub discarded: Option<String>,
}

/// One event before it becomes a record.
#[derive(Clone, Debug)]
pub struct RawEvent {
    /// Source actor.
    pub source: ActorRef,
    /// Target actor.
    pub target: Option<ActorRef>,
    /// CAMEO code.
    pub code: String,
    /// Negated, modal or hypothetical.
    pub negated: bool,
    /// The match that triggered it.
    pub m: PatternMatch,
}

/// The coder: a compiled lexicon, the ontology and options. Immutable and
/// `Send + Sync`: share one across threads.
#[derive(Debug)]
pub struct Coder {
    /// The lexicon.
    pub lex: CompiledLexicon,
    /// The ontology.
    pub ontology: Ontology,
    /// Options.
    pub options: Options,
    coder_id: String,
}

/// Words in a noun phrase that make its event hypothetical.
/// Whether an actor is named as protesters ("protesters", "demonstrators",
/// "rioters", "yellow vest protesters").
fn protesters(a: &Analysis, x: &ActorRef) -> bool {
    let span = a.np_of[x.start].map_or(x.start..x.end, |k| {
        let np = &a.nps[k as usize];
        np.start..np.end
    });
    a.toks[span].iter().any(|t| {
        matches!(
            t.lower.as_ref(),
            "protester"
                | "protesters"
                | "protestor"
                | "protestors"
                | "demonstrator"
                | "demonstrators"
                | "rioter"
                | "rioters"
                | "mob"
                | "mobs"
        )
    })
}

/// Nouns naming an act, which an object relative clause can comment on:
/// "a move Israel called …", "an allegation Riyadh rejected".
const ACT_NOUNS: &[&str] = &[
    "move",
    "decision",
    "step",
    "action",
    "allegation",
    "accusation",
    "claim",
    "announcement",
    "measure",
    "proposal",
    "offer",
    "plan",
    "demand",
];

/// Words opening an adjunct (time, circumstance, agent) after which a
/// complement's actor is no longer the event's aim.
const ADJUNCT_MARKERS: &[&str] = &[
    "during",
    "after",
    "before",
    "amid",
    "despite",
    "following",
    "since",
    "while",
    "when",
    "because",
    "where",
    "until",
    "ahead",
    "by",
    "unless",
];

const IRREALIS_MODIFIERS: &[&str] = &[
    "planned",
    "possible",
    "proposed",
    "potential",
    "future",
    "upcoming",
    "expected",
    "prospective",
    "would-be",
    "threatened",
    "hypothetical",
    "alleged",
    "rumoured",
    "rumored",
    "feared",
];
/// Verbs that, with an event noun as subject or object, undo it.
const UNDOING_VERBS: &[&str] = &[
    "postpone",
    "postponed",
    "cancel",
    "cancelled",
    "canceled",
    "delay",
    "delayed",
    "suspend",
    "suspended",
    "scrap",
    "scrapped",
    "deny",
    "denied",
    "denies",
    "rule",
    "ruled",
    "consider",
    "considering",
    "considered",
    "considers",
    "propose",
    "proposed",
    "proposes",
    "proposing",
    "plan",
    "planned",
    "plans",
    "planning",
    "seek",
    "seeking",
    "seeks",
    "sought",
    "want",
    "wants",
    "wanted",
    "discuss",
    "discussed",
    "discussing",
    "weigh",
    "weighing",
    "weighed",
    "mull",
    "mulling",
    "mulled",
    "threaten",
    "threatened",
    "threatening",
    "threatens",
    "oppose",
    "opposed",
    "opposes",
    "veto",
    "vetoed",
    "reject",
    "rejected",
    "rejects",
    "prepare",
    "prepared",
    "preparing",
    "demand",
    "demanded",
    "demands",
    "urge",
    "urged",
    "urges",
    "call",
    "called",
    "calls",
    "avoid",
    "avoided",
    "prevent",
    "prevented",
    "warn",
    "warned",
    "warns",
    "fear",
    "feared",
    "fears",
    "risk",
    "risked",
    "would",
    "could",
    "might",
    "may",
    "will",
];

impl Coder {
    /// Builds a coder.
    pub fn new(lex: CompiledLexicon, ontology: Ontology, options: Options) -> Self {
        let coder_id = format!(
            "dyad {} lexicon {}",
            env!("CARGO_PKG_VERSION"),
            lex.hash_hex()
        );
        Coder {
            lex,
            ontology,
            options,
            coder_id,
        }
    }

    /// The `coder` field value.
    pub fn coder_id(&self) -> &str {
        &self.coder_id
    }

    /// Codes one document.
    pub fn code(&self, doc: &Document) -> Coded {
        let mut out = Coded::default();
        let mut disc = Discourse::default();
        let mut texts: Vec<String> = Vec::new();
        if let Some(t) = doc
            .title
            .as_deref()
            .map(normalize)
            .filter(|t| !t.trim().is_empty())
        {
            texts.push(t);
        }
        texts.push(normalize(&doc.text));
        let mut sentences: Vec<(String, Vec<Token>)> = Vec::new();
        for (ti, text) in texts.iter().enumerate() {
            let toks = tokenize(text);
            if ti + 1 == texts.len() {
                disc.story_place = self.dateline_place(text, &toks, doc.date);
            }
            let ranges = if ti == 0 && doc.title.is_some() && texts.len() > 1 {
                if toks.is_empty() {
                    Vec::new()
                } else {
                    std::iter::once(0..toks.len()).collect()
                }
            } else {
                segment(text, &toks)
            };
            let max = if self.options.max_sentence_tokens == 0 {
                usize::MAX
            } else {
                self.options.max_sentence_tokens
            };
            // very long "sentences" (no punctuation) are cut into pieces so time stays linear
            let ranges = ranges.into_iter().flat_map(|r| {
                (r.start..r.end)
                    .step_by(max)
                    .map(move |s| s..(s + max).min(r.end))
            });
            for r in ranges {
                let (sent, rel) = crate::text::sentence(text, &toks, r);
                sentences.push((sent.to_string(), rel));
            }
        }
        out.sentences = sentences.len();
        let analyses: Vec<Analysis> = sentences
            .iter()
            .map(|(sent, toks)| analyze(sent, toks, &self.lex, doc.date))
            .collect();
        // story-level discards
        for a in &analyses {
            if let Some(d) = self.discard(a, true) {
                out.discarded = Some(format!("story discard phrase at {d}"));
                return out;
            }
        }
        for (sentence_index, ((sent, _), a)) in sentences.iter().zip(&analyses).enumerate() {
            if self.discard(a, false).is_none() {
                let raw = self.code_sentence(a, &mut disc, sentence_index);
                self.remember_pair(&raw, &mut disc);
                self.records(doc, sentence_index, sent, a, raw, &mut out.events);
            }
            self.remember(a, &mut disc, sentence_index);
        }
        out
    }

    /// The origin of the first discard phrase in the sentence, if any.
    fn discard(&self, a: &Analysis, story: bool) -> Option<String> {
        for i in 0..a.toks.len() {
            for &e in self.lex.discard_stems(&a.toks[i].lower) {
                let d = &self.lex.lex.discards[e as usize];
                if d.story == story && a.toks[i].lower.starts_with(d.words[0].as_str()) {
                    return Some(d.origin.to_string());
                }
            }
            let Some(first) = a.toks[i].form else {
                continue;
            };
            for r in self.lex.discards.starting_with(first) {
                let d = &self.lex.lex.discards[r.entry as usize];
                if d.story != story {
                    continue;
                }
                let n = r.words.len();
                if i + n > a.toks.len() {
                    continue;
                }
                let ok = (0..n).all(|k| {
                    let t = &a.toks[i + k];
                    if k + 1 == n && d.stem {
                        t.lower.starts_with(d.words[k].as_str())
                    } else {
                        t.form == Some(r.words[k])
                    }
                });
                if ok {
                    return Some(d.origin.to_string());
                }
            }
        }
        None
    }

    /// Finds the triggers of a sentence and fills their roles.
    pub fn code_sentence(
        &self,
        a: &Analysis,
        disc: &mut Discourse,
        sentence: usize,
    ) -> Vec<RawEvent> {
        disc.sentence_place = self.sentence_place(a);
        let mut consumed = vec![false; a.toks.len()];
        let mut matches = Vec::new();
        let mut in_actor = vec![false; a.toks.len()];
        for m in &a.mentions {
            if matches!(m.kind, crate::analysis::MentionKind::Actor(_)) && m.end - m.start > 1 {
                for x in &mut in_actor[m.start + 1..m.end] {
                    *x = true;
                }
            }
        }
        let mut in_time = vec![false; a.toks.len()];
        for t in &a.times {
            for x in &mut in_time[t.start..t.end] {
                *x = true;
            }
        }
        for i in 0..a.toks.len() {
            // "in March", "on Friday": words of a time expression never trigger,
            // nor do words inside a name ("the Rapid Support Forces")
            if consumed[i] || in_time[i] || in_actor[i] {
                continue;
            }
            // PETRARCH: only verbs trigger (and a noun never blocks a verb's pattern)
            if self.options.petrarch_roles
                && !(a.tags[i] == Tag::Verb || (a.tags[i] == Tag::Adj && a.np_of[i].is_none()))
            {
                continue;
            }
            let t = &a.toks[i];
            let mut best: Option<(usize, PatternMatch)> = None;
            for key in [t.lemma, t.form].into_iter().flatten() {
                let Some(list) = self.lex.heads.get(&key) else {
                    continue;
                };
                for h in list {
                    let (p, spec) = (h.pattern, h.spec as usize);
                    // lists are sorted by specificity: nothing later can beat the best
                    if best.as_ref().is_some_and(|(sb, _)| spec < *sb) {
                        break;
                    }
                    if !a.may_match(h, i) {
                        continue;
                    }
                    let Some(m) =
                        matcher::match_at(a, &self.lex, &self.lex.patterns[p as usize], i)
                    else {
                        continue;
                    };
                    if (m.start..m.literal_end).any(|k| consumed[k]) {
                        continue;
                    }
                    let better = match &best {
                        None => true,
                        Some((sb, b)) => {
                            spec > *sb
                                || (spec == *sb
                                    && m.slots.target.is_some()
                                    && b.slots.target.is_none())
                        }
                    };
                    if better {
                        best = Some((spec, m));
                    }
                }
                if t.lemma == t.form {
                    break;
                }
            }
            if let Some((_, m)) = best {
                for c in &mut consumed[m.start..m.literal_end] {
                    *c = true;
                }
                matches.push(m);
            }
        }
        // PETRARCH: an event in a subordinate clause ("… after crowds burned
        // down its embassy") is part of the event before it, not coded alone
        if self.options.petrarch_roles {
            let heads: Vec<usize> = matches
                .iter()
                .filter(|m| self.lex.lex.patterns[m.pattern as usize].code != EventCode::Null)
                .map(|m| m.head)
                .collect();
            matches.retain(|m| {
                !heads.iter().any(|&h| {
                    h < m.head
                        && (h + 1..m.start.min(m.head)).any(|k| {
                            matches!(
                                a.toks[k].lower.as_ref(),
                                "after"
                                    | "before"
                                    | "since"
                                    | "until"
                                    | "when"
                                    | "while"
                                    | "because"
                            ) && a.np_starting(k + 1).is_some()
                                && !a.toks[k..m.head].iter().any(|t| t.lower.as_ref() == ",")
                        })
                })
            });
        }
        let mut events = Vec::new();
        for m in matches {
            self.roles(a, disc, sentence, m, &consumed, &mut events);
        }
        events
    }

    /// The one country a sentence is set in: noun phrases after "in" naming a
    /// country, city or capital. None when there are several.
    fn sentence_place(&self, a: &Analysis) -> Option<String> {
        let mut place: Option<&str> = None;
        for (k, np) in a.nps.iter().enumerate() {
            if np.start == 0 || a.toks[np.start - 1].lower.as_ref() != "in" {
                continue;
            }
            // "in areas of Ukraine", "in the north of the country"
            let np = match matcher::slot_np(a, np.start) {
                Some((k2, _)) if k2 as usize != k => &a.nps[k2 as usize],
                _ => np,
            };
            for x in &np.actors {
                let c = x.code.get(..3).unwrap_or("");
                if !self.lex.countries.contains(c) || (x.code.len() > 3 && !x.code.ends_with("GOV"))
                {
                    continue;
                }
                match place {
                    None => place = Some(c),
                    Some(p) if p != c => return None,
                    _ => {}
                }
            }
        }
        place.map(str::to_string)
    }

    /// The country named by a story's dateline, if any.
    fn dateline_place(&self, text: &str, toks: &[Token], date: NaiveDate) -> Option<String> {
        let n = crate::text::segment::dateline_len(text, toks);
        if n == 0 {
            return None;
        }
        let end = toks[n - 1].end as usize;
        let head = &text[..end];
        let a = analyze(head, &toks[..n], &self.lex, date);
        a.nps.iter().flat_map(|np| &np.actors).find_map(|x| {
            let c = x.code.get(..3)?;
            self.lex.countries.contains(c).then(|| c.to_string())
        })
    }

    /// Fills source and target for a match and expands it into events.
    fn roles(
        &self,
        a: &Analysis,
        disc: &Discourse,
        sentence: usize,
        m: PatternMatch,
        consumed: &[bool],
        out: &mut Vec<RawEvent>,
    ) {
        let pattern = &self.lex.lex.patterns[m.pattern as usize];
        if pattern.code == EventCode::Null {
            return;
        }
        // "sexually assaulted": an adverb head stands for the verb it modifies
        let head_tag = if a.tags[m.head] == Tag::Adv && a.tags.get(m.head + 1) == Some(&Tag::Verb) {
            Tag::Verb
        } else {
            a.tags[m.head]
        };
        let head_is_verb = head_tag == Tag::Verb
            || (a.tags[m.head] == Tag::Adj
                && (a.np_of[m.head].is_none()
                    || (!self.options.petrarch_roles && roles::predicative(a, m.head))));
        let mut negated = false;
        // an announced future act is coded as the intent or threat to do it
        let mut intent = false;
        let mut sources: Vec<ActorRef> = Vec::new();
        let mut targets: Vec<ActorRef> = Vec::new();
        let resolve_np = |k: u32| -> Vec<ActorRef> { self.np_actors(a, disc, sentence, k) };
        if let Some(k) = m.slots.target {
            targets = resolve_np(k);
        }
        if let Some(k) = m.slots.source {
            sources = resolve_np(k);
        }
        if head_is_verb {
            let vhead = if a.tags[m.head] == Tag::Adv {
                m.head + 1
            } else {
                m.head
            };
            let g = roles::verb_group(a, &self.lex, vhead);
            negated |= g.negated || (g.irrealis && !g.future);
            intent |= g.irrealis && g.future;
            let mut subj_start = g
                .governor
                .map(|v| roles::verb_group(a, &self.lex, v).start)
                .unwrap_or(g.start);
            // PETRARCH: words of the pattern before the verb belong to its
            // clause ("Gondor noted that X regretted …": Gondor's clause)
            let literal_before = matches!(
                pattern.before.first(),
                Some(PatElem::Word(_) | PatElem::Exact(_) | PatElem::Synset(_))
            );
            if self.options.petrarch_roles && literal_before && m.start < subj_start {
                subj_start = roles::verb_group(a, &self.lex, m.start).start;
            }
            let subj_found = roles::subject(a, &self.lex, subj_start, 0);
            let mut subj = self.subject_actors(a, disc, sentence, subj_found);
            // PETRARCH: the pattern's first words sit in the subject phrase
            // ("Eriador's death and injury toll has risen", "soldiers wire tapped")
            if self.options.petrarch_roles && subj.is_empty() && m.start < m.head {
                if let Some(k) = a.np_of[m.start] {
                    subj = self.np_actors(a, disc, sentence, k);
                }
            }
            // PETRARCH: a passive without a `by` agent keeps its subject as the source
            let passive =
                g.passive && !(self.options.petrarch_roles && roles::by_agent(a, m.end).is_none());
            // reduced relative: "talks mediated by Saudi Arabia", "ships seized by Iran"
            let reduced = !passive
                && !self.options.petrarch_roles
                && g.start == m.head
                && m.head > 0
                && a.np_of[m.head - 1].is_some()
                && a.toks[m.head].lower.ends_with("ed")
                && a.toks
                    .get(m.literal_end)
                    .is_some_and(|t| t.lower.as_ref() == "by");
            if passive || reduced {
                if targets.is_empty() && !m.slots.has_target_slot {
                    targets = if reduced {
                        self.reduced_relative_head(a, disc, sentence, m.head)
                    } else {
                        subj
                    };
                }
                if sources.is_empty() {
                    // the `by` phrase after the pattern, or inside it when
                    // the passive matched an object slot ("received by X in")
                    if let Some(k) =
                        roles::by_agent(a, m.end).or_else(|| roles::by_agent(a, m.head + 1))
                    {
                        sources = resolve_np(k);
                    }
                }
            } else {
                if sources.is_empty() {
                    sources = subj;
                } else if targets.is_empty()
                    && m.slots.source.is_some()
                    && !m.slots.has_target_slot
                    && !self.options.petrarch_roles
                {
                    // the pattern names the source ("drew condemnation from
                    // $", "received condolences from $"): the subject is
                    // the one it acts on
                    targets = subj;
                }
                if targets.is_empty() && !m.slots.has_target_slot && m.slots.compound.is_none() {
                    targets = if self.options.petrarch_roles {
                        // from the verb: "allowed that Mordor isn't a really pleasant"
                        self.first_actor_after(a, disc, sentence, m.head + 1, m.slots.source)
                    } else {
                        self.direct_object(a, disc, sentence, m.end, &sources)
                    };
                }
                // an object relative clause: "a resolution *which Russia
                // vetoed*", "a move *Israel called* a reward for terrorism"
                if targets.is_empty()
                    && !m.slots.has_target_slot
                    && m.slots.compound.is_none()
                    && !self.options.petrarch_roles
                {
                    if let roles::Subject::Np(k) = subj_found {
                        targets = self.relative_object(a, disc, sentence, k, &sources);
                    }
                }
            }
        } else {
            // event noun
            if let Some(k) = a.np_of[m.head] {
                let np = &a.nps[k as usize];
                let words: Vec<&str> = a.toks[np.start..m.head]
                    .iter()
                    .map(|t| t.lower.as_ref())
                    .collect();
                if words.iter().any(|w| IRREALIS_MODIFIERS.contains(w))
                    || words.first() == Some(&"no")
                {
                    negated = true;
                }
                if sources.is_empty() {
                    let modified = a.mentions.iter().any(|x| {
                        x.start >= np.start
                            && x.end <= m.head
                            && matches!(x.kind, crate::analysis::MentionKind::Actor(_))
                    });
                    if modified && !np.actors.is_empty() {
                        sources = np.actors.clone();
                    } else if let Some(p) = &np.possessor {
                        sources = vec![p.clone()];
                    }
                }
                if sources.is_empty() {
                    // after the pattern, or inside it ("attacks by X on Y")
                    let by = roles::by_agent(a, m.end).or_else(|| {
                        roles::by_agent(a, m.head + 1).filter(|&k| a.nps[k as usize].end <= m.end)
                    });
                    if let Some(k2) = by {
                        sources = resolve_np(k2);
                    }
                }
                if sources.is_empty() {
                    if let Some(v) = roles::governing_light_verb(a, &self.lex, np.start) {
                        let g = roles::verb_group(a, &self.lex, v);
                        negated |= g.negated || (g.irrealis && !g.future);
                        intent |= g.irrealis && g.future;
                        sources = self.subject_actors(
                            a,
                            disc,
                            sentence,
                            roles::subject(a, &self.lex, g.start, 0),
                        );
                    }
                }
                // "A and B agreed … *after talks* in Beijing": an event noun in
                // a circumstance phrase belongs to the clause's compound subject
                // (one actor alone gives no target, so nothing is coded)
                if sources.is_empty()
                    && m.slots.compound.is_none()
                    && m.slots.target.is_none()
                    && !self.options.petrarch_roles
                {
                    if let Some(v) = roles::circumstance_verb(a, np.start) {
                        let g = roles::verb_group(a, &self.lex, v);
                        let subj = self.subject_actors(
                            a,
                            disc,
                            sentence,
                            roles::subject(a, &self.lex, g.start, 0),
                        );
                        if subj.len() >= 2 {
                            sources = subj;
                        }
                    }
                }
                // a noun pattern that names its source ("at the request of
                // $") acts on the subject of the clause it sits in: "Canada
                // arrested Meng at the request of the United States"
                if m.slots.source.is_some()
                    && targets.is_empty()
                    && !m.slots.has_target_slot
                    && !self.options.petrarch_roles
                {
                    let verb = (0..np.start)
                        .rev()
                        .take(15)
                        .take_while(|&j| !matches!(a.toks[j].lower.as_ref(), ";" | ":"))
                        .find(|&j| a.tags[j] == Tag::Verb && a.np_of[j].is_none());
                    if let Some(v) = verb {
                        let g = roles::verb_group(a, &self.lex, v);
                        targets = self.subject_actors(
                            a,
                            disc,
                            sentence,
                            roles::subject(a, &self.lex, g.start, 0),
                        );
                    }
                }
                // "the talks were postponed"
                // the verb group right after the event noun: "the talks were postponed", "a blockade would …"
                let after = a.toks[m.end.min(a.toks.len())..]
                    .iter()
                    .zip(&a.tags[m.end.min(a.toks.len())..])
                    .take_while(|(_, t)| {
                        matches!(t, Tag::Aux | Tag::Modal | Tag::Adv | Tag::Neg | Tag::Verb)
                    })
                    .take(5);
                if after
                    .clone()
                    .any(|(w, _)| UNDOING_VERBS.contains(&w.lower.as_ref()))
                {
                    negated = true;
                }
                // the verb governing the phrase, past coordinated phrases:
                // "demanded a ceasefire and a full Israeli withdrawal"
                let gov = (0..np.start)
                    .rev()
                    .take(12)
                    .take_while(|&k| !matches!(a.toks[k].lower.as_ref(), "," | ";" | ":" | "that"))
                    .find(|&k| a.tags[k] == Tag::Verb && a.np_of[k].is_none());
                if gov.is_some_and(|k| UNDOING_VERBS.contains(&a.toks[k].lower.as_ref())) {
                    negated = true;
                }
                negated |= roles::conditional(a, m.head) || roles::unasserted_complement(a, m.head);
            }
        }
        if negated && !self.options.keep_negated {
            return;
        }
        let (mut code_st, mut code_ts) = match &pattern.code {
            EventCode::Code(c) => (c.clone(), None),
            EventCode::Paired(x, y) => (x.clone(), Some(y.clone())),
            EventCode::Null => return,
        };
        // protesters who storm, clash or attack are protesting violently
        // (CAMEO 145), not waging war: "protesters stormed parliament",
        // "demonstrators clashed with riot police"
        if matches!(code_st.get(..2), Some("18" | "19"))
            && !self.options.petrarch_roles
            && !sources.is_empty()
            && sources.iter().all(|s| protesters(a, s))
        {
            code_st = "145".to_string();
            code_ts = None;
        }
        if intent && !negated {
            match self.intent_code(&code_st) {
                Some(c) => {
                    code_st = c;
                    code_ts = None;
                }
                // no intent code for it ("will criticise"): unasserted
                None if self.options.keep_negated => negated = true,
                None => return,
            }
        }
        // appeals, intents, demands, threats and hopes or fears aim at the
        // actor of their complement: "threatened to resume attacks on Israeli ships",
        // "demanded that Russia halt its offensive"
        if targets.is_empty()
            && !m.slots.has_target_slot
            && m.slots.compound.is_none()
            && !self.options.petrarch_roles
            && (matches!(code_st.get(..2), Some("02" | "03" | "10" | "13"))
                || matches!(code_st.get(..3), Some("012" | "013")))
        {
            targets = self.complement_actor(a, disc, sentence, m.end, &sources);
        }
        // the victims named inside the pattern: "tortured detainees",
        // "massacred hundreds of civilians", "fired tear gas at protesters"
        if targets.is_empty()
            && !m.slots.has_target_slot
            && !self.options.petrarch_roles
            && matches!(code_st.get(..2), Some("17" | "18" | "19" | "20"))
        {
            if let Some(x) = a.mentions.iter().find(|x| {
                x.start > m.head
                    && x.end <= m.literal_end
                    && matches!(x.kind, crate::analysis::MentionKind::Agent(_))
            }) {
                if let crate::analysis::MentionKind::Agent(g) = x.kind {
                    let ag = &self.lex.lex.agents[g as usize];
                    targets.push(ActorRef {
                        code: format!("---{}", ag.code),
                        entry: None,
                        start: x.start,
                        end: x.end,
                        agent_only: true,
                    });
                }
            }
        }
        // protests aim at what they are "against", however far in the clause
        if targets.is_empty()
            && !m.slots.has_target_slot
            && !self.options.petrarch_roles
            && code_st.starts_with("14")
        {
            let against = (m.end..a.toks.len().min(m.end + 16))
                .take_while(|&j| !matches!(a.toks[j].lower.as_ref(), ";" | "." | ","))
                .find(|&j| a.toks[j].lower.as_ref() == "against");
            if let Some(j) = against {
                if let Some((k, _)) = matcher::slot_np(a, j + 1) {
                    targets = self.np_actors(a, disc, sentence, k);
                }
            }
        }
        // an event noun with no participants of its own takes a later
        // "between A and B" in the sentence ("negotiations took place in Oman
        // and were the first between the two countries")
        let mut compound = m.slots.compound;
        if compound.is_none() && !head_is_verb && sources.is_empty() && targets.is_empty() {
            compound = (m.end..a.toks.len())
                .find(|&j| a.toks[j].lower.as_ref() == "between" && !consumed[j])
                .and_then(|j| a.np_starting(j + 1).map(|_| a.np_of[j + 1].unwrap_or(0)));
        }
        // compound "%": every member acts on every other
        if let Some(k) = compound {
            let members = resolve_np(k);
            if sources.is_empty() && targets.is_empty() {
                for s in &members {
                    for t in &members {
                        if s.code != t.code {
                            self.push(out, s.clone(), Some(t.clone()), &code_st, negated, &m);
                        }
                    }
                }
                return;
            }
            // "Oman mediated between A and B": members are targets
            if targets.is_empty() {
                targets = members;
            }
        }
        // a coordinated clause of the same kind with no one named takes the
        // other side from the clause before: "Bolivia cut ties with Israel,
        // and Chile recalled its ambassador"; "Pakistani troops violated the
        // ceasefire, and Indian soldiers retaliated" (the other side is then
        // the earlier source)
        if targets.is_empty()
            && head_is_verb
            && !m.slots.has_target_slot
            && m.slots.compound.is_none()
            && !self.options.petrarch_roles
        {
            targets = self.parallel_target(a, out, &m, &code_st, &sources);
        }
        // (PETRARCH leaves agent-only actors as they are: `---EDU`)
        if !self.options.petrarch_roles {
            self.share_country(&mut sources);
            self.share_country(&mut targets);
            disc.localize(&mut sources);
            disc.localize(&mut targets);
            disc.domestic(&mut sources, &mut targets, &self.lex.countries);
            // concessions and repression with no one named act on the
            // source's own country: "Ethiopia declared a state of emergency",
            // "Peru's government declared a state of emergency in Lima"
            // protests with no one named are against the protesters' own
            // government: "thousands rallied in Minsk"
            if code_st.starts_with("14") && targets.is_empty() && m.slots.compound.is_none() {
                targets = self
                    .own_countries(&sources, true)
                    .into_iter()
                    .map(|t| ActorRef {
                        code: format!("{}GOV", t.code),
                        entry: t.entry,
                        ..t
                    })
                    .filter(|t| !sources.iter().any(|s| s.code == t.code))
                    .collect();
            }
            if matches!(code_st.get(..2), Some("08" | "17")) && m.slots.compound.is_none() {
                let same = !targets.is_empty()
                    && targets
                        .iter()
                        .all(|t| sources.iter().any(|s| s.code == t.code));
                if targets.is_empty() || same {
                    targets = self.own_countries(&sources, false);
                }
                // "Thailand declared martial law", "Sri Lanka lifted the state
                // of emergency": a country imposing or easing measures on
                // itself is its government acting on the country
                let domestic = matches!(code_st.get(..3), Some("081" | "172"));
                if targets.is_empty() && domestic {
                    for s in sources.iter_mut().filter(|s| {
                        s.code.len() == 3 && self.lex.countries.contains(s.code.as_str())
                    }) {
                        targets.push(s.clone());
                        s.code = format!("{}GOV", s.code);
                    }
                }
            }
        }
        // "A and B held talks", "A and B signed a deal": a cooperative event
        // among the members of a compound subject
        let cooperative =
            code_ts.is_some() || matches!(code_st.get(..2), Some("03" | "04" | "05" | "06"));
        // "A and B accused each other of …": any event, both ways
        let w = |k: usize| a.toks.get(k).map_or("", |t| t.lower.as_ref());
        let mutual = (m.start..m.end + 3)
            .any(|k| matches!((w(k), w(k + 1)), ("each", "other") | ("one", "another")));
        let mutual = mutual && !self.options.petrarch_roles;
        if mutual && sources.len() >= 2 {
            targets.clear();
        }
        if targets.is_empty() && sources.len() >= 2 && (cooperative || mutual) {
            for s in &sources {
                for t in &sources {
                    if s.code != t.code
                        && (self.options.allow_agent_only || !(s.agent_only || t.agent_only))
                    {
                        self.push(out, s.clone(), Some(t.clone()), &code_st, negated, &m);
                    }
                }
            }
            return;
        }
        let sources: Vec<ActorRef> = sources
            .into_iter()
            .filter(|s| self.options.allow_agent_only || !s.agent_only)
            .collect();
        let targets: Vec<ActorRef> = targets
            .into_iter()
            .filter(|s| self.options.allow_agent_only || !s.agent_only)
            .collect();
        for s in &sources {
            if targets.is_empty() {
                if !self.options.require_target {
                    self.push(out, s.clone(), None, &code_st, negated, &m);
                }
                continue;
            }
            for t in &targets {
                if s.code == t.code {
                    continue;
                }
                self.push(out, s.clone(), Some(t.clone()), &code_st, negated, &m);
                if let Some(back) = &code_ts {
                    self.push(out, t.clone(), Some(s.clone()), back, negated, &m);
                }
            }
        }
        // "X hosted A and B for talks": the guests meet each other at a third
        // party's (044), besides being hosted
        let for_talks = (m.head..m.literal_end).any(|k| {
            matches!(
                a.toks[k].lower.as_ref(),
                "talks" | "negotiations" | "summit" | "meeting" | "peace talks"
            )
        });
        if code_st.starts_with("043") && for_talks && !self.options.petrarch_roles {
            for x in &targets {
                for y in &targets {
                    if x.code.get(..3) != y.code.get(..3) {
                        self.push(out, x.clone(), Some(y.clone()), "044", negated, &m);
                    }
                }
            }
        }
    }

    fn push(
        &self,
        out: &mut Vec<RawEvent>,
        source: ActorRef,
        target: Option<ActorRef>,
        code: &str,
        negated: bool,
        m: &PatternMatch,
    ) {
        let dup = out.iter().any(|e| {
            e.code == code
                && e.source.code == source.code
                && e.target.as_ref().map(|t| &t.code) == target.as_ref().map(|t| &t.code)
        });
        if !dup {
            out.push(RawEvent {
                source,
                target,
                code: code.to_string(),
                negated,
                m: m.clone(),
            });
        }
    }

    /// The actors a reduced relative ("talks in Jeddah *mediated by* X",
    /// "ships *seized by* Iran") is about: the noun phrase it follows, past a
    /// place phrase; when that phrase names no one ("talks"), the subject of
    /// the clause it belongs to ("A and B agreed … during talks mediated by X").
    fn reduced_relative_head(
        &self,
        a: &Analysis,
        disc: &Discourse,
        sentence: usize,
        head: usize,
    ) -> Vec<ActorRef> {
        let Some(mut k) = a.np_of[head - 1] else {
            return Vec::new();
        };
        for _ in 0..2 {
            let np = &a.nps[k as usize];
            let locative = np.start >= 2
                && matches!(a.toks[np.start - 1].lower.as_ref(), "in" | "at" | "near");
            match a.np_ending(np.start - 1.min(np.start)).filter(|_| locative) {
                Some(_) => k = a.np_of[np.start - 2].unwrap_or(k),
                None => break,
            }
        }
        let found = self.np_actors(a, disc, sentence, k);
        if !found.is_empty() {
            return found;
        }
        let np = &a.nps[k as usize];
        match roles::circumstance_verb(a, np.start) {
            Some(v) => {
                let g = roles::verb_group(a, &self.lex, v);
                self.subject_actors(a, disc, sentence, roles::subject(a, &self.lex, g.start, 0))
            }
            None => Vec::new(),
        }
    }

    /// The actors of a noun phrase, with story references resolved.
    fn np_actors(&self, a: &Analysis, disc: &Discourse, sentence: usize, k: u32) -> Vec<ActorRef> {
        let np = &a.nps[k as usize];
        match np.anaphor {
            Some(Anaphor::Pair) => {
                if let Some((x, y)) = &disc.last_pair {
                    return vec![x.at(np.start, np.end), y.at(np.start, np.end)];
                }
            }
            Some(Anaphor::Group) => {
                if let Some(g) = disc.the_group(sentence) {
                    return vec![g.at(np.start, np.end)];
                }
            }
            None => {}
        }
        np.actors_or_possessor()
    }

    fn subject_actors(
        &self,
        a: &Analysis,
        disc: &Discourse,
        sentence: usize,
        s: Subject,
    ) -> Vec<ActorRef> {
        match s {
            Subject::Np(k) => {
                let np = &a.nps[k as usize];
                // "the group" etc. resolve; a possessor is not a subject ("Iran's programme grew")
                if np.anaphor.is_some() || self.options.petrarch_roles {
                    return self.np_actors(a, disc, sentence, k);
                }
                np.actors.clone()
            }
            Subject::Pronoun(p) => {
                // the most recent subject earlier in this sentence, else the story's
                for (k, np) in a.nps.iter().enumerate().rev() {
                    if np.end <= p
                        && np.actors.iter().any(|x| !x.agent_only)
                        && roles::in_subject_position(a, k as u32)
                    {
                        return np
                            .actors
                            .iter()
                            .map(|x| ActorRef {
                                start: p,
                                end: p + 1,
                                ..x.clone()
                            })
                            .collect();
                    }
                }
                disc.recent_subject(sentence)
                    .map(|v| v.iter().map(|r| r.at(p, p + 1)).collect())
                    .unwrap_or_default()
            }
            Subject::None => Vec::new(),
        }
    }

    /// The first actor after token `from` in its clause (PETRARCH's target:
    /// the first actor in the verb phrase, objects and prepositional phrases
    /// alike), up to clause punctuation or a comma before a new clause, other
    /// than noun phrase `skip`.
    fn first_actor_after(
        &self,
        a: &Analysis,
        disc: &Discourse,
        sentence: usize,
        from: usize,
        skip: Option<u32>,
    ) -> Vec<ActorRef> {
        for j in from..a.toks.len() {
            if matches!(a.toks[j].lower.as_ref(), ";" | ":" | "--") {
                break;
            }
            // ", a senior official said": a new clause
            if a.toks[j].lower.as_ref() == "," {
                let clause = a.np_starting(j + 1).is_some_and(|np| {
                    a.tags
                        .get(np.end)
                        .is_some_and(|t| matches!(t, Tag::Verb | Tag::Aux | Tag::Modal))
                });
                if clause {
                    break;
                }
            }
            if let Some(k) = a.np_of[j].filter(|&k| a.nps[k as usize].start == j && Some(k) != skip)
            {
                let found = self.np_actors(a, disc, sentence, k);
                if !found.is_empty() {
                    return found;
                }
            }
        }
        Vec::new()
    }

    /// The CAMEO code for announcing the act `code` codes: intents (03) for
    /// cooperation and concessions, threats (13) for sanctions, repression
    /// and force; None where CAMEO has no such code (statements, appeals,
    /// criticism, rejections, demands, investigations, force posture).
    fn intent_code(&self, code: &str) -> Option<String> {
        let sub = |c: &str| code.get(2..3).map(|d| format!("{c}{d}"));
        let pick = |specific: Option<String>, general: &str| {
            specific
                .filter(|c| self.ontology.get(c).is_some())
                .unwrap_or_else(|| general.to_string())
        };
        let c = match code.get(..2)? {
            "03" | "13" => code.to_string(),
            "04" if code.starts_with("045") => "039".to_string(),
            "04" => "036".to_string(),
            "05" => "032".to_string(),
            "06" => pick(sub("031"), "031"),
            "07" => pick(sub("033"), "033"),
            "08" => pick(
                match code.get(..3) {
                    Some("081") => Some("0351".to_string()),
                    Some("082") => Some("0352".to_string()),
                    Some("084") => Some("0353".to_string()),
                    Some("085") => Some("0354".to_string()),
                    Some("086") => Some("0355".to_string()),
                    Some("087") => Some("0356".to_string()),
                    _ => None,
                },
                "035",
            ),
            "14" => "133".to_string(),
            "16" => match code.get(..3) {
                Some("161") => "1313".to_string(),
                Some("163") => "1312".to_string(),
                _ => "1311".to_string(),
            },
            "17" if code.starts_with("172") => {
                pick(code.get(3..4).map(|d| format!("132{d}")), "132")
            }
            "17" => "137".to_string(),
            "18" => "1383".to_string(),
            "19" if code.starts_with("191") => "1381".to_string(),
            "19" if code.starts_with("192") => "1382".to_string(),
            "19" | "20" => "138".to_string(),
            _ => return None,
        };
        self.ontology.get(&c).is_some().then_some(c)
    }

    /// The other side of the last event of the same root earlier in the
    /// sentence, when a coordinating word separates the two clauses.
    fn parallel_target(
        &self,
        a: &Analysis,
        earlier: &[RawEvent],
        m: &PatternMatch,
        code: &str,
        sources: &[ActorRef],
    ) -> Vec<ActorRef> {
        let Some(prev) = earlier
            .iter()
            .rev()
            .find(|e| e.m.end <= m.start && e.code.get(..2) == code.get(..2))
        else {
            return Vec::new();
        };
        // a clause of its own: the coordinator stands right before this
        // clause's subject (not "… and sent ships", a shared subject)
        let coordinated = sources.first().is_some_and(|s| {
            let start = a.np_of[s.start].map_or(s.start, |k| a.nps[k as usize].start);
            start > prev.m.end
                && start < m.start
                && matches!(
                    a.toks[start - 1].lower.as_ref(),
                    "and" | "while" | ";" | "but" | "whereas"
                )
        });
        let Some(t) = prev.target.as_ref().filter(|_| coordinated) else {
            return Vec::new();
        };
        let country = |c: &str| c.get(..3).map(str::to_string);
        let same = sources
            .iter()
            .any(|s| country(&s.code) == country(&t.code) && !s.agent_only);
        let other = if same { &prev.source } else { t };
        if sources.iter().any(|s| s.code == other.code) {
            return Vec::new();
        }
        vec![other.clone()]
    }

    /// In a coordination, an actor known only by an agent noun takes the
    /// country of the first member that has one: "Ukraine and separatists",
    /// "Sudan's army and paramilitary forces".
    fn share_country(&self, actors: &mut [ActorRef]) {
        let Some(country) = actors.iter().find_map(|x| {
            x.code
                .get(..3)
                .filter(|c| !x.agent_only && self.lex.countries.contains(*c))
                .map(str::to_string)
        }) else {
            return;
        };
        for x in actors.iter_mut().filter(|x| x.agent_only) {
            if let Some(rest) = x.code.strip_prefix("---") {
                x.code = format!("{country}{rest}");
                x.agent_only = false;
            }
        }
    }

    /// The bare countries of `actors`, anchored on their spans (an actor that
    /// is itself a bare country gives none unless `same` allows it).
    fn own_countries(&self, actors: &[ActorRef], same: bool) -> Vec<ActorRef> {
        let mut out: Vec<ActorRef> = Vec::new();
        for x in actors {
            let Some(c) = x.code.get(..3).filter(|c| self.lex.countries.contains(*c)) else {
                continue;
            };
            if (x.code == c && !same) || out.iter().any(|o| o.code == c) {
                continue;
            }
            let entry = self
                .lex
                .lex
                .actors
                .iter()
                .position(|e| e.default.as_deref() == Some(c))
                .map(|p| p as u32);
            out.push(ActorRef {
                code: c.to_string(),
                entry,
                start: x.start,
                end: x.end,
                agent_only: false,
            });
        }
        out
    }

    /// The first actor within the clause after `from` (up to 12 tokens,
    /// stopping at an adjunct: "agreed to a truce *during* talks mediated by …"),
    /// other than the source: the aim of an appeal, intent, demand or threat.
    fn complement_actor(
        &self,
        a: &Analysis,
        disc: &Discourse,
        sentence: usize,
        from: usize,
        sources: &[ActorRef],
    ) -> Vec<ActorRef> {
        let end = a.toks.len().min(from + 12);
        let mut j = from;
        while j < end {
            if matches!(a.toks[j].lower.as_ref(), ";" | "." | "," | ":" | "“" | "”")
                || ADJUNCT_MARKERS.contains(&a.toks[j].lower.as_ref())
            {
                break;
            }
            if let Some(np) = a.np_starting(j) {
                let k = a.np_of[j].unwrap_or(0);
                let actors = self.np_actors(a, disc, sentence, k);
                let fresh: Vec<ActorRef> = actors
                    .into_iter()
                    .filter(|x| !sources.iter().any(|s| s.code == x.code))
                    .collect();
                if !fresh.is_empty() {
                    return fresh;
                }
                j = np.end;
                continue;
            }
            j += 1;
        }
        Vec::new()
    }

    /// The direct object right after a verb pattern (skipping adverbs); an
    /// object pronoun ("accused *them*", "froze *his* assets") stands for
    /// the latest actor before it other than the source.
    fn direct_object(
        &self,
        a: &Analysis,
        disc: &Discourse,
        sentence: usize,
        from: usize,
        sources: &[ActorRef],
    ) -> Vec<ActorRef> {
        let mut j = from;
        while j < a.toks.len() && a.tags[j] == Tag::Adv {
            j += 1;
        }
        if let Some(t) = a.toks.get(j) {
            let pronoun = matches!(t.lower.as_ref(), "him" | "her" | "them")
                || (matches!(t.lower.as_ref(), "his" | "her" | "their")
                    && a.np_starting(j).is_some_and(|np| np.actors.is_empty()));
            if pronoun {
                return self.antecedent(a, j, sources);
            }
        }
        // "deported hundreds of thousands of Afghan migrants", "killed at least 43"
        if a.toks.get(j).is_some_and(|t| t.lower.as_ref() == "of") {
            j += 1;
        }
        // "killed at least 43", "detained more than 6,000 soldiers", "up to 20"
        let w = |k: usize| a.toks.get(k).map(|t| t.lower.as_ref()).unwrap_or("");
        if a.np_starting(j).is_none()
            && matches!(
                (w(j), w(j + 1)),
                ("at", "least") | ("more" | "fewer" | "less", "than") | ("up", "to")
            )
        {
            j += if w(j) == "at" { 1 } else { 2 };
        }
        // "shot and wounded the activist": coordinated verbs share the object
        if a.toks
            .get(j)
            .is_some_and(|t| matches!(t.lower.as_ref(), "and" | "or"))
            && a.tags.get(j + 1).is_some_and(|t| *t == Tag::Verb)
        {
            j += 2;
        }
        if let Some((k, _)) = matcher::slot_np(a, j) {
            return self.np_actors(a, disc, sentence, k);
        }
        // no object: a directional phrase right after the pattern
        // ("recalled its ambassadors from Washington", "sent troops into Syria")
        if a.toks.get(j).is_some_and(|t| {
            matches!(
                t.lower.as_ref(),
                "from" | "to" | "into" | "inside" | "against" | "toward" | "towards"
            )
        }) {
            if let Some((k, _)) = matcher::slot_np(a, j + 1) {
                return self.np_actors(a, disc, sentence, k);
            }
        }
        Vec::new()
    }

    /// The antecedent of an object relative clause whose subject is noun
    /// phrase `subj` ("the resolution, which Russia vetoed" → the
    /// resolution's actors). When the antecedent names an act ("a move
    /// Israel called …", "an allegation Riyadh rejected"), the act's actor:
    /// the subject of the clause before it.
    fn relative_object(
        &self,
        a: &Analysis,
        disc: &Discourse,
        sentence: usize,
        subj: u32,
        sources: &[ActorRef],
    ) -> Vec<ActorRef> {
        let np = &a.nps[subj as usize];
        let is_act = |j: usize| {
            let w = a.toks[j].lower.as_ref();
            ACT_NOUNS.contains(&w) || ACT_NOUNS.contains(&w.strip_suffix('s').unwrap_or(w))
        };
        // "a move Israel called …" chunks as one phrase: the act noun, then
        // the clause's subject
        if let Some(act) = (np.start..np.end).find(|&j| {
            is_act(j)
                && a.mentions.iter().any(|x| {
                    x.start == j + 1 && matches!(x.kind, crate::analysis::MentionKind::Actor(_))
                })
        }) {
            return self.act_actor(a, disc, sentence, act, sources);
        }
        let mut e = np.start;
        if e > 0 && matches!(a.toks[e - 1].lower.as_ref(), "which" | "that" | "whom") {
            e -= 1;
        }
        let Some(ante) = a.np_ending(e) else {
            return Vec::new();
        };
        if ante.start > 0 && a.tags[ante.start - 1] == Tag::Prep {
            return Vec::new();
        }
        let k = a.np_of[ante.start].unwrap_or(0);
        let named = self.np_actors(a, disc, sentence, k);
        let fresh = |v: Vec<ActorRef>| -> Vec<ActorRef> {
            v.into_iter()
                .filter(|x| !sources.iter().any(|s| s.code == x.code))
                .collect()
        };
        if !named.is_empty() {
            return fresh(named);
        }
        if !is_act(ante.end - 1) {
            return Vec::new();
        }
        self.act_actor(a, disc, sentence, ante.start, sources)
    }

    /// Who did the act named by a noun at `at` that comments on the clause
    /// before it ("X recognised …, a move …"): that clause's subject.
    fn act_actor(
        &self,
        a: &Analysis,
        disc: &Discourse,
        sentence: usize,
        at: usize,
        sources: &[ActorRef],
    ) -> Vec<ActorRef> {
        let main = (0..at)
            .rev()
            .find(|&j| a.tags[j] == Tag::Verb && a.np_of[j].is_none());
        let Some(v) = main else {
            return Vec::new();
        };
        let g = roles::verb_group(a, &self.lex, v);
        self.subject_actors(a, disc, sentence, roles::subject(a, &self.lex, g.start, 0))
            .into_iter()
            .filter(|x| !sources.iter().any(|s| s.code == x.code))
            .collect()
    }

    /// The latest noun phrase before token `p` that names actors other than
    /// `sources` and is not a place phrase ("at a Cairo hotel"): what an
    /// object pronoun at `p` refers to.
    fn antecedent(&self, a: &Analysis, p: usize, sources: &[ActorRef]) -> Vec<ActorRef> {
        for np in a.nps.iter().rev().filter(|np| np.end <= p) {
            let place = np.start > 0
                && matches!(
                    a.toks[np.start - 1].lower.as_ref(),
                    "in" | "at" | "near" | "on" | "from" | "outside" | "inside"
                );
            let found: Vec<ActorRef> = np
                .actors
                .iter()
                .filter(|x| !x.agent_only && !sources.iter().any(|s| s.code == x.code))
                .cloned()
                .collect();
            if !place && !found.is_empty() {
                return found;
            }
        }
        Vec::new()
    }

    /// Remembers the last pair of distinct countries in an event ("the two countries").
    fn remember_pair(&self, raw: &[RawEvent], disc: &mut Discourse) {
        for e in raw {
            let Some(t) = &e.target else { continue };
            let (sc, _) = split_code(&e.source.code, |c| self.lex.countries.contains(c));
            let (tc, _) = split_code(&t.code, |c| self.lex.countries.contains(c));
            if let (Some(sc), Some(tc)) = (sc, tc) {
                if sc != tc {
                    let find = |c: &str| self.lex.first_actor_with_code(c);
                    disc.last_pair = Some((
                        Remembered {
                            code: sc.to_string(),
                            entry: find(sc),
                        },
                        Remembered {
                            code: tc.to_string(),
                            entry: find(tc),
                        },
                    ));
                    return;
                }
            }
        }
    }

    /// Updates the story memory after a sentence.
    fn remember(&self, a: &Analysis, disc: &mut Discourse, sentence: usize) {
        for (k, np) in a.nps.iter().enumerate() {
            for x in &np.actors {
                if is_group(&x.code) && !x.agent_only {
                    disc.groups.push((
                        sentence,
                        Remembered {
                            code: x.code.clone(),
                            entry: x.entry,
                        },
                    ));
                }
            }
            if roles::in_subject_position(a, k as u32) && np.actors.iter().any(|x| !x.agent_only) {
                let v = np
                    .actors
                    .iter()
                    .map(|x| Remembered {
                        code: x.code.clone(),
                        entry: x.entry,
                    })
                    .collect();
                disc.subjects.push((sentence, v));
                break;
            }
        }
    }

    /// Turns raw events into records.
    fn records(
        &self,
        doc: &Document,
        sentence_index: usize,
        sent: &str,
        a: &Analysis,
        raw: Vec<RawEvent>,
        out: &mut Vec<EventRecord>,
    ) {
        let char_at = |byte: u32| sent[..byte as usize].chars().count();
        let span_of = |start: usize, end: usize| -> (String, usize, usize) {
            let (bs, be) = (a.toks[start].start, a.toks[end - 1].end);
            (
                sent[bs as usize..be as usize].to_string(),
                char_at(bs),
                char_at(be),
            )
        };
        let actor = |r: &ActorRef| -> RecordActor {
            let (text, start, end) = span_of(r.start, r.end.max(r.start + 1));
            let (country, sector) = split_code(&r.code, |c| self.lex.countries.contains(c));
            RecordActor {
                code: r.code.clone(),
                country: country.map(str::to_string),
                sector: sector.map(str::to_string),
                name: r
                    .entry
                    .map(|e| self.lex.lex.actors[e as usize].name.clone()),
                text,
                start,
                end,
            }
        };
        for (n, e) in raw.into_iter().enumerate() {
            let (date, precision) = self.event_date(doc.date, a, e.m.head);
            let (root, quad, goldstein) = match self.ontology.get(&e.code) {
                Some(c) => (
                    e.code[..2.min(e.code.len())].to_string(),
                    c.quad_class,
                    c.goldstein,
                ),
                None => {
                    let root = e.code.get(..2).unwrap_or(&e.code).to_string();
                    let r = self.ontology.get(&root);
                    (
                        root,
                        r.map(|c| c.quad_class).unwrap_or(0),
                        r.map(|c| c.goldstein).unwrap_or(0.0),
                    )
                }
            };
            let (ttext, tstart, tend) =
                span_of(e.m.start.min(e.m.head), e.m.literal_end.max(e.m.head + 1));
            let pattern = &self.lex.lex.patterns[e.m.pattern as usize];
            out.push(EventRecord {
                id: format!("{}:{}:{}", doc.id, sentence_index, n),
                doc_id: doc.id.clone(),
                sentence_index,
                sentence: sent.to_string(),
                date: date.format("%Y-%m-%d").to_string(),
                date_precision: precision,
                source: actor(&e.source),
                target: e.target.as_ref().map(actor),
                plover: self.ontology.plover(&e.code).map(str::to_string),
                cameo: e.code,
                cameo_root: root,
                quad_class: quad,
                goldstein,
                negated: e.negated,
                evidence: Evidence {
                    trigger: Span {
                        text: ttext,
                        start: tstart,
                        end: tend,
                    },
                    rule: pattern.origin.to_string(),
                },
                coder: self.coder_id.clone(),
            });
        }
    }

    /// The date of an event at token `head`: the nearest anchoring time
    /// expression in the sentence, else the story date.
    fn event_date(&self, story: NaiveDate, a: &Analysis, head: usize) -> (NaiveDate, Precision) {
        a.times
            .iter()
            .filter(|t| t.anchors)
            .min_by_key(|t| {
                if t.start >= head {
                    t.start - head
                } else {
                    head - t.end + 1
                }
            })
            .map(|t| (t.date, t.precision))
            .unwrap_or((story, Precision::Story))
    }
}
