//! The document: original text, language and segmentation, all as byte spans.

use crate::lang::{self, Lang};
use crate::segment::{self, Token, TokenKind};
use crate::span::{CharMap, Span};
use once_cell::sync::OnceCell;

/// One sentence: its span in the text, its token range and its paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Indices into [`Document::tokens`], `start..end`.
    pub tokens: std::ops::Range<usize>,
    /// Index into [`Document::paragraphs`].
    pub paragraph: usize,
}

/// A document ready for extraction. `text` is the input exactly as given.
#[derive(Debug)]
pub struct Document {
    pub id: String,
    pub text: String,
    pub lang: Lang,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// Spans handed to target-dependent extractors (stance), as byte spans.
    pub targets: Vec<Span>,
    /// True when the tokens were given by the caller and must not be split.
    pub pretokenized: bool,
    char_map: OnceCell<CharMap>,
}

impl Document {
    /// Segments `text`; `lang` of `None` means identify it.
    pub fn new(id: impl Into<String>, text: impl Into<String>, lang: Option<Lang>) -> Self {
        let text = text.into();
        let lang = lang.unwrap_or_else(|| lang::identify(&text));
        let paragraphs = segment::paragraphs(&text);
        let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
        let mut sentences = Vec::new();
        for (p, para) in paragraphs.iter().enumerate() {
            let first = tokens.len();
            segment::tokenize_into(para.slice(&text), para.start, &mut tokens);
            for range in segment::sentences(&text, &tokens, first..tokens.len()) {
                let span = Span::new(tokens[range.start].span.start, tokens[range.end - 1].span.end);
                sentences.push(Sentence { span, tokens: range, paragraph: p });
            }
        }
        Document {
            id: id.into(),
            text,
            lang,
            paragraphs,
            sentences,
            tokens,
            targets: Vec::new(),
            pretokenized: false,
            char_map: OnceCell::new(),
        }
    }

    /// A document from given tokens (one sentence): the text is the tokens
    /// joined by single spaces and every given token stays one token.
    pub fn from_tokens<S: AsRef<str>>(id: impl Into<String>, words: &[S], lang: Option<Lang>) -> Self {
        let mut text = String::new();
        let mut tokens = Vec::with_capacity(words.len());
        for w in words {
            let w = w.as_ref();
            if w.is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(w);
            tokens.push(Token { span: Span::new(start, text.len()), kind: classify_given_token(w) });
        }
        let lang = lang.unwrap_or_else(|| lang::identify(&text));
        let whole = Span::new(0, text.len());
        let (paragraphs, sentences) = if tokens.is_empty() {
            (Vec::new(), Vec::new())
        } else {
            (vec![whole], vec![Sentence { span: whole, tokens: 0..tokens.len(), paragraph: 0 }])
        };
        Document {
            id: id.into(),
            text,
            lang,
            paragraphs,
            sentences,
            tokens,
            targets: Vec::new(),
            pretokenized: true,
            char_map: OnceCell::new(),
        }
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &str {
        self.tokens[i].span.slice(&self.text)
    }

    /// The byte <-> char offset map, built on first use.
    pub fn char_map(&self) -> &CharMap {
        self.char_map.get_or_init(|| CharMap::new(&self.text))
    }

    /// Index of the sentence that contains byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }

    /// Index of the first token that ends after byte `offset`.
    pub fn token_at_or_after(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end <= offset)
    }

    /// Sets the target spans from Unicode-scalar offsets; returns an error
    /// message for a span that is out of range or empty.
    pub fn set_char_targets(&mut self, targets: &[(usize, usize)]) -> Result<(), String> {
        let map = self.char_map().clone();
        self.targets = targets
            .iter()
            .map(|&(s, e)| match (map.to_byte(s), map.to_byte(e)) {
                (Some(bs), Some(be)) if bs < be => Ok(Span::new(bs, be)),
                _ => Err(format!("target [{s}, {e}) is empty or outside the text ({} chars)", map.char_len())),
            })
            .collect::<Result<_, _>>()?;
        Ok(())
    }
}

/// Kind of a caller-given token, from its first char.
fn classify_given_token(w: &str) -> TokenKind {
    let first = w.chars().next().unwrap_or(' ');
    if first.is_ascii_digit() {
        TokenKind::Number
    } else if first.is_alphanumeric() {
        TokenKind::Word
    } else {
        let mut own = segment::tokenize(w);
        match own.len() {
            1 => own.pop().map_or(TokenKind::Symbol, |t| t.kind),
            _ => TokenKind::Symbol,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_layer_slices_back_on_multibyte_text() {
        let text = "« Bonjour », a dit l’élève 🙂.\n\nM. Dupont répond que le prix est de 800\u{202f}000 €. Fin…";
        let doc = Document::new("d", text, None);
        assert_eq!(doc.lang, Lang::Fr);
        assert_eq!(doc.paragraphs.len(), 2);
        for t in &doc.tokens {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            assert!(!t.span.slice(text).trim().is_empty());
        }
        let sentences: Vec<&str> = doc.sentences.iter().map(|s| doc.slice(s.span)).collect();
        assert_eq!(
            sentences,
            vec!["« Bonjour », a dit l’élève 🙂.", "M. Dupont répond que le prix est de 800\u{202f}000 €.", "Fin…",]
        );
        assert_eq!(doc.sentence_at(text.find("Dupont").unwrap()), Some(1));
    }

    #[test]
    fn given_tokens_are_kept_whole() {
        let doc = Document::from_tokens("t", &["New", "York-based", "3.5", "«"], Some(Lang::En));
        assert_eq!(doc.text, "New York-based 3.5 «");
        let toks: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.token_text(i)).collect();
        assert_eq!(toks, ["New", "York-based", "3.5", "«"]);
        assert_eq!(doc.sentences.len(), 1);
    }

    #[test]
    fn char_targets_convert_to_bytes() {
        let mut doc = Document::new("t", "Élu à Paris", Some(Lang::Fr));
        doc.set_char_targets(&[(6, 11)]).unwrap();
        assert_eq!(doc.slice(doc.targets[0]), "Paris");
        assert!(doc.set_char_targets(&[(6, 40)]).is_err());
    }
}
