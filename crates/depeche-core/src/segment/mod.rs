//! Segmentation of news text: paragraphs, sentences and tokens, as byte spans.

mod paragraphs;
mod sentences;
mod tokenize;

pub use paragraphs::paragraphs;
pub use sentences::{sentences, SentenceBounds};
pub use tokenize::{is_quote_char, tokenize, tokenize_into};

use crate::span::Span;
use serde::Serialize;

/// What a token is, decided by the tokenizer from its characters alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters (with inner hyphens, apostrophes or dots: `Jong-un`, `aujourd'hui`, `U.S.`),
    /// including elided articles such as `l’`.
    Word,
    /// Starts with a digit: `800 000`, `3,5`, `2e`, `10km`.
    Number,
    /// Sentence or clause punctuation, ellipses and brackets.
    Punct,
    /// A quotation mark of any style.
    Quote,
    /// A hyphen or dash standing alone.
    Dash,
    /// Currency signs, `%`, emoji and other symbols.
    Symbol,
    Url,
    Email,
    Hashtag,
    /// `@handle`.
    Handle,
}

/// One token: a byte span into the original text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }
}
