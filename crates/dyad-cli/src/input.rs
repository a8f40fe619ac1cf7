//! Input readers: JSON Lines documents and plain-text files, from paths,
//! directories (recursively) or stdin. Every document is either yielded or
//! reported as skipped with its location and a reason; one bad line never
//! stops the others.

use chrono::NaiveDate;
use dyad_core::Document;
use serde::Deserialize;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Input format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Decide by extension: .jsonl/.ndjson/.json are JSON Lines, others text.
    Auto,
    /// One JSON document per line.
    Jsonl,
    /// One document per file.
    Text,
}

/// Why a document was skipped.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SkipReason {
    /// Bytes that are not UTF-8.
    InvalidUtf8,
    /// A line that is not a JSON object of the expected shape.
    MalformedJson,
    /// No date and no `--date` default.
    MissingDate,
    /// A date dyad cannot read.
    InvalidDate,
    /// No text to code.
    EmptyText,
    /// The file could not be read.
    Unreadable,
    /// A story-level discard phrase matched.
    Discarded,
}

impl SkipReason {
    /// Short name for summaries.
    pub fn name(&self) -> &'static str {
        match self {
            SkipReason::InvalidUtf8 => "invalid UTF-8",
            SkipReason::MalformedJson => "malformed JSON",
            SkipReason::MissingDate => "missing date",
            SkipReason::InvalidDate => "invalid date",
            SkipReason::EmptyText => "empty text",
            SkipReason::Unreadable => "unreadable",
            SkipReason::Discarded => "story discarded",
        }
    }
}

/// A skipped document: where and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skip {
    /// `file:line` or file name.
    pub location: String,
    /// Category.
    pub reason: SkipReason,
    /// Details for the user.
    pub detail: String,
}

/// One input item.
pub type Item = Result<Document, Skip>;

/// Parses `YYYY-MM-DD`, `YYYYMMDD` or an RFC 3339 timestamp.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .or_else(|| {
            if s.len() == 8 {
                NaiveDate::parse_from_str(s, "%Y%m%d").ok()
            } else {
                None
            }
        })
        .or_else(|| {
            chrono::DateTime::parse_from_rfc3339(s)
                .ok()
                .map(|d| d.date_naive())
        })
        .or_else(|| {
            // "2024-03-14T10:00:00" without zone
            s.get(..10)
                .filter(|_| s.len() > 10 && s.as_bytes()[10] == b'T')
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        })
}

#[derive(Deserialize)]
struct JsonDoc {
    id: Option<serde_json::Value>,
    date: Option<serde_json::Value>,
    text: Option<String>,
    title: Option<String>,
    #[allow(dead_code)]
    source: Option<serde_json::Value>,
    #[allow(dead_code)]
    url: Option<serde_json::Value>,
}

/// Reads inputs lazily, in order.
pub struct Reader {
    paths: Vec<PathBuf>,
    format: InputFormat,
    default_date: Option<NaiveDate>,
    current: Option<(String, Box<dyn BufRead + Send>, usize)>,
}

/// Expands directories (recursively, sorted) into files.
pub fn expand(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" || !p.is_dir() {
            out.push(p.clone());
            continue;
        }
        let mut stack = vec![p.clone()];
        let mut files = Vec::new();
        while let Some(d) = stack.pop() {
            let Ok(rd) = std::fs::read_dir(&d) else {
                files.push(d);
                continue;
            };
            for e in rd.flatten() {
                let path = e.path();
                if path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with('.'))
                {
                    continue;
                }
                if path.is_dir() {
                    stack.push(path);
                } else {
                    files.push(path);
                }
            }
        }
        files.sort();
        out.extend(files);
    }
    out
}

fn is_jsonl(p: &Path) -> bool {
    matches!(
        p.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson" | "json")
    )
}

impl Reader {
    /// A reader over `paths` (`-` is stdin).
    pub fn new(paths: &[PathBuf], format: InputFormat, default_date: Option<NaiveDate>) -> Self {
        let mut paths = expand(paths);
        paths.reverse();
        Reader {
            paths,
            format,
            default_date,
            current: None,
        }
    }

    fn doc_from_json(&self, loc: &str, line: &str) -> Item {
        let skip = |reason, detail: String| {
            Err(Skip {
                location: loc.to_string(),
                reason,
                detail,
            })
        };
        let v: JsonDoc = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => return skip(SkipReason::MalformedJson, e.to_string()),
        };
        let id = match v.id {
            Some(serde_json::Value::String(s)) if !s.is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => loc.to_string(),
        };
        let date = match v.date {
            None | Some(serde_json::Value::Null) => match self.default_date {
                Some(d) => d,
                None => return skip(SkipReason::MissingDate, format!("document {id} has no date and no --date was given")),
            },
            Some(serde_json::Value::String(s)) => match parse_date(&s) {
                Some(d) => d,
                None => return skip(SkipReason::InvalidDate, format!("document {id}: cannot read date {s:?} (want YYYY-MM-DD, YYYYMMDD or RFC 3339)")),
            },
            Some(serde_json::Value::Number(n)) => match parse_date(&n.to_string()) {
                Some(d) => d,
                None => return skip(SkipReason::InvalidDate, format!("document {id}: cannot read date {n}")),
            },
            Some(other) => return skip(SkipReason::InvalidDate, format!("document {id}: date must be a string, got {other}")),
        };
        let text = v.text.unwrap_or_default();
        if text.trim().is_empty() && v.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
            return skip(SkipReason::EmptyText, format!("document {id} has no text"));
        }
        Ok(Document {
            id,
            date,
            text,
            title: v.title,
        })
    }

    fn open(&mut self, path: PathBuf) -> Option<Item> {
        let name = path.display().to_string();
        let stdin = path.as_os_str() == "-";
        let jsonl = match self.format {
            InputFormat::Jsonl => true,
            InputFormat::Text => false,
            InputFormat::Auto => !stdin && is_jsonl(&path),
        };
        let reader: Box<dyn BufRead + Send> = if stdin {
            Box::new(BufReader::new(std::io::stdin()))
        } else {
            match std::fs::File::open(&path) {
                Ok(f) => Box::new(BufReader::with_capacity(1 << 16, f)),
                Err(e) => {
                    return Some(Err(Skip {
                        location: name,
                        reason: SkipReason::Unreadable,
                        detail: e.to_string(),
                    }));
                }
            }
        };
        let name = if stdin { "<stdin>".to_string() } else { name };
        if jsonl {
            self.current = Some((name, reader, 0));
            return None;
        }
        // plain text: the whole file is one document
        let mut bytes = Vec::new();
        let mut reader = reader;
        if let Err(e) = reader.read_to_end(&mut bytes) {
            return Some(Err(Skip {
                location: name,
                reason: SkipReason::Unreadable,
                detail: e.to_string(),
            }));
        }
        let id = if stdin {
            "stdin".to_string()
        } else {
            path.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| name.clone())
        };
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                return Some(Err(Skip {
                    location: name,
                    reason: SkipReason::InvalidUtf8,
                    detail: format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
                }))
            }
        };
        if text.trim().is_empty() {
            return Some(Err(Skip {
                location: name,
                reason: SkipReason::EmptyText,
                detail: "file is empty".into(),
            }));
        }
        let Some(date) = self.default_date else {
            return Some(Err(Skip {
                location: name,
                reason: SkipReason::MissingDate,
                detail: "plain-text input needs --date YYYY-MM-DD".into(),
            }));
        };
        Some(Ok(Document {
            id,
            date,
            text,
            title: None,
        }))
    }
}

impl Iterator for Reader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some((name, reader, line_no)) = &mut self.current {
                let mut buf = Vec::new();
                match reader.read_until(b'\n', &mut buf) {
                    Ok(0) => {
                        self.current = None;
                        continue;
                    }
                    Ok(_) => {
                        *line_no += 1;
                        let loc = format!("{name}:{line_no}");
                        let line = match std::str::from_utf8(&buf) {
                            Ok(l) => l,
                            Err(e) => {
                                return Some(Err(Skip {
                                    location: loc,
                                    reason: SkipReason::InvalidUtf8,
                                    detail: format!(
                                        "invalid UTF-8 at byte {} of the line",
                                        e.valid_up_to()
                                    ),
                                }))
                            }
                        };
                        let line = line.trim_start_matches('\u{feff}').trim();
                        if line.is_empty() {
                            continue;
                        }
                        return Some(self.doc_from_json(&loc, line));
                    }
                    Err(e) => {
                        let loc = format!("{name}:{}", *line_no + 1);
                        self.current = None;
                        return Some(Err(Skip {
                            location: loc,
                            reason: SkipReason::Unreadable,
                            detail: e.to_string(),
                        }));
                    }
                }
            }
            let path = self.paths.pop()?;
            if let Some(item) = self.open(path) {
                return Some(item);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2024, 3, 14);
        assert_eq!(parse_date("2024-03-14"), d);
        assert_eq!(parse_date("20240314"), d);
        assert_eq!(parse_date("2024-03-14T10:00:00Z"), d);
        assert_eq!(parse_date("2024-03-14T10:00:00"), d);
        assert_eq!(parse_date("14/03/2024"), None);
        assert_eq!(parse_date("2024-13-01"), None);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        /// Every line of a JSONL file becomes exactly one document or one skip,
        /// whatever its bytes.
        #[test]
        fn one_item_per_nonblank_line(lines in prop::collection::vec(prop_oneof![
            Just(r#"{"id":"a","date":"2024-03-14","text":"Iran attacked Israel."}"#.as_bytes().to_vec()),
            Just(br#"{"id":1,"date":20240314,"text":"x","title":"t"}"#.to_vec()),
            Just(br#"{"id":"b","date":"nope","text":"x"}"#.to_vec()),
            Just(br#"{"id":"c","text":""}"#.to_vec()),
            Just(br#"[1,2,3]"#.to_vec()),
            prop::collection::vec(any::<u8>().prop_filter("no newline", |b| *b != b'\n'), 0..40),
        ], 0..20)) {
            let mut bytes = Vec::new();
            for l in &lines {
                bytes.extend_from_slice(l);
                bytes.push(b'\n');
            }
            let dir = std::env::temp_dir().join(format!("dyad-prop-{}", std::process::id()));
            std::fs::create_dir_all(&dir).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let p = dir.join("in.jsonl");
            std::fs::write(&p, &bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let items: Vec<Item> = Reader::new(&[p], InputFormat::Auto, None).collect();
            let nonblank = lines.iter().filter(|l| {
                std::str::from_utf8(l).map(|s| !s.trim_start_matches('\u{feff}').trim().is_empty()).unwrap_or(true)
            }).count();
            prop_assert_eq!(items.len(), nonblank);
        }
    }
}
