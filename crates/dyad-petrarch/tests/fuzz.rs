//! Random lines fed to every reader (and to the validation-record parser and
//! the comma filter) must never panic: a bad line is a diagnostic, nothing more.

use dyad_petrarch::commas::{remove_comma_clauses, CommaLimits};
use dyad_petrarch::{Kind, Loaded};
use proptest::prelude::*;

/// Lines built from the characters that matter to the formats.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        // structured-looking lines
        proptest::string::string_regex(
            r"[ \t]{0,2}[-+&~!<\[{(]{0,2}[A-Za-z_ ]{0,12}[*$%^+_&]{0,3}[A-Za-z_ ]{0,8}(\[[~A-Za-z0-9:<>/ -]{0,14}\])?[{}()\]]{0,2}( #.{0,5})?( ;.{0,4})?"
        )
        .unwrap(),
        // anything at all
        any::<String>(),
        proptest::string::string_regex(r"<!--.{0,10}|.{0,10}-->|!X! = .{0,10}|\t\[[A-Z]{3} [<>]?[0-9]{6,8}(-[0-9]{0,8})?\]").unwrap(),
    ]
}

fn file() -> impl Strategy<Value = String> {
    proptest::collection::vec(line(), 0..24).prop_map(|v| v.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn readers_never_panic(verbs in file(), actors in file(), agents in file(), discards in file(), issues in file()) {
        let mut l = Loaded::default();
        l.add(Kind::Verbs, "v", &verbs);
        l.add(Kind::Actors, "a", &actors);
        l.add(Kind::Agents, "g", &agents);
        l.add(Kind::Discards, "d", &discards);
        l.add(Kind::Issues, "i", &issues);
        for d in &l.diagnostics {
            prop_assert!(d.origin.line >= 1);
        }
        // and the result compiles and codes
        let coder = l.coder(dyad_petrarch::petrarch_options()).unwrap();
        let _ = coder.code(&dyad_core::Document {
            id: "x".into(),
            date: chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(),
            text: format!("{verbs} {actors}").chars().take(400).collect(),
            title: None,
        });
    }

    #[test]
    fn record_parser_never_panics(body in any::<String>(), attr in "[a-z\"= ]{0,20}") {
        let xml = format!("<Validation><Sentences><Sentence {attr}><EventCoding {attr}/><Text>{}</Text></Sentence></Sentences></Validation>", body.replace(['<', '&'], " "));
        let _ = dyad_petrarch::records::parse_suite(&xml);
        let _ = dyad_petrarch::records::parse_suite(&body);
    }

    #[test]
    fn comma_filter_never_panics(text in any::<String>(), min in 0usize..5, max in 0usize..9) {
        let l = CommaLimits { min, max, bmin: min, bmax: max, emin: min, emax: max };
        let _ = remove_comma_clauses(&text, &l);
        let _ = remove_comma_clauses(&text.replace(' ', ", "), &l);
    }
}
