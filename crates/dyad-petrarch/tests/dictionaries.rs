//! The readers and the coder on small dictionaries of our own
//! (`tests/data/`), which exercise every TABARI/PETRARCH format feature.

use chrono::NaiveDate;
use dyad_core::lexicon::{EventCode, PatElem, Placement};
use dyad_core::{Coder, Document};
use dyad_petrarch::{load_paths, petrarch_options, DictFiles, Loaded};
use std::path::PathBuf;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn files() -> DictFiles {
    DictFiles {
        verbs: vec![data("verbs.txt")],
        actors: vec![data("actors.txt")],
        agents: vec![data("agents.txt")],
        discards: vec![data("discards.txt")],
        issues: vec![data("issues.txt")],
    }
}

fn loaded() -> Loaded {
    load_paths(&files()).expect("test dictionaries are readable")
}

fn coder() -> Coder {
    loaded().coder(petrarch_options()).expect("ontology")
}

fn code_on(c: &Coder, text: &str, date: NaiveDate) -> Vec<String> {
    let coded = c.code(&Document {
        id: "t".into(),
        date,
        text: text.into(),
        title: None,
    });
    let mut v: Vec<String> = coded
        .events
        .iter()
        .map(|e| {
            format!(
                "{}>{} {}",
                e.source.code,
                e.target.as_ref().map(|t| t.code.as_str()).unwrap_or("---"),
                e.cameo
            )
        })
        .collect();
    v.sort();
    v.dedup();
    v
}

fn code(c: &Coder, text: &str) -> Vec<String> {
    code_on(c, text, NaiveDate::from_ymd_opt(2010, 6, 1).unwrap())
}

#[test]
fn every_unreadable_line_is_reported_with_file_and_line() {
    let l = loaded();
    let d: Vec<String> = l.diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        d.iter()
            .any(|x| x.starts_with("verbs.txt:49:") && x.contains("2 codes")),
        "{d:#?}"
    );
    assert!(
        d.iter()
            .any(|x| x.starts_with("verbs.txt:52:") && x.contains("bad block code")),
        "{d:#?}"
    );
    assert!(
        d.iter()
            .any(|x| x.starts_with("verbs.txt:54:") && x.contains("bad pattern code")),
        "{d:#?}"
    );
    assert_eq!(d.len(), 3, "{d:#?}");
    assert_eq!(l.transformations.len(), 1);
    assert_eq!(l.transformations[0].rhs, "a b 138");
    assert_eq!(l.issues.len(), 3);
}

#[test]
fn verbs_map_onto_the_model() {
    let l = loaded();
    let lex = &l.lexicon;
    // nested synsets and plurals: MONEY has 4 members + 4 plurals; RICHES_ none
    let money = lex.synsets.iter().find(|s| s.name == "MONEY").unwrap();
    assert_eq!(money.members.len(), 8);
    assert!(money.members.contains(&vec![
        PatElem::Exact("gold".into()),
        PatElem::Exact("crowns".into())
    ]));
    let riches = lex.synsets.iter().find(|s| s.name == "RICHES").unwrap();
    assert_eq!(riches.members.len(), 2);
    assert_eq!(riches.members[0], vec![PatElem::Synset("MONEY".into())]);
    // irregular forms, including the `+` word of multi-word verbs
    assert!(lex
        .inflections
        .contains(&("severed".into(), "sever".into())));
    assert!(lex.inflections.contains(&("cutting".into(), "cut".into())));
    assert!(lex.inflections.contains(&("hailed".into(), "hail".into())));
    // paired, null and per-verb codes
    assert!(lex
        .patterns
        .iter()
        .any(|p| p.code == EventCode::Paired("164".into(), "164".into())));
    assert!(lex.patterns.iter().any(|p| p.code == EventCode::Null));
    let snub = lex
        .patterns
        .iter()
        .find(|p| {
            p.head == PatElem::Word("off".into())
                && p.before == [PatElem::Exact("snub".into())]
                && p.after.is_empty()
        })
        .unwrap();
    assert_eq!(snub.code, EventCode::Code("112".into()));
    // a block's patterns apply to every verb: SEVER and CUT_OFF share a synset head
    let treaty = lex
        .patterns
        .iter()
        .find(|p| p.after.contains(&PatElem::Exact("treaty".into())))
        .unwrap();
    assert!(matches!(&treaty.head, PatElem::Synset(s) if s.starts_with("SEVER@")));
}

#[test]
fn actors_agents_and_discards_map_onto_the_model() {
    let l = loaded();
    let lex = &l.lexicon;
    let voss = lex.actors.iter().find(|a| a.name == "BARON VOSS").unwrap();
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_eq!(voss.code_on(day(1985, 6, 1)), Some("VLDREB"));
    assert_eq!(voss.code_on(day(1986, 1, 1)), Some("VLDGOV"));
    assert_eq!(voss.code_on(day(2004, 1, 1)), Some("VLDELI"));
    assert_eq!(voss.default.as_deref(), Some("VLD"));
    let harbor = lex.actors.iter().find(|a| a.name == "PALE HARBOR").unwrap();
    assert_eq!(harbor.default.as_deref(), Some("KSTGOV"));
    let ghost = lex
        .actors
        .iter()
        .find(|a| a.name == "GHOST COUNCIL")
        .unwrap();
    assert_eq!(ghost.default, None);
    assert!(lex.countries.contains(&"VLD".to_string()));
    assert!(lex.countries.contains(&"AAA".to_string()));
    let kin = lex
        .agents
        .iter()
        .find(|a| a.phrases[0].words == ["COUNCILMAN"])
        .unwrap();
    assert_eq!(kin.code, "LEG");
    assert_eq!(kin.phrases.len(), 8);
    let ngo = lex.agents.iter().find(|a| a.code == "NGO").unwrap();
    assert_eq!(ngo.placement, Placement::Prefix);
    let army = lex
        .agents
        .iter()
        .find(|a| a.code == "MIL" && a.phrases[0].words == ["ARMY"])
        .unwrap();
    assert_eq!(army.phrases.len(), 1);
    let story: Vec<bool> = lex.discards.iter().map(|d| d.story).collect();
    assert_eq!(story, [false, false, true, true]);
    assert!(!lex.discards[1].stem && lex.discards[0].stem);
}

#[test]
fn codes_with_patterns_slots_and_synsets() {
    let c = coder();
    assert_eq!(
        code(&c, "Valdoria greeted Kestrel Islands warmly."),
        ["VLD>KST 043"]
    );
    assert_eq!(
        code(&c, "Valdoria greeted Kestrel Islands."),
        ["VLD>KST 042"]
    );
    // a synset member's regular plural, and a nested synset
    assert_eq!(
        code(&c, "Valdoria greeted Kestrel Islands with gold crowns."),
        ["VLD>KST 071"]
    );
    assert_eq!(
        code(&c, "Valdoria greeted Kestrel Islands with treasure."),
        ["VLD>KST 072"]
    );
    // synset members are phrases; the synset comes before the verb
    assert_eq!(
        code(&c, "Valdoria will not greet Kestrel Islands."),
        ["VLD>KST 112"]
    );
    // `_` adjacency before the verb
    assert_eq!(
        code(&c, "Valdoria once again greeted Kestrel Islands."),
        ["VLD>KST 046"]
    );
    // ^ skips a noun phrase, + is the target
    assert_eq!(
        code(&c, "Valdoria greeted the envoy with Kestrel Islands."),
        ["VLD>KST 045"]
    );
}

#[test]
fn codes_multi_word_verbs_paired_null_and_compound_codes() {
    let c = coder();
    assert_eq!(
        code(&c, "Valdoria cut off Kestrel Islands."),
        ["KST>VLD 162", "VLD>KST 161"]
    );
    assert_eq!(
        code(&c, "Valdoria is cutting off Kestrel Islands."),
        ["KST>VLD 162", "VLD>KST 161"]
    );
    assert_eq!(
        code(&c, "Valdoria severed the treaty with Kestrel Islands."),
        ["VLD>KST 163"]
    );
    assert!(code(&c, "Valdoria severed the picnic with Kestrel Islands.").is_empty());
    assert_eq!(
        code(&c, "Valdoria and Kestrel Islands conferred."),
        ["KST>VLD 040", "VLD>KST 040"]
    );
    // PETRARCH2 noun and prepositional phrases
    assert_eq!(
        code(
            &c,
            "Valdoria conferred on new trade talks with Kestrel Islands."
        ),
        ["VLD>KST 046"]
    );
}

#[test]
fn codes_actors_by_date_agents_and_multi_codes() {
    let c = coder();
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let s = "Baron Voss greeted Kestrel Islands warmly.";
    assert_eq!(code_on(&c, s, day(1985, 6, 1)), ["VLDREB>KST 043"]);
    assert_eq!(code_on(&c, s, day(1995, 6, 1)), ["VLDGOV>KST 043"]);
    assert_eq!(code_on(&c, s, day(2005, 6, 1)), ["VLDELI>KST 043"]);
    // a dated `---`: the actor codes nothing then
    let m = "Marshal Tiro greeted Valdoria warmly.";
    assert!(code_on(&c, m, day(1989, 6, 1)).is_empty());
    assert_eq!(code_on(&c, m, day(1991, 6, 1)), ["KSTMIL>VLD 043"]);
    assert_eq!(
        code(&c, "Valdorian ministers greeted Kestrel Islands warmly."),
        ["VLDGOV>KST 043"]
    );
    assert_eq!(
        code(
            &c,
            "A Valdoria relief agency greeted Kestrel Islands warmly."
        ),
        ["NGOVLD>KST 043"]
    );
    assert_eq!(
        code(&c, "Kestrelian councilwomen greeted Valdoria warmly."),
        ["KSTLEG>VLD 043"]
    );
    assert_eq!(
        code(&c, "The Triad greeted Valdoria warmly."),
        ["AAA>VLD 043", "BBB>VLD 043", "CCC>VLD 043"]
    );
}

#[test]
fn discards_stop_sentences_and_stories() {
    let c = coder();
    assert!(code(&c, "Valdoria greeted Kestrel Islands at the hockey game.").is_empty());
    assert!(code(&c, "Valdoria greeted Kestrel Islands at the box office.").is_empty());
    assert_eq!(
        code(&c, "Valdoria greeted Kestrel Islands at the box offices."),
        ["VLD>KST 042"]
    );
    let coded = c.code(&Document {
        id: "s".into(),
        date: NaiveDate::from_ymd_opt(2010, 1, 1).unwrap(),
        text: "Valdoria greeted Kestrel Islands. The cup final was a draw.".into(),
        title: None,
    });
    assert!(coded.discarded.is_some());
    assert!(coded.events.is_empty());
}
