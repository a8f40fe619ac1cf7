//! TABARI/PETRARCH comma-clause deletion: before coding, comma-delimited
//! stretches of a sentence whose length (in words) falls within configured
//! limits are removed, which drops most appositives ("Osgiliath, the state's
//! fiercest foe, could …") and trailing attributions (", a senior official
//! said on Saturday.").
//!
//! Three limits, as in PETRARCH's configuration: `comma_min`/`comma_max`
//! for stretches between two commas, `comma_bmin`/`comma_bmax` for the
//! stretch from the start of the sentence to the first comma, and
//! `comma_emin`/`comma_emax` for the stretch from the last comma to the end.
//! A maximum of 0 turns that kind of deletion off.

use dyad_core::analysis::pos::{closed_class, Tag};
use dyad_core::text::{segment, tokenize, TokenKind};

/// Comma-clause limits (inclusive), in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CommaLimits {
    /// Internal clause minimum.
    pub min: usize,
    /// Internal clause maximum (0: off).
    pub max: usize,
    /// Initial clause minimum.
    pub bmin: usize,
    /// Initial clause maximum (0: off).
    pub bmax: usize,
    /// Terminal clause minimum.
    pub emin: usize,
    /// Terminal clause maximum (0: off).
    pub emax: usize,
}

impl CommaLimits {
    /// PETRARCH's defaults: internal 2–8, initial off, terminal 2–8.
    pub const PETRARCH: CommaLimits = CommaLimits {
        min: 2,
        max: 8,
        bmin: 0,
        bmax: 0,
        emin: 2,
        emax: 8,
    };
    /// No deletion.
    pub const OFF: CommaLimits = CommaLimits {
        min: 0,
        max: 0,
        bmin: 0,
        bmax: 0,
        emin: 0,
        emax: 0,
    };

    /// Whether any deletion is on.
    pub fn active(&self) -> bool {
        self.max > 0 || self.bmax > 0 || self.emax > 0
    }
}

impl Default for CommaLimits {
    fn default() -> Self {
        CommaLimits::OFF
    }
}

fn within(n: usize, min: usize, max: usize) -> bool {
    max > 0 && n >= min && n <= max
}

/// Returns `text` with the comma clauses of each sentence removed.
pub fn remove_comma_clauses(text: &str, limits: &CommaLimits) -> String {
    if !limits.active() || !text.contains(',') {
        return text.to_string();
    }
    let toks = tokenize(text);
    let mut cut: Vec<(usize, usize)> = Vec::new(); // byte ranges to drop
    for r in segment(text, &toks) {
        let s = &toks[r.clone()];
        let commas: Vec<usize> = (0..s.len()).filter(|&i| s[i].text(text) == ",").collect();
        if commas.is_empty() {
            continue;
        }
        // the terminal stretch ends before sentence-final punctuation
        let mut end = s.len();
        while end > 0 && s[end - 1].kind == TokenKind::Punct && s[end - 1].text(text) != "," {
            end -= 1;
        }
        let words = |a: usize, b: usize| {
            s[a..b.max(a)]
                .iter()
                .filter(|t| t.kind != TokenKind::Punct)
                .count()
        };
        let cap = |i: usize| s[i].text(text).starts_with(char::is_uppercase);
        let next_comma = |c: usize| commas.iter().copied().find(|&x| x > c).unwrap_or(end);
        // "Mordor, Rohan, the Shire and Bree", "Fornost, and good Gondor": a comma
        // inside a list of names (after a capitalised word, through short
        // stretches ending in one, up to "and"/"or") is not a clause boundary
        let is_list = |c: usize| {
            if c == 0 || !cap(c - 1) {
                return false;
            }
            let mut c = c;
            loop {
                let e = next_comma(c);
                let seg: Vec<usize> = (c + 1..e)
                    .filter(|&i| s[i].kind != TokenKind::Punct)
                    .collect();
                if let Some(k) = seg
                    .iter()
                    .position(|&i| matches!(s[i].text(text), "and" | "or"))
                {
                    return k <= 3;
                }
                if seg.is_empty() || seg.len() > 4 || !cap(e - 1) || e >= end {
                    return false;
                }
                c = e;
            }
        };
        // token ranges [a, b) to drop: an internal clause with its opening comma
        let mut spans: Vec<(usize, usize)> = Vec::new();
        for w in commas.windows(2) {
            if !is_list(w[0]) && within(words(w[0] + 1, w[1]), limits.min, limits.max) {
                spans.push((w[0], w[1]));
            }
        }
        let opens = |c: usize, spans: &[(usize, usize)]| spans.iter().any(|&(a, _)| a == c);
        let closes = |c: usize, spans: &[(usize, usize)]| spans.iter().any(|&(_, b)| b == c);
        // an initial stretch is an introductory phrase ("On Thursday,", "In a
        // statement,"), not the start of the main clause
        let first = commas[0];
        let introductory = matches!(
            closed_class(&s[0].text(text).to_lowercase()),
            Some(Tag::Prep | Tag::Sub | Tag::Adv)
        ) || s[0].text(text).to_lowercase().ends_with("ly");
        if introductory
            && !opens(first, &spans)
            && within(words(0, first), limits.bmin, limits.bmax)
            && first + 1 < end
        {
            spans.push((0, first + 1));
        }
        let last = commas[commas.len() - 1];
        if last < end
            && !closes(last, &spans)
            && !opens(last, &spans)
            && !is_list(last)
            && within(words(last + 1, end), limits.emin, limits.emax)
        {
            spans.push((last, end));
        }
        for (a, b) in spans {
            if a >= b {
                continue;
            }
            let start = s[a].start as usize;
            let stop = if b < s.len() {
                s[b].start as usize
            } else {
                s[b - 1].end as usize
            };
            // keep a space where the removed stretch began mid-sentence
            cut.push((start, stop));
        }
    }
    if cut.is_empty() {
        return text.to_string();
    }
    cut.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for (a, b) in cut {
        if a < pos {
            pos = pos.max(b);
            continue;
        }
        out.push_str(&text[pos..a]);
        if !out.ends_with(' ')
            && a > 0
            && b < text.len()
            && !text[b..].starts_with([' ', '.', ',', ';', '?', '!'])
        {
            out.push(' ');
        }
        pos = b;
    }
    out.push_str(&text[pos..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_clauses_within_limits() {
        let l = CommaLimits::PETRARCH;
        assert_eq!(
            remove_comma_clauses(
                "Arnor restored ties with Gondor, almost five years after angry crowds burned down its embassy, a senior official said on Saturday.",
                &l
            ),
            "Arnor restored ties with Gondor, almost five years after angry crowds burned down its embassy."
        );
        assert_eq!(
            remove_comma_clauses("Osgiliath, the fiercest foe, could be drawn in.", &l),
            "Osgiliath, could be drawn in."
        );
        // a one-word stretch is kept; an initial stretch is kept by default
        assert_eq!(remove_comma_clauses("Yes, so, he left.", &l), "Yes, so.");
        assert_eq!(
            remove_comma_clauses("Yes, we will, he said.", &l),
            "Yes, he said."
        );
        // lists of names are not clauses
        assert_eq!(
            remove_comma_clauses(
                "Ties with Mordor, Rohan, the Shire and Bree after a long rift grew.",
                &l
            ),
            "Ties with Mordor, Rohan, the Shire and Bree after a long rift grew."
        );
        assert_eq!(
            remove_comma_clauses(
                "A deal with Dagolath, its biggest trading partner, officials said.",
                &l
            ),
            "A deal with Dagolath, officials said."
        );
        let b = CommaLimits {
            bmin: 1,
            bmax: 3,
            ..CommaLimits::OFF
        };
        assert_eq!(
            remove_comma_clauses("On Monday, Gondor left.", &b),
            "Gondor left."
        );
        assert_eq!(
            remove_comma_clauses("A, b c d.", &CommaLimits::OFF),
            "A, b c d."
        );
    }
}
