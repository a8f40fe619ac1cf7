//! PETRARCH validation records (XML): the `<Environment>` block, `<Config>`
//! option lines between records, and `<Sentence>` records with their
//! expected `<EventCoding>`s.

use chrono::NaiveDate;

/// An option line: `<Config option="require_dyad" value="false">`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigLine {
    /// Option name, lower case.
    pub option: String,
    /// Value as written.
    pub value: String,
    /// 1-based line in the XML file.
    pub line: u32,
}

/// The `<Environment>` block.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Environment {
    /// `<Verbfile>` names.
    pub verbs: Vec<String>,
    /// `<Actorfile>` names (several elements, or comma-separated).
    pub actors: Vec<String>,
    /// `<Agentfile>` names.
    pub agents: Vec<String>,
    /// `<Discardfile>` names.
    pub discards: Vec<String>,
    /// `<Issuefile>` names.
    pub issues: Vec<String>,
    /// Categories listed in `<Include>` (empty: all).
    pub include: Vec<String>,
    /// Categories listed in `<Exclude>`.
    pub exclude: Vec<String>,
}

/// One expected coding; `None` fields match anything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coding {
    /// Source actor code.
    pub source: Option<String>,
    /// Target actor code (`---` for none).
    pub target: Option<String>,
    /// Event code.
    pub event: Option<String>,
}

/// What a record expects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    /// Exactly these codings (possibly none).
    Codings(Vec<Coding>),
    /// Nothing may be coded (`noevents="True"`).
    NoEvents,
    /// The record must be rejected, for this reason (`error="..."`).
    Error(String),
}

/// One `<Sentence>` record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// `id`.
    pub id: String,
    /// `category`.
    pub category: String,
    /// `date` (YYYYMMDD), if readable.
    pub date: Option<NaiveDate>,
    /// The raw `<Text>`, whitespace normalised.
    pub text: String,
    /// The `<Parse>` tree as written (only checked for well-formedness).
    pub parse: Option<String>,
    /// What must be coded.
    pub expected: Expected,
    /// `<Config>` lines in force for this record, in file order.
    pub config: Vec<ConfigLine>,
    /// 1-based line of the `<Sentence>` element.
    pub line: u32,
}

/// A whole validation file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Suite {
    /// The environment.
    pub environment: Environment,
    /// Records in file order.
    pub records: Vec<Record>,
    /// Problems with individual records (missing id, bad date …).
    pub warnings: Vec<String>,
}

fn text_of(n: roxmltree::Node) -> String {
    n.descendants()
        .filter(|d| d.is_text())
        .filter_map(|d| d.text())
        .collect::<Vec<_>>()
        .join(" ")
}

fn names(s: &str) -> Vec<String> {
    s.split([',', ';'])
        .map(|x| x.trim().to_string())
        .filter(|x| !x.is_empty())
        .collect()
}

fn attr<'a>(n: &roxmltree::Node<'a, '_>, name: &str) -> Option<&'a str> {
    n.attributes()
        .find(|a| a.name().eq_ignore_ascii_case(name))
        .map(|a| a.value())
}

/// Whether an attribute value is a PETRARCH "true".
pub fn truthy(s: &str) -> bool {
    matches!(
        s.trim().to_ascii_lowercase().as_str(),
        "true" | "t" | "yes" | "1"
    )
}

/// Parses a validation file.
pub fn parse_suite(xml: &str) -> Result<Suite, String> {
    let doc = roxmltree::Document::parse(xml).map_err(|e| format!("not well-formed XML: {e}"))?;
    let mut suite = Suite::default();
    let mut config: Vec<ConfigLine> = Vec::new();
    let line_of = |n: &roxmltree::Node| doc.text_pos_at(n.range().start).row;
    for n in doc.descendants().filter(|n| n.is_element()) {
        let tag = n.tag_name().name();
        match tag.to_ascii_lowercase().as_str() {
            "verbfile" => suite.environment.verbs.extend(names(&text_of(n))),
            "actorfile" => suite.environment.actors.extend(names(&text_of(n))),
            "agentfile" => suite.environment.agents.extend(names(&text_of(n))),
            "discardfile" => suite.environment.discards.extend(names(&text_of(n))),
            "issuefile" => suite.environment.issues.extend(names(&text_of(n))),
            "include" => suite
                .environment
                .include
                .extend(text_of(n).split_whitespace().map(str::to_string)),
            "exclude" => suite
                .environment
                .exclude
                .extend(text_of(n).split_whitespace().map(str::to_string)),
            "config" => {
                let (Some(o), Some(v)) = (attr(&n, "option"), attr(&n, "value")) else {
                    if n.attributes().len() > 0 {
                        suite.warnings.push(format!(
                            "line {}: <Config> without option/value",
                            line_of(&n)
                        ));
                    }
                    continue;
                };
                config.push(ConfigLine {
                    option: o.trim().to_ascii_lowercase(),
                    value: v.trim().to_string(),
                    line: line_of(&n),
                });
            }
            "sentence" => {
                let line = line_of(&n);
                let id = attr(&n, "id").unwrap_or("").trim().to_string();
                let id = if id.is_empty() {
                    suite
                        .warnings
                        .push(format!("line {line}: record without an id"));
                    format!("line-{line}")
                } else {
                    id
                };
                let category = attr(&n, "category").unwrap_or("").trim().to_string();
                let date_s = attr(&n, "date").unwrap_or("").trim();
                let date = crate::common::parse_date(date_s);
                if date.is_none() {
                    suite
                        .warnings
                        .push(format!("{id}: cannot read date {date_s:?}"));
                }
                let mut text = String::new();
                let mut parse = None;
                let mut codings = Vec::new();
                let mut noevents = false;
                let mut error = None;
                for c in n.children().filter(|c| c.is_element()) {
                    match c.tag_name().name().to_ascii_lowercase().as_str() {
                        "text" => {
                            text = text_of(c).split_whitespace().collect::<Vec<_>>().join(" ")
                        }
                        "parse" => parse = Some(text_of(c)),
                        "eventcoding" => {
                            if let Some(e) = attr(&c, "error") {
                                error = Some(e.trim().to_string());
                            } else if attr(&c, "noevents").is_some_and(truthy) {
                                noevents = true;
                            } else {
                                let get = |k: &str| {
                                    attr(&c, k)
                                        .map(|v| v.trim().to_string())
                                        .filter(|v| !v.is_empty())
                                };
                                codings.push(Coding {
                                    source: get("sourcecode"),
                                    target: get("targetcode"),
                                    event: get("eventcode"),
                                });
                            }
                        }
                        _ => {}
                    }
                }
                let expected = match (error, noevents) {
                    (Some(e), _) => Expected::Error(e),
                    (None, true) if codings.is_empty() => Expected::NoEvents,
                    _ => Expected::Codings(codings),
                };
                suite.records.push(Record {
                    id,
                    category,
                    date,
                    text,
                    parse,
                    expected,
                    config: config.clone(),
                    line,
                });
            }
            _ => {}
        }
    }
    Ok(suite)
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<Validation>
<Environment>
  <Verbfile>v.txt</Verbfile>
  <Actorfile>a1.txt, a2.txt</Actorfile>
  <Include>ONE TWO</Include>
  <Config option="stop_on_error" value="True"></Config>
</Environment>
<Sentences>
<Sentence date="19950101" id="R-1" category="ONE">
<EventCoding sourcecode="AAA" targetcode="BBB" eventcode="064"></EventCoding>
<EventCoding eventcode="033"></EventCoding>
<Text>
A  did
it.
</Text>
<Parse>(ROOT (S (NP A)))</Parse>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date = "950102" id ="R-2"  category="TWO"><EventCoding noevents = "True"></EventCoding><Text>x</Text></Sentence>
<Sentence date="bad" id="R-3" category="TWO"><EventCoding error="storydiscard"></EventCoding><Text>y</Text></Sentence>
</Sentences>
</Validation>"#;

    #[test]
    fn parses_records_and_config() {
        let s = parse_suite(XML).unwrap();
        assert_eq!(s.environment.actors, ["a1.txt", "a2.txt"]);
        assert_eq!(s.environment.include, ["ONE", "TWO"]);
        assert_eq!(s.records.len(), 3);
        let r = &s.records[0];
        assert_eq!(r.text, "A did it.");
        assert_eq!(r.config.len(), 1);
        match &r.expected {
            Expected::Codings(c) => {
                assert_eq!(c.len(), 2);
                assert_eq!(c[1].source, None);
                assert_eq!(c[1].event.as_deref(), Some("033"));
            }
            e => panic!("{e:?}"),
        }
        assert_eq!(s.records[1].expected, Expected::NoEvents);
        assert_eq!(s.records[1].config.len(), 2);
        assert_eq!(s.records[1].date, NaiveDate::from_ymd_opt(1995, 1, 2));
        assert_eq!(
            s.records[2].expected,
            Expected::Error("storydiscard".into())
        );
        assert_eq!(s.warnings.len(), 1);
        assert!(parse_suite("<a>").is_err());
    }
}
