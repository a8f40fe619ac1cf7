//! The coder's rules on a tiny in-memory lexicon: roles, voice, negation,
//! modality, reported speech, compounds, reciprocity, references and dates.

use chrono::NaiveDate;
use dyad_core::lexicon::builtin::load_files;
use dyad_core::lexicon::CompiledLexicon;
use dyad_core::ontology::Ontology;
use dyad_core::{Coder, Document, Options};

const COUNTRIES: &str = "\
USA  United States | =US | =U.S. | America | American | Americans
IRN  Iran | Iranian | Iranians
OMN  Oman | Omani | Sultanate of Oman
GBR  Britain | British | United Kingdom
ISR  Israel | Israeli | Israelis
IRQ  Iraq | Iraqi
YEM  Yemen | Yemeni
";
const CAPITALS: &str = "IRNGOV  Tehran\nUSAGOV  Washington | White House\nIRQGOV  Baghdad\n";
const GROUPS: &str = "YEMREB  Houthis | Houthi | Ansar Allah\nGBRMED  Financial Times\n";
const PEOPLE: &str = "IRN  Ismail Qaani | Qaani\n    IRNMIL 2020-01-03..\n";
const AGENTS: &str = "~GOV  official | minister | foreign minister | delegation | representative\n~MIL  soldier | troops {} | forces {}\n~REB  rebel\n~CVL  protester\n~BUS  company {companies}\n";
const VERBS: &str = "\
040:040  hold .. talk with +
040:040  talk between %
040  meet
040  meet with +
042  visit
045  shuttle between +
045  mediate between +
045  mediate
040:040  talk
161  recall .. ambassador
161  cut .. tie with +
190  attack
190  attack on +
190  target
195  air strike on +
195  bomb
173  arrest
111  condemn
013  optimistic about
064  share .. intelligence .. with +
043:042  receive + in
111  draw .. condemnation from $
043:042  host + for talk
020  request of $
1724  declare .. martial law
--- heart attack
";

fn coder() -> Coder {
    let files = [
        ("actors/countries.txt", COUNTRIES),
        ("actors/capitals.txt", CAPITALS),
        ("actors/groups.txt", GROUPS),
        ("actors/people/x.txt", PEOPLE),
        ("agents.txt", AGENTS),
        ("verbs/test.txt", VERBS),
        ("discards.txt", "+football match\nbox office\n"),
        (
            "morph/irregular.txt",
            "hold held\nmeet met\nstrike struck\ndraw drew\n",
        ),
        ("light_verbs.txt", "hold\nlaunch\ndirect\ncarry\n"),
    ];
    let (lex, diags) = load_files(files);
    assert!(diags.is_empty(), "{diags:?}");
    let cameo = "code\tname\tgoldstein\tquad_class\n013\tOptimistic comment\t0.4\t1\n036\tIntent to meet\t4.0\t1\n138\tThreaten force\t-7.0\t3\n145\tProtest violently\t-7.5\t3\n064\tShare intelligence\t3.0\t2\n043\tHost a visit\t2.8\t1\n044\tMeet at a third location\t2.5\t1\n020\tAppeal\t3.0\t1\n1724\tImpose martial law\t-9.0\t4\n040\tConsult\t1.0\t1\n042\tVisit\t1.9\t1\n045\tMediate\t5.0\t1\n161\tReduce relations\t-4.0\t3\n111\tCriticize\t-2.0\t3\n173\tArrest\t-5.0\t4\n190\tForce\t-10.0\t4\n195\tAerial\t-10.0\t4\n04\tConsult\t1.0\t1\n";
    let plover =
        "cameo_prefix\tplover\n04\tCONSULT\n11\tACCUSE\n16\tSANCTION\n03\tAGREE\n14\tPROTEST\n06\tCOOPERATE\n13\tTHREATEN\n17\tCOERCE\n19\tASSAULT\n";
    Coder::new(
        CompiledLexicon::new(lex),
        Ontology::parse(cameo, plover).unwrap(),
        Options::default(),
    )
}

fn code_with(c: &Coder, text: &str) -> Vec<String> {
    let doc = Document {
        id: "t".into(),
        date: NaiveDate::from_ymd_opt(2024, 3, 14).unwrap(),
        text: text.into(),
        title: None,
    };
    c.code(&doc)
        .events
        .iter()
        .map(|e| {
            format!(
                "{} {} {}",
                e.source.code,
                e.cameo,
                e.target.as_ref().map(|t| t.code.as_str()).unwrap_or("-")
            )
        })
        .collect()
}

fn code(text: &str) -> Vec<String> {
    code_with(&coder(), text)
}

#[test]
fn light_verb_with_event_noun_is_reciprocal() {
    assert_eq!(
        code("Washington held two rounds of talks with Tehran."),
        vec!["USAGOV 040 IRNGOV", "IRNGOV 040 USAGOV"]
    );
}

#[test]
fn agents_combine_with_countries() {
    assert_eq!(
        code("Omani officials met Iranian soldiers."),
        vec!["OMNGOV 040 IRNMIL"]
    );
}

#[test]
fn compound_subjects_give_one_event_each() {
    assert_eq!(
        code("The United States and Britain direct renewed air strikes on Houthi positions."),
        vec!["USA 195 YEMREB", "GBR 195 YEMREB"]
    );
}

#[test]
fn passive_voice_swaps_roles() {
    assert_eq!(
        code("Iranian soldiers were attacked by Israeli forces."),
        vec!["ISRMIL 190 IRNMIL"]
    );
}

#[test]
fn negation_and_modality_suppress() {
    assert!(code("Iran did not attack Israel.").is_empty());
    assert!(code("Iran would attack Israel.").is_empty());
    assert!(code("It cannot strike Israel, but it can meet Oman.").is_empty());
    assert!(code("If Iran attacked Israel, oil would rise.").is_empty());
    assert!(code("Washington sought to persuade Tehran to attack Israel.").is_empty());
}

#[test]
fn negated_events_can_be_kept() {
    let mut c = coder();
    c.options.keep_negated = true;
    assert_eq!(
        code_with(&c, "Iran did not attack Israel."),
        vec!["IRN 190 ISR"]
    );
}

#[test]
fn reported_speech_never_makes_the_reporter_the_source() {
    assert_eq!(
        code("The Financial Times said Iran attacked Israel."),
        vec!["IRN 190 ISR"]
    );
    assert_eq!(
        code("Iran attacked Israel, according to the Financial Times."),
        vec!["IRN 190 ISR"]
    );
    assert_eq!(
        code("The Financial Times quoted officials as saying that Iran attacked Israel."),
        vec!["IRN 190 ISR"]
    );
}

#[test]
fn reciprocal_between() {
    assert_eq!(
        code("Earlier talks between the United States and Iran took place in May."),
        vec!["USA 040 IRN", "IRN 040 USA"]
    );
}

#[test]
fn mediation_between_two_parties() {
    assert_eq!(
        code("Omani officials, throughout the negotiations, shuttled between the US and Iranian representatives."),
        vec!["OMNGOV 045 USAGOV", "OMNGOV 045 IRNGOV"]
    );
}

#[test]
fn appositive_subject_and_relative_date() {
    let doc = Document {
        id: "t".into(),
        date: NaiveDate::from_ymd_opt(2024, 3, 14).unwrap(),
        text: "An aide said that when Ismail Qaani, head of the Quds Force, visited Baghdad last month, he urged restraint.".into(),
        title: None,
    };
    let ev = coder().code(&doc).events;
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(
        (
            ev[0].source.code.as_str(),
            ev[0].cameo.as_str(),
            ev[0].target.as_ref().map(|t| t.code.as_str())
        ),
        ("IRNMIL", "042", Some("IRQGOV"))
    );
    assert_eq!(ev[0].date, "2024-02-01");
    assert_eq!(serde_json::to_value(ev[0].date_precision).unwrap(), "month");
}

#[test]
fn event_nouns_take_their_modifier_as_source() {
    assert_eq!(
        code("Houthi attacks on Israeli ships continued."),
        vec!["YEMREB 190 ISR"]
    );
    assert_eq!(
        code("Iran's attack on Israel drew condemnation."),
        vec!["IRN 190 ISR"]
    );
}

#[test]
fn ownership_reaches_the_actor() {
    assert_eq!(
        code("The Houthis said that they had targeted two tankers operated by Israeli companies."),
        vec!["YEMREB 190 ISRBUS"]
    );
}

#[test]
fn pronouns_resolve_to_the_recent_subject() {
    assert_eq!(
        code("The Houthis said that it attacked Israel."),
        vec!["YEMREB 190 ISR"]
    );
}

#[test]
fn the_two_countries() {
    assert_eq!(
        code("Iran attacked Israel. Talks between the two countries were held in Oman."),
        vec!["IRN 190 ISR", "IRN 040 ISR", "ISR 040 IRN"]
    );
}

#[test]
fn null_patterns_block_shorter_ones() {
    assert!(code("The Iranian minister suffered a heart attack in Israel.").is_empty());
}

#[test]
fn discards() {
    assert!(code("Iran attacked Israel after the box office opened.").is_empty());
    let doc = Document {
        id: "t".into(),
        date: NaiveDate::from_ymd_opt(2024, 3, 14).unwrap(),
        text: "Iran attacked Israel. It was a football match.".into(),
        title: None,
    };
    assert!(coder().code(&doc).discarded.is_some());
}

#[test]
fn coordinated_verbs_share_the_subject() {
    assert_eq!(
        code("Israeli troops entered the town and arrested Iranian officials."),
        vec!["ISRMIL 173 IRNGOV"]
    );
}

#[test]
fn title_is_sentence_zero() {
    let doc = Document {
        id: "t".into(),
        date: NaiveDate::from_ymd_opt(2024, 3, 14).unwrap(),
        text: "Iran attacked Israel.".into(),
        title: Some("Iran condemns Israel".into()),
    };
    let ev = coder().code(&doc).events;
    assert_eq!(
        ev.iter()
            .map(|e| (e.sentence_index, e.cameo.as_str()))
            .collect::<Vec<_>>(),
        vec![(0, "111"), (1, "190")]
    );
}

#[test]
fn offsets_are_in_characters() {
    let doc = Document {
        id: "t".into(),
        date: NaiveDate::from_ymd_opt(2024, 3, 14).unwrap(),
        text: "“Iran” — Iran attacked Israel.".into(),
        title: None,
    };
    let ev = coder().code(&doc).events;
    let e = &ev[0];
    let chars: Vec<char> = e.sentence.chars().collect();
    let s: String = chars[e.source.start..e.source.end].iter().collect();
    assert_eq!(s, e.source.text);
    let t: String = chars[e.evidence.trigger.start..e.evidence.trigger.end]
        .iter()
        .collect();
    assert_eq!(t, e.evidence.trigger.text);
}

#[test]
#[ignore]
fn debug_print() {
    let c = coder();
    let text = std::env::var("S").unwrap_or_default();
    let toks = dyad_core::text::tokenize(&text);
    let a = dyad_core::analysis::analyze(
        &text,
        &toks,
        &c.lex,
        NaiveDate::from_ymd_opt(2024, 3, 14).unwrap(),
    );
    for (i, t) in a.toks.iter().enumerate() {
        eprintln!(
            "{i} {} {:?} lemma={:?}",
            t.lower,
            a.tags[i],
            t.lemma.map(|l| c.lex.word(l))
        );
    }
    for np in &a.nps {
        eprintln!(
            "np {}..{} {:?} poss={:?}",
            np.start,
            np.end,
            np.actors.iter().map(|x| &x.code).collect::<Vec<_>>(),
            np.possessor
        );
    }
}

#[test]
fn participle_clause_shares_the_main_subject() {
    assert_eq!(
        code("Iran attacked Israel on Monday, condemning Britain."),
        vec!["IRN 190 ISR", "IRN 111 GBR"]
    );
    // a finite verb after the comma has its own subject
    assert_eq!(
        code("Iran attacked Israel on Monday, and Britain condemned Oman."),
        vec!["IRN 190 ISR", "GBR 111 OMN"]
    );
}

#[test]
fn talks_mediated_by_a_third_party() {
    assert_eq!(
        code("Iran and Oman agreed on Monday during talks in Baghdad mediated by Britain."),
        vec!["IRN 040 OMN", "OMN 040 IRN", "GBR 045 IRN", "GBR 045 OMN"]
    );
}

#[test]
fn coordinated_clause_takes_the_other_side_from_the_clause_before() {
    assert_eq!(
        code("Israel cut ties with Iran on Monday, and Britain recalled its ambassador."),
        vec!["ISR 161 IRN", "GBR 161 IRN"]
    );
    // the same subject: nothing new to code
    assert_eq!(
        code("Israel cut ties with Iran on Monday and recalled its ambassador."),
        vec!["ISR 161 IRN"]
    );
}

#[test]
fn an_agent_coordinated_with_a_country_takes_its_country() {
    assert_eq!(
        code("Iraq and rebels attacked Israel."),
        vec!["IRQ 190 ISR", "IRQREB 190 ISR"]
    );
}

#[test]
fn subordinated_gerunds() {
    assert_eq!(
        code("Iran responded on Monday by attacking Israel."),
        vec!["IRN 190 ISR"]
    );
    assert_eq!(code("Iran began attacking Israel."), vec!["IRN 190 ISR"]);
    assert!(code("Iran withdrew without attacking Israel.").is_empty());
}

#[test]
fn predicate_adjectives_trigger_with_their_complement_as_target() {
    assert_eq!(
        code("Iran was optimistic about reaching a deal with Oman."),
        vec!["IRN 013 OMN"]
    );
    // a modifier, not a predicate
    assert!(code("Optimistic about Oman, Iran waited.").is_empty());
}

#[test]
fn an_announced_future_act_is_coded_as_intent_or_threat() {
    assert_eq!(code("Iran will attack Israel."), vec!["IRN 138 ISR"]);
    assert_eq!(
        code("Tehran said on Monday that Iran would meet Oman."),
        vec!["IRN 036 OMN"]
    );
    // hypothetical "would", conditionals and negated futures stay uncoded
    assert!(code("Iran would attack Israel.").is_empty());
    assert!(code("If Oman asks, Iran will attack Israel.").is_empty());
    assert!(code("Iran will not attack Israel.").is_empty());
}

#[test]
fn object_pronouns_take_the_latest_other_actor() {
    assert_eq!(
        code("Iraqi soldiers arrested Houthi fighters in Oman and condemned them."),
        vec!["IRQMIL 173 YEMREB", "IRQMIL 111 YEMREB"]
    );
    // a place phrase is not an antecedent
    assert!(code("Iraqi soldiers waited in Oman and condemned them.").is_empty());
}

#[test]
fn protesters_who_attack_protest_violently() {
    assert_eq!(
        code("Iraqi protesters attacked Houthi fighters."),
        vec!["IRQCVL 145 YEMREB"]
    );
    assert_eq!(
        code("Iraqi soldiers attacked Houthi fighters."),
        vec!["IRQMIL 190 YEMREB"]
    );
}

#[test]
fn a_place_is_not_the_antecedent_of_a_relative_clause() {
    assert!(code("There were bombings in Oman, which attacked Iraqi soldiers.").is_empty());
    assert_eq!(
        code("Britain condemned Houthi fighters, who attacked Iraqi soldiers."),
        vec!["GBR 111 YEMREB", "YEMREB 190 IRQMIL"]
    );
}

#[test]
fn a_gap_may_hold_a_topic_phrase_when_the_target_comes_later() {
    assert_eq!(
        code("Britain shared intelligence on the Houthis with Oman."),
        vec!["GBR 064 OMN"]
    );
    // without a target slot after it, an actor still ends the gap
    assert!(code("Britain shared the Houthis with Oman.").is_empty());
}

#[test]
fn a_passive_fills_the_object_slot_with_its_subject() {
    assert_eq!(
        code("Omani officials were received by Iranian soldiers in Tehran."),
        vec!["IRNMIL 043 OMNGOV", "OMNGOV 042 IRNMIL"]
    );
    assert_eq!(
        code("Iranian soldiers received Omani officials in Tehran."),
        vec!["IRNMIL 043 OMNGOV", "OMNGOV 042 IRNMIL"]
    );
}

#[test]
fn object_relative_clauses_comment_on_an_act_or_a_thing() {
    assert_eq!(
        code("Britain attacked Iraq, a move which Oman condemned."),
        vec!["GBR 190 IRQ", "OMN 111 GBR"]
    );
    assert_eq!(
        code("Britain attacked Iraq, a move Oman condemned."),
        vec!["GBR 190 IRQ", "OMN 111 GBR"]
    );
}

#[test]
fn a_source_named_in_the_pattern_acts_on_the_subject() {
    assert_eq!(
        code("Britain drew sharp condemnation from Oman."),
        vec!["OMN 111 GBR"]
    );
}

#[test]
fn guests_hosted_for_talks_meet_each_other() {
    assert_eq!(
        code("Oman hosted Iran and Britain for talks."),
        vec![
            "OMN 043 IRN",
            "IRN 042 OMN",
            "OMN 043 GBR",
            "GBR 042 OMN",
            "IRN 044 GBR",
            "GBR 044 IRN"
        ]
    );
}

#[test]
fn at_the_request_of_someone() {
    assert_eq!(
        code("Iraqi soldiers attacked Houthi fighters at the request of Britain."),
        vec!["IRQMIL 190 YEMREB", "GBR 020 IRQMIL"]
    );
}

#[test]
fn a_country_imposing_measures_on_itself_is_its_government() {
    assert_eq!(code("Iraq declared martial law."), vec!["IRQGOV 1724 IRQ"]);
}

#[test]
fn an_event_nouns_agent_may_come_before_its_target() {
    assert_eq!(
        code("Attacks by Iraqi soldiers on Houthi fighters continued."),
        vec!["IRQMIL 190 YEMREB"]
    );
}
