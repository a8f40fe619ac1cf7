//! The CAMEO event ontology (codes, names, Goldstein values, QuadClass) and
//! its mapping onto PLOVER, read from `lexicon/ontology/*.tsv`.

use rustc_hash::FxHashMap;

/// One CAMEO event code.
#[derive(Clone, Debug, PartialEq)]
pub struct CameoCode {
    /// The code (`042`).
    pub code: String,
    /// Codebook name.
    pub name: String,
    /// Goldstein value, -10 … 10.
    pub goldstein: f64,
    /// 1 verbal cooperation … 4 material conflict.
    pub quad_class: u8,
}

/// Sector codes recognised inside composite actor codes.
pub const SECTORS: &[&str] = &[
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL",
    "LAB", "LEG", "HLH", "REF", "MOD", "RAD", "AGR", "ELI", "ENV", "HRI", "INS", "SEP", "UAF",
    "IGO", "NGO", "NGM", "MNC", "DEV", "JEW", "MUS", "CHR", "BUD", "HIN", "REL", "SET", "IMG",
    "UNO",
];

/// The CAMEO table and the PLOVER crosswalk.
#[derive(Clone, Debug, Default)]
pub struct Ontology {
    codes: FxHashMap<String, CameoCode>,
    plover: Vec<(String, String)>,
}

/// A problem in an ontology table.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct OntologyError {
    /// File.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl Ontology {
    /// Parses `cameo.tsv` and `plover.tsv` contents.
    pub fn parse(cameo_tsv: &str, plover_tsv: &str) -> Result<Self, OntologyError> {
        let mut codes = FxHashMap::default();
        for (n, line) in cameo_tsv.lines().enumerate().skip(1) {
            if line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let err = |m: &str| OntologyError {
                file: "ontology/cameo.tsv".into(),
                line: n + 1,
                message: m.into(),
            };
            if f.len() < 4 {
                return Err(err("expected 4 tab-separated columns"));
            }
            let goldstein = f[2]
                .trim()
                .parse::<f64>()
                .map_err(|_| err("bad goldstein value"))?;
            let quad_class = f[3]
                .trim()
                .parse::<u8>()
                .map_err(|_| err("bad quad_class"))?;
            let code = f[0].trim().to_string();
            codes.insert(
                code.clone(),
                CameoCode {
                    code,
                    name: f[1].trim().to_string(),
                    goldstein,
                    quad_class,
                },
            );
        }
        let mut plover = Vec::new();
        for line in plover_tsv.lines().skip(1) {
            if let Some((p, t)) = line.split_once('\t') {
                plover.push((p.trim().to_string(), t.trim().to_string()));
            }
        }
        plover.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        Ok(Ontology { codes, plover })
    }

    /// The built-in ontology.
    pub fn builtin() -> Result<Self, OntologyError> {
        let c = crate::lexicon::builtin::file("ontology/cameo.tsv").unwrap_or("");
        let p = crate::lexicon::builtin::file("ontology/plover.tsv").unwrap_or("");
        Self::parse(c, p)
    }

    /// Looks up a CAMEO code.
    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        self.codes.get(code)
    }

    /// All codes, sorted.
    pub fn codes(&self) -> Vec<&CameoCode> {
        let mut v: Vec<&CameoCode> = self.codes.values().collect();
        v.sort_by(|a, b| a.code.cmp(&b.code));
        v
    }

    /// PLOVER type of a CAMEO code (None for roots 01 and 02).
    pub fn plover(&self, code: &str) -> Option<&str> {
        self.plover
            .iter()
            .find(|(p, _)| code.starts_with(p.as_str()))
            .map(|(_, t)| t.as_str())
    }

    /// Number of codes.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

/// Splits a composite actor code into (country, sector) given the known
/// country codes.
pub fn split_code(code: &str, is_country: impl Fn(&str) -> bool) -> (Option<&str>, Option<&str>) {
    let chunk = |k: usize| code.get(k * 3..k * 3 + 3);
    let country = chunk(0).filter(|c| is_country(c));
    let sector = (1..8)
        .filter_map(chunk)
        .find(|c| SECTORS.contains(c) && !matches!(*c, "IGO" | "NGO" | "IMG" | "UNO"));
    (country, sector)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_is_complete() {
        let o = Ontology::builtin().expect("ontology parses");
        assert!(o.len() >= 290, "only {} codes", o.len());
        for root in 1..=20 {
            assert!(
                o.get(&format!("{root:02}")).is_some(),
                "root {root:02} missing"
            );
        }
        assert_eq!(o.get("195").map(|c| c.quad_class), Some(4));
        assert_eq!(o.plover("040"), Some("CONSULT"));
        assert_eq!(o.plover("195"), Some("ASSAULT"));
        assert_eq!(o.plover("010"), None);
        assert_eq!(o.plover("020"), None);
    }

    #[test]
    fn splits_codes() {
        let c = |s: &str| s == "USA" || s == "YEM";
        assert_eq!(split_code("USAGOV", c), (Some("USA"), Some("GOV")));
        assert_eq!(split_code("YEMREB", c), (Some("YEM"), Some("REB")));
        assert_eq!(split_code("IGOUNO", c), (None, None));
        assert_eq!(split_code("---GOV", c), (None, Some("GOV")));
    }
}
