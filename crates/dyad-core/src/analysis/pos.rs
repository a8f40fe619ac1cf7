//! A small rule-based part-of-speech tagger.
//!
//! Closed-class words come from tables; open-class words are told apart
//! (verb versus noun-phrase word) from their suffix and their neighbours, which
//! is what the coder needs: "Houthi *attacks* on ships" (noun) versus "the US
//! *attacks* Iraq" (verb), "held *talks*" (noun) versus "Iran *talks* with"
//! (verb). The README reports its accuracy on a hand-tagged sample.

/// Coarse part-of-speech tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tag {
    /// the, a, this, some.
    Det,
    /// he, it, they, us.
    Pron,
    /// his, its, their.
    PossPron,
    /// of, in, on, with.
    Prep,
    /// and, or, but.
    Conj,
    /// that, whether, if, because, while, when.
    Sub,
    /// which, who, whom, whose.
    Rel,
    /// to.
    To,
    /// be, have, do forms.
    Aux,
    /// will, would, can, could …
    Modal,
    /// not, n't, never.
    Neg,
    /// Adverb.
    Adv,
    /// Adjective.
    Adj,
    /// Common noun.
    Noun,
    /// Proper noun.
    Propn,
    /// Verb.
    Verb,
    /// Number.
    Num,
    /// Possessive 's.
    Poss,
    /// Punctuation.
    Punct,
}

impl Tag {
    /// Whether the tag can sit inside a noun phrase.
    pub fn in_np(self) -> bool {
        matches!(
            self,
            Tag::Det | Tag::PossPron | Tag::Adj | Tag::Noun | Tag::Propn | Tag::Num | Tag::Poss
        )
    }
}

/// The tag of a closed-class word (lower case), if it is one.
pub fn closed_class(lower: &str) -> Option<Tag> {
    Some(match lower {
        "the" | "a" | "an" | "this" | "these" | "those" | "some" | "any" | "no" | "every"
        | "each" | "all" | "both" | "either" | "neither" | "another" | "several" | "many"
        | "few" | "most" | "other" | "such" | "much" | "more" | "less" | "fewer" => Tag::Det,
        "i" | "you" | "he" | "she" | "it" | "we" | "they" | "me" | "him" | "us" | "them"
        | "itself" | "himself" | "herself" | "themselves" | "ourselves" | "one" | "someone"
        | "anyone" | "nobody" | "everyone" | "something" | "nothing" => Tag::Pron,
        "my" | "your" | "his" | "her" | "its" | "our" | "their" => Tag::PossPron,
        "of" | "in" | "on" | "at" | "by" | "for" | "with" | "about" | "against" | "between"
        | "among" | "amongst" | "into" | "onto" | "from" | "over" | "under" | "after"
        | "before" | "during" | "since" | "until" | "till" | "through" | "throughout"
        | "across" | "along" | "alongside" | "amid" | "amidst" | "despite" | "toward"
        | "towards" | "near" | "within" | "without" | "behind" | "beyond" | "upon" | "via"
        | "per" | "including" | "regarding" | "concerning" | "off" | "out" | "up" | "down"
        | "around" | "outside" | "inside" | "as" | "like" | "unlike" | "than" | "following"
        | "besides" | "beside" | "versus" | "vs." => Tag::Prep,
        "and" | "or" | "but" | "nor" | "plus" | "&" => Tag::Conj,
        "that" | "whether" | "if" | "because" | "although" | "though" | "while" | "when"
        | "where" | "unless" | "whereas" | "once" | "so" | "whenever" | "why" | "how" | "what" => {
            Tag::Sub
        }
        "which" | "who" | "whom" | "whose" => Tag::Rel,
        "to" => Tag::To,
        "be" | "am" | "is" | "are" | "was" | "were" | "been" | "being" | "has" | "have" | "had"
        | "having" | "do" | "does" | "did" | "'re" | "’re" | "'ve" | "’ve" | "'m" | "’m" | "'d"
        | "’d" => Tag::Aux,
        "will" | "would" | "can" | "could" | "may" | "might" | "shall" | "should" | "must"
        | "ca" | "wo" | "'ll" | "’ll" | "ought" | "cannot" => Tag::Modal,
        "not" | "n't" | "n’t" | "never" => Tag::Neg,
        "also" | "already" | "still" | "just" | "only" | "even" | "now" | "then" | "again"
        | "ever" | "very" | "too" | "soon" | "recently" | "however" | "meanwhile" | "instead"
        | "here" | "there" | "later" | "earlier" | "reportedly" | "allegedly" | "repeatedly"
        | "jointly" | "directly" | "indirectly" | "yet" | "almost" | "nearly" | "once again"
        | "further" | "together" | "away" | "back" | "abroad" | "apparently" | "quickly"
        | "formally" | "publicly" | "privately" | "secretly" | "officially" | "unilaterally"
        | "immediately" => Tag::Adv,
        _ => return None,
    })
}

/// What the tagger knows about one token before tagging.
#[derive(Clone, Copy, Debug)]
pub struct TagInput<'a> {
    /// Lower-cased text.
    pub lower: &'a str,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Number token.
    pub number: bool,
    /// Punctuation token.
    pub punct: bool,
    /// Inside an actor or agent mention.
    pub in_mention: bool,
    /// Looks like a past tense or participle (irregular table or -ed).
    pub past: bool,
    /// The lexicon knows the word as a verb (TABARI/PETRARCH verb
    /// dictionaries): a verb unless a determiner, possessive, number or
    /// preposition (or a modifier after one) comes before it.
    pub verb_hint: bool,
}

/// Stems of reporting verbs, which take a "that" clause after a subject.
const REPORTING: &[&str] = &[
    "say",
    "said",
    "told",
    "tell",
    "claim",
    "warn",
    "insist",
    "den",
    "admit",
    "add",
    "note",
    "report",
    "announce",
    "state",
    "believe",
    "argue",
    "fear",
    "allege",
    "confirm",
    "acknowledg",
    "assert",
    "maintain",
    "think",
];

fn is_adj_suffix(w: &str) -> bool {
    [
        "al", "ic", "ive", "ous", "ful", "less", "able", "ible", "ish", "ese", "ian", "ern",
    ]
    .iter()
    .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
}

/// Tags a sentence. `inputs` describes each token.
pub fn tag(inputs: &[TagInput<'_>]) -> Vec<Tag> {
    let n = inputs.len();
    let mut tags = vec![Tag::Noun; n];
    // pass 1: closed classes and obvious open classes
    let mut open = vec![false; n];
    for (i, t) in inputs.iter().enumerate() {
        tags[i] = if t.punct && matches!(t.lower, "$" | "€" | "£" | "¥" | "%") {
            Tag::Num
        } else if t.punct {
            Tag::Punct
        } else if t.number {
            Tag::Num
        } else if t.in_mention {
            if t.cap {
                Tag::Propn
            } else {
                Tag::Noun
            }
        } else if t.lower == "'s" || t.lower == "’s" {
            // possessive after a noun, "is"/"has" after a pronoun
            if i > 0 && matches!(tags[i - 1], Tag::Pron | Tag::Rel | Tag::Sub) {
                Tag::Aux
            } else {
                Tag::Poss
            }
        } else if let Some(tag) = closed_class(t.lower)
            .filter(|_| !(t.cap && i > 0 && t.lower.len() > 1 && !matches!(t.lower, "i")))
        {
            tag
        } else if t.cap && i > 0 {
            Tag::Propn
        } else {
            open[i] = true;
            Tag::Noun
        };
    }
    // "more than 1,200 prisoners", "at least 39 people", "up to 20,000
    // troops", "about 500 protesters": a quantifier before a number is part
    // of the noun phrase, not a preposition
    for i in 0..n.saturating_sub(1) {
        if tags[i + 1] != Tag::Num {
            continue;
        }
        let prev = if i > 0 { inputs[i - 1].lower } else { "" };
        match inputs[i].lower {
            "than" if matches!(prev, "more" | "fewer" | "less") => {
                tags[i - 1] = Tag::Det;
                tags[i] = Tag::Det;
                open[i - 1] = false;
                open[i] = false;
            }
            "least" if prev == "at" => {
                tags[i - 1] = Tag::Det;
                tags[i] = Tag::Det;
                open[i - 1] = false;
                open[i] = false;
            }
            "to" if prev == "up" => {
                tags[i - 1] = Tag::Det;
                tags[i] = Tag::Det;
                open[i - 1] = false;
                open[i] = false;
            }
            "about" | "around" | "nearly" | "almost" | "roughly" | "approximately" => {
                tags[i] = Tag::Det;
                open[i] = false;
            }
            _ => {}
        }
    }
    // "most certainly", "more quickly": degree words before an adverb
    for i in 0..n.saturating_sub(1) {
        let next_adv = tags[i + 1] == Tag::Adv
            || (inputs[i + 1].lower.len() > 4 && inputs[i + 1].lower.ends_with("ly"));
        if matches!(inputs[i].lower, "most" | "more" | "less") && next_adv {
            tags[i] = Tag::Adv;
        }
    }
    // "is ready to", "was eager to", "remains keen to": a bare word between
    // a form of "be" and "to" is a predicate adjective
    for i in 1..n.saturating_sub(1) {
        let be = matches!(
            inputs[i - 1].lower,
            "is" | "are" | "was" | "were" | "be" | "been" | "being" | "remains" | "remained"
        ) || (i > 1
            && matches!(inputs[i - 2].lower, "is" | "are" | "was" | "were" | "be")
            && tags[i - 1] == Tag::Adv);
        let w = inputs[i].lower;
        if open[i]
            && be
            && inputs[i + 1].lower == "to"
            && !inputs[i].cap
            && !inputs[i].past
            && !inputs[i].verb_hint
            && !w.ends_with("ed")
            && !w.ends_with("ing")
            && !w.ends_with('s')
        {
            tags[i] = Tag::Adj;
            open[i] = false;
        }
    }
    // pass 2: open-class words in context
    for i in 0..n {
        if !open[i] {
            continue;
        }
        let w = inputs[i].lower;
        let prev = if i > 0 { Some(tags[i - 1]) } else { None };
        let prev2 = if i > 1 { Some(tags[i - 2]) } else { None };
        let next = inputs.get(i + 1).map(|t| (t, tags[i + 1]));
        let after_det = matches!(
            prev,
            Some(Tag::Det | Tag::PossPron | Tag::Adj | Tag::Num | Tag::Poss)
        );
        // a known verb after a determiner, possessive, number or preposition,
        // or a plural after a modifier ("daylight raids"), is left to the rules
        // below; after a modifier before "to"/"of" it is a noun ("a private visit to")
        let after_modifier = matches!(prev, Some(Tag::Adj | Tag::Noun));
        let nominal = matches!(
            prev,
            None | Some(Tag::Det | Tag::PossPron | Tag::Num | Tag::Poss | Tag::Prep)
        ) || (after_modifier && w.ends_with('s') && !w.ends_with("ss"));
        let noun_before_pp =
            after_modifier && next.is_some_and(|(t, _)| matches!(t.lower, "to" | "of"));
        tags[i] = if inputs[i].verb_hint && noun_before_pp {
            Tag::Noun
        } else if inputs[i].verb_hint && !nominal {
            Tag::Verb
        } else if w.len() > 4
            && w.ends_with("ly")
            && !matches!(
                w,
                "rally"
                    | "ally"
                    | "supply"
                    | "apply"
                    | "reply"
                    | "family"
                    | "assembly"
                    | "july"
                    | "italy"
                    | "anomaly"
                    | "monopoly"
            )
        {
            Tag::Adv
        } else if w.ends_with("ing") && w.len() > 4 {
            if matches!(prev, Some(Tag::Aux | Tag::Modal)) {
                Tag::Verb
            } else if after_det
                || matches!(prev, Some(Tag::Prep))
                    && !matches!(
                        next,
                        Some((_, Tag::Det | Tag::Propn | Tag::Pron | Tag::PossPron))
                    )
            {
                Tag::Noun
            } else if matches!(
                next,
                Some((
                    _,
                    Tag::Det | Tag::Propn | Tag::Pron | Tag::PossPron | Tag::Num | Tag::To
                ))
            ) {
                Tag::Verb
            } else {
                Tag::Noun
            }
        } else if inputs[i].past {
            let noun_next = matches!(next, Some((_, Tag::Noun)));
            if after_det
                || matches!(prev, Some(Tag::Noun)) && matches!(prev2, Some(Tag::Det)) && noun_next
                || matches!(prev, Some(Tag::Verb)) && noun_next
            {
                Tag::Adj
            } else {
                Tag::Verb
            }
        } else if matches!(prev, Some(Tag::To | Tag::Modal | Tag::Pron | Tag::Rel)) {
            if matches!(prev, Some(Tag::Pron))
                && matches!(inputs[i - 1].lower, "us" | "them" | "him" | "me")
            {
                Tag::Noun
            } else {
                Tag::Verb
            }
        } else if matches!(prev, Some(Tag::Neg))
            || (matches!(prev, Some(Tag::Aux))
                && matches!(inputs[i - 1].lower, "do" | "does" | "did"))
        {
            Tag::Verb
        } else if after_det || matches!(prev, Some(Tag::Prep)) {
            if is_adj_suffix(w) {
                Tag::Adj
            } else {
                Tag::Noun
            }
        } else if matches!(prev, Some(Tag::Noun | Tag::Propn))
            || i == 0
            || matches!(prev, Some(Tag::Punct | Tag::Conj | Tag::Sub | Tag::Adv))
        {
            // a demonym is a modifier: "Ukrainian sea drones", "Iranian oil tanker"
            let after_demonym = i > 0
                && inputs[i - 1].in_mention
                && ["ian", "ese", "ish", "an", "i"]
                    .iter()
                    .any(|x| inputs[i - 1].lower.ends_with(x))
                && !w.ends_with('s');
            // inside "an S-300 air-defence system to": a base form after a determiner's noun run
            let det_run = !w.ends_with('s')
                && !REPORTING.iter().any(|r| w.starts_with(r))
                && matches!(prev, Some(Tag::Noun | Tag::Adj | Tag::Num))
                && (1..=3).any(|back| {
                    i > back
                        && matches!(tags[i - back - 1], Tag::Det | Tag::PossPron)
                        // "demanded that the government lift …": a subjunctive verb
                        && !(i > back + 1 && inputs[i - back - 2].lower == "that")
                        && (i - back..i).all(|k| {
                            matches!(tags[k], Tag::Noun | Tag::Adj | Tag::Num | Tag::Propn)
                        })
                });
            // end of a noun phrase: verb if an object or clause follows directly
            match next {
                // "the awful Gondor": an adjective by its suffix
                _ if ["ful", "ous", "less", "able", "ible"]
                    .iter()
                    .any(|s| w.len() >= s.len() + 2 && w.ends_with(s)) =>
                {
                    Tag::Adj
                }
                // "Evil Mordor …", "Rohan and good Gondor": a modifier of a name
                // at the start of the sentence or in a list of names
                Some((nt, _))
                    if nt.in_mention
                        && (i == 0
                            || (matches!(prev, Some(Tag::Conj))
                                && matches!(prev2, Some(Tag::Propn | Tag::Noun)))) =>
                {
                    Tag::Adj
                }
                _ if after_demonym || det_run => Tag::Noun,
                // "the drone attack that killed": a noun before a relative clause,
                // unless the word reports speech ("the army says that")
                Some((_, Tag::Sub))
                    if matches!(prev2, Some(Tag::Det))
                        && !REPORTING.iter().any(|r| w.starts_with(r)) =>
                {
                    Tag::Noun
                }
                Some((
                    _,
                    Tag::Det
                    | Tag::Propn
                    | Tag::Pron
                    | Tag::PossPron
                    | Tag::Num
                    | Tag::To
                    | Tag::Sub,
                )) => Tag::Verb,
                // "the awful Gondor", "Evil Mordor", "Rohan and good Gondor":
                // a modifier, not a verb, before a name
                Some((nt, _))
                    if nt.in_mention
                        && i > 0
                        && !(matches!(prev, Some(Tag::Conj))
                            && matches!(prev2, Some(Tag::Propn | Tag::Noun))) =>
                {
                    Tag::Verb
                }
                // "the news agency WFNA": a noun by its suffix
                _ if ["tion", "sion", "ncy", "ness", "ity", "ship", "ism"]
                    .iter()
                    .any(|s| w.len() > s.len() + 2 && w.ends_with(s)) =>
                {
                    Tag::Noun
                }
                // "Britain direct renewed strikes": an actor, then a verb, then a modified object
                Some((nt, _))
                    if matches!(prev, Some(Tag::Propn))
                        && i > 0
                        && inputs[i - 1].in_mention
                        && (nt.past || is_adj_suffix(nt.lower))
                        && !w.ends_with('s') =>
                {
                    Tag::Verb
                }
                _ if is_adj_suffix(w) => Tag::Adj,
                _ if i > 0
                    && w.ends_with('s')
                    && matches!(prev, Some(Tag::Propn))
                    && matches!(next, Some((_, Tag::Adv))) =>
                {
                    Tag::Verb
                }
                _ => Tag::Noun,
            }
        } else if is_adj_suffix(w) {
            Tag::Adj
        } else {
            Tag::Noun
        };
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str, mentions: &[&str]) -> Vec<Tag> {
        let words: Vec<String> = s.split(' ').map(str::to_string).collect();
        let lowers: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let inputs: Vec<TagInput> = words
            .iter()
            .zip(&lowers)
            .map(|(w, l)| TagInput {
                lower: l,
                cap: w.starts_with(char::is_uppercase),
                number: w.starts_with(|c: char| c.is_ascii_digit()),
                punct: !w.chars().any(char::is_alphanumeric),
                in_mention: mentions.contains(&w.as_str()),
                past: l.ends_with("ed") || l == "held" || l == "struck",
                verb_hint: false,
            })
            .collect();
        tag(&inputs)
    }

    #[test]
    fn tells_event_nouns_from_verbs() {
        let t = run("Houthi attacks on ships", &["Houthi"]);
        assert_eq!(t[1], Tag::Noun);
        let t = run("The US attacks Iraq", &["US", "Iraq"]);
        assert_eq!(t[2], Tag::Verb);
        let t = run("Iran held talks with Oman", &["Iran", "Oman"]);
        assert_eq!((t[1], t[2]), (Tag::Verb, Tag::Noun));
        let t = run("They will strike the base", &[]);
        assert_eq!(t[2], Tag::Verb);
        let t = run("the armed groups", &[]);
        assert_eq!(t[1], Tag::Adj);
    }

    #[test]
    fn quantifiers_before_numbers_open_a_noun_phrase() {
        let t = run("More than 1,200 prisoners", &[]);
        assert_eq!((t[0], t[1]), (Tag::Det, Tag::Det));
        let t = run("killed at least 39 people", &[]);
        assert_eq!((t[1], t[2]), (Tag::Det, Tag::Det));
        let t = run("a force of up to 20,000 troops", &[]);
        assert_eq!((t[3], t[4]), (Tag::Det, Tag::Det));
        let t = run("Iran is ready to talk", &["Iran"]);
        assert_eq!(t[2], Tag::Adj);
        let t = run("Iran is held to talk", &["Iran"]);
        assert_ne!(t[2], Tag::Adj);
        // no number: "than" and "at" keep their tags
        let t = run("more than ever", &[]);
        assert_eq!(t[1], Tag::Prep);
    }
}
