//! Sentence segmentation over tokens, tuned for news copy.
//!
//! Handles abbreviations and initials (kept inside tokens by the tokenizer),
//! decimals, a closing quote after the period, headlines without a final
//! period (a line break before a capitalised line), and wire datelines
//! ("SEOUL, Nov. 26 (Xinhua) --", "WASHINGTON (Reuters) -"), which are cut off
//! the sentence they introduce.
//!
//! Invariant: the returned ranges are token index ranges, non-empty, in
//! order and non-overlapping; every token not in a dateline belongs to
//! exactly one sentence.

use super::token::{Token, TokenKind};
use std::ops::Range;

/// Words that, capitalised after a dotted abbreviation ("U.S."), start a new sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "in",
    "on",
    "at",
    "but",
    "and",
    "however",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "its",
    "their",
    "our",
    "meanwhile",
    "earlier",
    "later",
    "after",
    "before",
    "when",
    "while",
    "according",
    "officials",
    "both",
    "some",
    "many",
    "no",
    "yet",
    "still",
    "last",
    "on",
    "since",
    "as",
    "if",
    "what",
    "why",
    "how",
    "mr.",
    "ms.",
];

/// Titles and months that never end a sentence even before a capital.
const NEVER_FINAL: &[&str] = &[
    "mr.", "mrs.", "ms.", "dr.", "gen.", "brig.", "lt.", "col.", "maj.", "capt.", "cmdr.", "adm.",
    "sgt.", "cpl.", "pvt.", "sen.", "sens.", "rep.", "reps.", "gov.", "pres.", "prof.", "rev.",
    "st.", "hon.", "gens.", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.",
    "sept.", "oct.", "nov.", "dec.", "no.", "nos.", "vs.", "messrs.", "fr.",
];

/// Lower-case words after which a single line break is a wrap, not a headline end.
const CONTINUATION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "at", "with", "and", "or", "but", "for", "by",
    "from", "as", "that", "which", "who", "its", "his", "her", "their", "is", "are", "was", "were",
    "has", "have", "had", "be", "been", "will", "would", "said", "about", "into",
];

fn is_closing(s: &str) -> bool {
    matches!(s, "\"" | "'" | "”" | "’" | ")" | "]" | "»")
}

fn is_opening(s: &str) -> bool {
    matches!(s, "\"" | "'" | "“" | "‘" | "(" | "[" | "«")
}

fn starts_upper(s: &str) -> bool {
    s.chars()
        .next()
        .map(|c| c.is_uppercase() || c.is_ascii_digit())
        .unwrap_or(false)
}

/// Splits `tokens` of `text` into sentences (token ranges), datelines removed.
pub fn segment(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = 0usize;
    let n = tokens.len();
    let mut i = 0usize;
    while i < n {
        let t = &tokens[i];
        let s = t.text(text);
        // line breaks inside a sentence
        if i > start && t.newlines_before > 0 {
            let prev = tokens[i - 1].text(text);
            let blank_line = t.newlines_before >= 2;
            let headline_end = starts_upper(s) || is_opening(s);
            let prev_continues = prev == ","
                || prev == "-"
                || CONTINUATION_WORDS.contains(&prev.to_lowercase().as_str());
            if blank_line || (headline_end && !prev_continues) {
                sentences.push(start..i);
                start = i;
            }
        }
        let terminal = t.kind == TokenKind::Punct
            && (s == "." || s == "!" || s == "?" || s == "..." || s == "…" || s == "?!");
        let abbrev_end = t.kind == TokenKind::Word && s.ends_with('.') && {
            let lower = s.to_lowercase();
            !NEVER_FINAL.contains(&lower.as_str())
        };
        if terminal || abbrev_end {
            let mut end = i + 1;
            while end < n && is_closing(tokens[end].text(text)) && tokens[end].newlines_before == 0
            {
                end += 1;
            }
            let split = match tokens.get(end) {
                None => true,
                Some(next) => {
                    let ns = next.text(text);
                    if next.newlines_before > 0 {
                        true
                    } else if terminal {
                        starts_upper(ns) || is_opening(ns)
                    } else {
                        // dotted abbreviation: only before a typical sentence opener
                        starts_upper(ns) && SENTENCE_STARTERS.contains(&ns.to_lowercase().as_str())
                    }
                }
            };
            if split {
                sentences.push(start..end);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    if start < n {
        sentences.push(start..n);
    }
    sentences
        .into_iter()
        .filter_map(|r| {
            let skip = dateline_len(text, &tokens[r.clone()]);
            let r = (r.start + skip)..r.end;
            (!r.is_empty()).then_some(r)
        })
        .collect()
}

/// Number of tokens at the start of a sentence that form a wire dateline
/// ("WASHINGTON (Reuters) -", "SEOUL, Nov. 26 (Xinhua) --"), or 0.
pub fn dateline_len(text: &str, toks: &[Token]) -> usize {
    let mut i = 0;
    // one or more upper-case place words, with commas between
    let mut caps = 0;
    while let Some(t) = toks.get(i) {
        let s = t.text(text);
        let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
        if t.kind == TokenKind::Word
            && letters.len() >= 2
            && letters.iter().all(|c| c.is_uppercase())
        {
            caps += 1;
            i += 1;
        } else if s == "," && caps > 0 {
            i += 1;
        } else {
            break;
        }
    }
    if caps == 0 || caps > 5 {
        return 0;
    }
    // optional date: "Nov. 26", "26 Nov", "March 3"
    let mut j = i;
    for _ in 0..3 {
        match toks.get(j) {
            Some(t)
                if t.kind == TokenKind::Number
                    || (t.kind == TokenKind::Word && starts_upper(t.text(text)) && j < i + 2) =>
            {
                j += 1
            }
            Some(t) if t.text(text) == "," => j += 1,
            _ => break,
        }
    }
    // optional "(Agency)"
    let mut agency = false;
    let mut k = j;
    if toks.get(k).map(|t| t.text(text)) == Some("(") {
        let close = toks[k..].iter().take(8).position(|t| t.text(text) == ")");
        if let Some(c) = close {
            k += c + 1;
            agency = true;
        }
    }
    // a dash ends the dateline
    match toks.get(k).map(|t| t.text(text)) {
        Some("-" | "--" | "—" | "–" | "---") => k + 1,
        Some(":") if agency => k + 1,
        _ if agency && k < toks.len() => k,
        _ => {
            // "PARIS, Nov. 26 -" without agency already handled; none here
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    fn sentences(s: &str) -> Vec<String> {
        let toks = tokenize(s);
        segment(s, &toks)
            .into_iter()
            .map(|r| s[toks[r.start].start as usize..toks[r.end - 1].end as usize].to_string())
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            sentences(
                "Brig. Gen. Ismail Qaani met Lt. Col. John W. Smith in the U.S. capital. He left."
            ),
            vec![
                "Brig. Gen. Ismail Qaani met Lt. Col. John W. Smith in the U.S. capital.",
                "He left."
            ]
        );
    }

    #[test]
    fn dotted_acronym_can_end_a_sentence() {
        assert_eq!(
            sentences("Troops arrived in the U.S. The talks began."),
            vec!["Troops arrived in the U.S.", "The talks began."]
        );
    }

    #[test]
    fn decimals_and_months() {
        assert_eq!(
            sentences("Prices rose 3.5 percent on Jan. 5. Sen. Smith objected."),
            vec!["Prices rose 3.5 percent on Jan. 5.", "Sen. Smith objected."]
        );
    }

    #[test]
    fn closing_quote_after_period() {
        assert_eq!(
            sentences("He said, “We will talk.” Iran agreed."),
            vec!["He said, “We will talk.”", "Iran agreed."]
        );
    }

    #[test]
    fn headline_without_period() {
        assert_eq!(
            sentences("Iran and US hold talks\nThe United States held talks with Iran."),
            vec![
                "Iran and US hold talks",
                "The United States held talks with Iran."
            ]
        );
    }

    #[test]
    fn wrapped_lines_do_not_split() {
        assert_eq!(
            sentences("Arnor restored ties with\nGondor almost \nfive years later."),
            vec!["Arnor restored ties with\nGondor almost \nfive years later."]
        );
    }

    #[test]
    fn datelines_are_removed() {
        assert_eq!(
            sentences("SEOUL, Nov. 26 (Xinhua) -- South Korea protested. WASHINGTON (Reuters) - The U.S. agreed."),
            vec!["South Korea protested.", "The U.S. agreed."]
        );
        assert_eq!(
            sentences("BEIRUT, May 12 (dyad wire) - Talks began."),
            vec!["Talks began."]
        );
        assert_eq!(
            sentences("PARIS — France objected."),
            vec!["France objected."]
        );
    }
}
