//! Tokenisation: splits text into word, number and punctuation tokens with
//! byte offsets.
//!
//! Invariants: tokens are non-empty, in order, never overlap, and never
//! contain whitespace; `start`/`end` are byte offsets on char boundaries of
//! the text that was tokenised. Internal punctuation stays inside words
//! (`U.S.`, `al-Qaeda`, `d'Ivoire`, `AT&T`, `3.5`); possessive `'s` and
//! negative `n't` become tokens of their own, as in the Penn Treebank.

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with internal `-`, `'`, `.`, `&`), possibly with digits.
    Word,
    /// Starts with a digit: `3`, `3.5`, `1,000`, `2024`, `10th`.
    Number,
    /// One punctuation or symbol character, or a run such as `--` or `...`.
    Punct,
}

/// A token: a byte range of the tokenised text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// Number of line breaks in the whitespace before this token.
    pub newlines_before: u8,
}

impl Token {
    /// The token's text in `text` (the string that was tokenised).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start as usize..self.end as usize]
    }
}

/// Abbreviations that keep their final period (lower case, without the period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "brig", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt",
    "cpl", "pvt", "sen", "sens", "rep", "reps", "gov", "govs", "pres", "prof", "rev", "st", "jr",
    "sr", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "vs", "etc", "inc", "corp", "co", "ltd", "mt", "ft", "fr", "hon", "messrs", "gens", "esq",
    "dept", "univ", "assn", "bros", "no", "nos", "approx", "est", "vol", "pp", "fig", "e.g", "i.e",
    "a.m", "p.m",
];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut i = 0usize;
    let mut newlines: u32 = 0;
    while i < text.len() {
        let c = match text[i..].chars().next() {
            Some(c) => c,
            None => break,
        };
        if c.is_whitespace() {
            if c == '\n' {
                newlines += 1;
            }
            i += c.len_utf8();
            continue;
        }
        let nl = newlines.min(u8::MAX as u32) as u8;
        newlines = 0;
        let start = i;
        if is_word_char(c) {
            let end = scan_word(text, i);
            split_word(text, start, end, nl, &mut tokens);
            i = end;
        } else {
            // punctuation: group runs of '-' and '.'
            let mut end = i + c.len_utf8();
            if c == '-' || c == '.' {
                while end < text.len() && bytes[end] == c as u8 {
                    end += 1;
                }
            }
            tokens.push(Token {
                start: start as u32,
                end: end as u32,
                kind: TokenKind::Punct,
                newlines_before: nl,
            });
            i = end;
        }
    }
    tokens
}

/// Scans a word starting at `i`; returns its end (exclusive), including a
/// final period when the word is an abbreviation, an initial or a dotted
/// acronym.
fn scan_word(text: &str, i: usize) -> usize {
    let mut end = i;
    let mut dotted = false;
    let mut chars = text[i..].char_indices().peekable();
    while let Some((off, c)) = chars.next() {
        let pos = i + off;
        if is_word_char(c) {
            end = pos + c.len_utf8();
            continue;
        }
        let next_is_word = chars.peek().map(|&(_, n)| is_word_char(n)).unwrap_or(false);
        let joins = match c {
            '-' | '&' | '/' => next_is_word,
            '.' | ',' => {
                let prev = text[..pos].chars().next_back();
                let next = chars.peek().map(|&(_, n)| n);
                match (prev, next) {
                    // decimals and thousands: 3.5, 1,000
                    (Some(p), Some(n)) if p.is_ascii_digit() && n.is_ascii_digit() => true,
                    // dotted acronyms: U.S, U.N
                    (Some(p), Some(n)) if c == '.' && p.is_alphabetic() && n.is_alphabetic() => {
                        let word = &text[i..pos];
                        let last_seg = word.rsplit('.').next().unwrap_or(word);
                        if last_seg.chars().count() <= 2 {
                            dotted = true;
                            true
                        } else {
                            false
                        }
                    }
                    _ => false,
                }
            }
            c if is_apostrophe(c) => next_is_word,
            _ => false,
        };
        if !joins {
            break;
        }
    }
    // final period of abbreviations, initials and dotted acronyms
    if text[end..].starts_with('.') && !text[end..].starts_with("..") {
        let word = &text[i..end];
        let lower = word.to_lowercase();
        let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        if dotted || single_initial || ABBREVIATIONS.contains(&lower.as_str()) {
            end += 1;
        }
    }
    end
}

/// Pushes the word `text[start..end]`, split into a stem and a clitic
/// (`'s`, `n't`, `'re`, `'ve`, `'ll`, `'d`, `'m`, or a plural possessive `'`).
fn split_word(text: &str, start: usize, end: usize, nl: u8, out: &mut Vec<Token>) {
    let word = &text[start..end];
    let kind = if word.starts_with(|c: char| c.is_ascii_digit()) {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    let mut split = None;
    let lower_tail: String = {
        let n = word.len().saturating_sub(4);
        let mut b = n;
        while !word.is_char_boundary(b) {
            b += 1;
        }
        word[b..].to_lowercase()
    };
    for clitic in ["n't", "n’t"] {
        if lower_tail.ends_with(clitic) && word.len() > clitic.len() {
            let mut at = end - clitic.len();
            // PTB: can't -> ca n't, won't -> wo n't
            if at <= start {
                break;
            }
            if text[start..at].eq_ignore_ascii_case("ca")
                || text[start..at].eq_ignore_ascii_case("wo")
            {
                at = end - clitic.len();
            }
            split = Some(at);
        }
    }
    if split.is_none() {
        for clitic in [
            "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m",
        ] {
            if lower_tail.ends_with(clitic) && word.len() > clitic.len() {
                split = Some(end - clitic.len());
                break;
            }
        }
    }
    match split {
        Some(at) if at > start => {
            out.push(Token {
                start: start as u32,
                end: at as u32,
                kind,
                newlines_before: nl,
            });
            out.push(Token {
                start: at as u32,
                end: end as u32,
                kind: TokenKind::Word,
                newlines_before: 0,
            });
        }
        _ => out.push(Token {
            start: start as u32,
            end: end as u32,
            kind,
            newlines_before: nl,
        }),
    }
    // a plural possessive apostrophe ("countries'") is left as punctuation by
    // the main loop, which sees it as a separate character.
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn keeps_internal_punctuation() {
        assert_eq!(
            texts("The U.S. and al-Qaeda's 3.5 bn, AT&T."),
            vec!["The", "U.S.", "and", "al-Qaeda", "'s", "3.5", "bn", ",", "AT&T", "."]
        );
    }

    #[test]
    fn splits_negative_clitics_like_the_treebank() {
        assert_eq!(
            texts("didn't can't won't"),
            vec!["did", "n't", "ca", "n't", "wo", "n't"]
        );
    }

    #[test]
    fn keeps_abbreviation_periods() {
        assert_eq!(
            texts("Gen. Ismail Qaani met Mr. Smith on Nov. 26. George W. Bush"),
            vec![
                "Gen.", "Ismail", "Qaani", "met", "Mr.", "Smith", "on", "Nov.", "26", ".",
                "George", "W.", "Bush"
            ]
        );
    }

    #[test]
    fn curly_apostrophes_and_quotes() {
        assert_eq!(
            texts("Iran’s “talks”"),
            vec!["Iran", "’s", "“", "talks", "”"]
        );
    }

    #[test]
    fn counts_newlines() {
        let t = tokenize("a\n\nb\nc");
        assert_eq!(
            t.iter().map(|t| t.newlines_before).collect::<Vec<_>>(),
            vec![0, 2, 1]
        );
    }
}
