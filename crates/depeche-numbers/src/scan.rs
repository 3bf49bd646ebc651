//! A light tokenizer for number finding: words (letter runs), digit runs and
//! single punctuation chars, each with its byte span, the whitespace before
//! it, and (for words) the folded form when the word is in the vocabulary.

use crate::lexicon::{self, Lex};
use std::borrow::Cow;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Digits,
    Punct(char),
}

/// One token of the scan.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Whitespace (any kind) right before the token.
    pub space_before: bool,
    /// The vocabulary entry of a word token (folded), if any.
    pub lex: Option<&'static Lex>,
}

impl Tok {
    /// The folded vocabulary word, or "" when unknown / not a word.
    pub fn word(&self) -> &'static str {
        self.lex.map_or("", |l| l.word.as_str())
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }
    pub fn is_digits(&self) -> bool {
        self.kind == TokKind::Digits
    }
}

/// Folds a char for matching: lowercase, accents removed, typographic forms to ASCII.
pub fn fold(c: char) -> Option<char> {
    let c = depeche_core::fold_char(c);
    let c = match c {
        'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' | 'Ä' | 'Á' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' | 'ᵉ' => 'e',
        'î' | 'ï' | 'í' | 'Î' | 'Ï' => 'i',
        'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' => 'o',
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ʳ' => 'r',
        _ => c,
    };
    if c.is_ascii() {
        Some(c.to_ascii_lowercase())
    } else {
        c.to_lowercase().next()
    }
}

/// Folded form of a string (for on-demand phrase matching).
pub fn fold_str(s: &str) -> String {
    s.chars().filter_map(fold).collect()
}

/// [`fold_str`] that borrows `s` when folding leaves it unchanged (most
/// words), so that reading a token costs no allocation.
pub fn fold_str_cow(s: &str) -> Cow<'_, str> {
    if s.chars().all(|c| fold(c) == Some(c)) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(fold_str(s))
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || c == 'ᵉ' || c == 'ʳ'
}

/// Splits `text` into tokens.
pub fn scan(text: &str) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut space = true;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            toks.push(tok(start, i, TokKind::Digits, space, None));
            space = false;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            space = true;
            i += c.len_utf8();
        } else if is_word_char(c) {
            let start = i;
            while i < bytes.len() {
                let d = text[i..].chars().next().unwrap_or(' ');
                if !is_word_char(d) {
                    break;
                }
                i += d.len_utf8();
            }
            let lex = lexicon::lookup(&text[start..i]);
            toks.push(tok(start, i, TokKind::Word, space, lex));
            space = false;
        } else {
            toks.push(tok(i, i + c.len_utf8(), TokKind::Punct(c), space, None));
            i += c.len_utf8();
            space = false;
        }
    }
    toks
}

fn tok(start: usize, end: usize, kind: TokKind, space_before: bool, lex: Option<&'static Lex>) -> Tok {
    Tok { start, end, kind, space_before, lex }
}

/// Whether the whitespace before token `i` is a single thin/normal space
/// usable as a thousands separator.
pub fn group_space(text: &str, toks: &[Tok], i: usize) -> bool {
    if i == 0 || !toks[i].space_before {
        return false;
    }
    let gap = &text[toks[i - 1].end..toks[i].start];
    let mut chars = gap.chars();
    matches!((chars.next(), chars.next()), (Some(' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'), None))
}
