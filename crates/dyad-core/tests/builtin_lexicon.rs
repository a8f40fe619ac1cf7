//! The built-in lexicon: it parses cleanly and every event code it uses is in
//! the CAMEO table.

use dyad_core::lexicon::builtin;
use dyad_core::ontology::Ontology;

#[test]
fn builtin_lexicon_parses_without_diagnostics() {
    let (lex, diags) = builtin::load();
    assert!(
        diags.is_empty(),
        "{} problems, first: {}",
        diags.len(),
        diags[0]
    );
    assert!(
        lex.lex.actors.len() > 1000 && lex.lex.patterns.len() > 2500 && lex.lex.agents.len() > 100
    );
}

#[test]
fn every_code_the_lexicon_uses_is_in_the_ontology() {
    let (lex, _) = builtin::load();
    let ontology = Ontology::builtin().expect("ontology");
    let mut missing = Vec::new();
    for p in &lex.lex.patterns {
        let codes = p.code.codes();
        for c in codes {
            if ontology.get(c).is_none() {
                missing.push(format!("{} ({})", c, p.origin));
            }
        }
    }
    assert!(missing.is_empty(), "codes not in cameo.tsv: {missing:?}");
    // and every CAMEO code maps to a PLOVER type except roots 01 and 02
    for c in ontology.codes() {
        let root = &c.code[..2];
        assert_eq!(
            ontology.plover(&c.code).is_none(),
            root == "01" || root == "02",
            "{}",
            c.code
        );
    }
}
