//! What every TABARI/PETRARCH reader shares: comment removal, bracketed
//! codes, phrase splitting, regular plurals, dates and diagnostics.

use chrono::NaiveDate;
use dyad_core::lexicon::{Diagnostic, EventCode, Origin};
use dyad_core::text::{tokenize, TokenKind};
use std::sync::Arc;

/// One content line of a dictionary file, comments removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number.
    pub number: u32,
    /// The line without `#` and `<!-- -->` comments, right-trimmed; leading
    /// whitespace is kept (actor files use indentation).
    pub text: String,
}

impl Line {
    /// Whether the line starts with whitespace.
    pub fn indented(&self) -> bool {
        self.text.starts_with([' ', '\t'])
    }
}

/// Splits a dictionary file into content lines: strips `<!-- ... -->`
/// comments (also over several lines, and the malformed `<! -- ... -->`
/// that old files contain), `#` comments outside brackets, and blank lines.
pub fn content_lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut in_comment = false;
    for (n, raw) in text.lines().enumerate() {
        let number = (n + 1) as u32;
        let mut line = raw.trim_end_matches(['\r', '\n']).to_string();
        let mut rest = String::new();
        // remove <!-- --> comments, possibly spanning lines
        loop {
            if in_comment {
                match line.find("-->") {
                    Some(e) => {
                        line = line[e + 3..].to_string();
                        in_comment = false;
                    }
                    None => {
                        line.clear();
                        break;
                    }
                }
            }
            match line.find("<!") {
                Some(s) => {
                    rest.push_str(&line[..s]);
                    line = line[s + 2..].to_string();
                    in_comment = true;
                }
                None => {
                    rest.push_str(&line);
                    break;
                }
            }
        }
        let text = strip_hash_comment(&rest).trim_end().to_string();
        if text.trim().is_empty() {
            continue;
        }
        out.push(Line { number, text });
    }
    out
}

/// Cuts a line at the first `#` that is not inside `[...]`.
pub fn strip_hash_comment(s: &str) -> &str {
    cut_outside_brackets(s, '#')
}

/// Cuts a line at the first `c` that is not inside `[...]`.
pub fn cut_outside_brackets(s: &str, c: char) -> &str {
    let mut depth = 0i32;
    for (i, ch) in s.char_indices() {
        match ch {
            '[' => depth += 1,
            ']' => depth = (depth - 1).max(0),
            _ if ch == c && depth == 0 => return &s[..i],
            _ => {}
        }
    }
    s
}

/// Bracketed groups `[...]` of a line, in order, with the text outside them.
pub fn brackets(s: &str) -> (String, Vec<String>) {
    let mut outside = String::new();
    let mut groups = Vec::new();
    let mut cur: Option<String> = None;
    for ch in s.chars() {
        match (ch, &mut cur) {
            ('[', None) => cur = Some(String::new()),
            (']', Some(g)) => {
                groups.push(g.trim().to_string());
                cur = None;
                outside.push(' ');
            }
            (_, Some(g)) => g.push(ch),
            (_, None) => outside.push(ch),
        }
    }
    if let Some(g) = cur {
        // unclosed bracket: keep what was read as a group
        groups.push(g.trim().to_string());
    }
    (outside, groups)
}

/// Whether `s` can be an event or actor code (`064`, `174K`, `USAGOV`, `---`).
pub fn is_code(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 40
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '?' | '+' | '#' | '/' | '*'))
}

/// Whether `s` can be an event code: it starts with a digit or a letter
/// (`064`, `174K`, `102b`, `023?`); symbol-only TABARI codes such as
/// `[+++]` or `[###]` are not event codes.
fn is_event_code(s: &str) -> bool {
    is_code(s) && s.starts_with(|c: char| c.is_ascii_alphanumeric())
}

/// Parses an event code: `064`, `030:030` (paired), `---` (null).
pub fn event_code(s: &str) -> Option<EventCode> {
    let s = s.trim();
    if s == "---" {
        return Some(EventCode::Null);
    }
    if let Some((a, b)) = s.split_once(':') {
        let (a, b) = (a.trim(), b.trim());
        return (is_event_code(a) && is_event_code(b))
            .then(|| EventCode::Paired(a.into(), b.into()));
    }
    is_event_code(s).then(|| EventCode::Code(s.to_string()))
}

/// Splits a dictionary phrase (`GROUP_OF_77`, `PRESIDENT HOSNI MUBARAK`,
/// `U.S.`) into words the way dyad tokenises text.
pub fn phrase_words(s: &str) -> Vec<String> {
    let s = s.replace('_', " ");
    tokenize(&s)
        .iter()
        .map(|t| t.text(&s).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Splits one dictionary word into text tokens, lower case (`DON'T` →
/// `do`, `n't`).
pub fn word_tokens(s: &str) -> Vec<String> {
    let toks = tokenize(s);
    if toks.is_empty() {
        return Vec::new();
    }
    toks.iter()
        .map(|t| t.text(s).replace('’', "'").to_lowercase())
        .collect()
}

/// Whether a string tokenises to at least one word or number.
pub fn has_word(s: &str) -> bool {
    tokenize(s)
        .iter()
        .any(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
}

/// The regular plural of a lower- or upper-case word: consonant + `Y` →
/// `-IES`; `-S` (so `-SS` → `-SSES`), `-X`, `-Z`, `-CH`, `-SH` → `+ES`;
/// otherwise `+S`.
pub fn plural(w: &str) -> String {
    let lower = w.to_lowercase();
    let upper = w.chars().any(|c| c.is_uppercase()) && !w.chars().any(|c| c.is_lowercase());
    let (es, s, ies) = if upper {
        ("ES", "S", "IES")
    } else {
        ("es", "s", "ies")
    };
    let bytes = lower.as_bytes();
    let n = bytes.len();
    if n >= 2 && lower.ends_with('y') && !b"aeiou".contains(&bytes[n - 2]) {
        let stem: String = w.chars().take(w.chars().count() - 1).collect();
        return format!("{stem}{ies}");
    }
    if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        return format!("{w}{es}");
    }
    format!("{w}{s}")
}

/// Parses a TABARI/PETRARCH date: `YYYYMMDD` or `YYMMDD`. Two-digit years
/// 00–29 are 2000–2029, 30–99 are 1930–1999 (the dictionaries were started in
/// the 1990s; later dates are written with four digits).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        8 => (s[..4].parse::<i32>().ok()?, &s[4..]),
        6 => {
            let yy = s[..2].parse::<i32>().ok()?;
            (if yy < 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        _ => return None,
    };
    let m = rest[..2].parse::<u32>().ok()?;
    let d = rest[2..].parse::<u32>().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Collects diagnostics for one file.
#[derive(Debug)]
pub struct Diags<'a> {
    /// File name used in origins.
    pub file: Arc<str>,
    /// Where diagnostics go.
    pub out: &'a mut Vec<Diagnostic>,
}

impl Diags<'_> {
    /// The origin of a line.
    pub fn origin(&self, line: u32) -> Origin {
        Origin {
            file: self.file.clone(),
            line,
        }
    }
    /// Reports a problem at a line.
    pub fn at(&mut self, line: u32, message: impl Into<String>) {
        let origin = self.origin(line);
        self.out.push(Diagnostic {
            origin,
            message: message.into(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_removed() {
        let t = "A [X] # note\n<!-- one\ntwo -->\nB [Y]\n<! -- odd -->\n  \n[#] C\n<!-- x --> D";
        let l = content_lines(t);
        let texts: Vec<&str> = l.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["A [X]", "B [Y]", "[#] C", " D"]);
        assert_eq!(l[1].number, 4);
    }

    #[test]
    fn codes_and_brackets() {
        assert_eq!(event_code("064"), Some(EventCode::Code("064".into())));
        assert_eq!(
            event_code("030:031"),
            Some(EventCode::Paired("030".into(), "031".into()))
        );
        assert_eq!(event_code("---"), Some(EventCode::Null));
        assert_eq!(event_code("a b"), None);
        let (o, g) = brackets("BAN {BANS} [191] x [2]");
        assert_eq!(g, ["191", "2"]);
        assert_eq!(
            o.split_whitespace().collect::<Vec<_>>(),
            ["BAN", "{BANS}", "x"]
        );
    }

    #[test]
    fn plurals_and_dates() {
        assert_eq!(plural("ARMY"), "ARMIES");
        assert_eq!(plural("BOSS"), "BOSSES");
        assert_eq!(plural("DAY"), "DAYS");
        assert_eq!(plural("memo"), "memos");
        assert_eq!(plural("CHURCH"), "CHURCHES");
        assert_eq!(parse_date("950601"), NaiveDate::from_ymd_opt(1995, 6, 1));
        assert_eq!(parse_date("080120"), NaiveDate::from_ymd_opt(2008, 1, 20));
        assert_eq!(parse_date("20121109"), NaiveDate::from_ymd_opt(2012, 11, 9));
        assert_eq!(parse_date("2012119"), None);
        assert_eq!(parse_date("20121340"), None);
    }

    #[test]
    fn words() {
        assert_eq!(phrase_words("GROUP_OF 77"), ["GROUP", "OF", "77"]);
        assert_eq!(phrase_words("U.S."), ["U.S."]);
        assert_eq!(word_tokens("DON'T"), ["do", "n't"]);
    }
}
