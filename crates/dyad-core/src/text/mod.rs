//! Text stage: normalisation, tokenisation and sentence segmentation.

pub mod normalize;
pub mod segment;
pub mod token;

pub use normalize::normalize;
pub use segment::segment;
pub use token::{tokenize, Token, TokenKind};

/// The text of the sentence made of `toks[range]`, with its tokens re-based
/// so that offsets are relative to the sentence.
pub fn sentence<'a>(
    text: &'a str,
    toks: &[Token],
    range: std::ops::Range<usize>,
) -> (&'a str, Vec<Token>) {
    if range.is_empty() {
        return ("", Vec::new());
    }
    let s = toks[range.start].start;
    let e = toks[range.end - 1].end;
    let rel = toks[range]
        .iter()
        .map(|t| Token {
            start: t.start - s,
            end: t.end - s,
            ..*t
        })
        .collect();
    (&text[s as usize..e as usize], rel)
}
