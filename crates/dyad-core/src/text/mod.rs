//! Text stage: normalisation, tokenisation and sentence segmentation.

pub mod normalize;
pub mod segment;
pub mod token;

pub use normalize::normalize;
pub use segment::segment;
pub use token::{tokenize, Token, TokenKind};
