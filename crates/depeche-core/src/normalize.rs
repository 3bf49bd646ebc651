//! Normalization as a view: apostrophes, quotation marks, dashes and spaces
//! folded to ASCII, with a map from every normalized byte back to the original.
//! Downstream code matches on the view and reports spans in the original text.

use crate::span::Span;

/// Folds one typographic variant to its ASCII form; other chars are unchanged.
pub fn fold_char(c: char) -> char {
    match c {
        '’' | '‘' | 'ʼ' | '‛' | '´' | '`' | '′' => '\'',
        '«' | '»' | '“' | '”' | '„' | '‟' | '″' => '"',
        '‐' | '‑' | '‒' | '−' => '-',
        '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}' | '\u{2002}' | '\u{2003}' | '\u{3000}' => ' ',
        _ => c,
    }
}

/// A folded copy of a text (see [`fold_char`]) that can map its offsets back.
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    /// `to_original[i]` is the original byte offset of normalized byte `i`;
    /// it has one extra entry for the end of the text.
    to_original: Vec<u32>,
}

impl Normalized {
    /// Builds the folded view of `original`, optionally lowercased too.
    pub fn new(original: &str, lowercase: bool) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut to_original = Vec::with_capacity(original.len() + 1);
        let mut buf = [0u8; 4];
        for (i, c) in original.char_indices() {
            let folded = fold_char(c);
            let mut push = |ch: char| {
                let encoded = ch.encode_utf8(&mut buf);
                text.push_str(encoded);
                to_original.extend(std::iter::repeat_n(i as u32, encoded.len()));
            };
            if lowercase && folded.is_uppercase() {
                // Lowercasing may change the length (İ → i̇): every piece maps to `i`.
                folded.to_lowercase().for_each(&mut push);
            } else {
                push(folded);
            }
        }
        to_original.push(original.len() as u32);
        Normalized { text, to_original }
    }

    /// Original byte offset of a normalized byte offset.
    pub fn original_offset(&self, normalized: usize) -> usize {
        self.to_original[normalized] as usize
    }

    /// The original span of a normalized span. A span that ends in the middle
    /// of an expanded char is widened to cover it.
    pub fn original_span(&self, start: usize, end: usize) -> Span {
        let s = self.original_offset(start);
        let mut e = self.original_offset(end);
        if end > start && e <= self.original_offset(end - 1) {
            // `end` points into the expansion of one original char: take the next char start.
            let mut j = end;
            while j < self.to_original.len() - 1 && self.to_original[j] as usize == e {
                j += 1;
            }
            e = self.to_original[j] as usize;
        }
        Span::new(s, e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_offsets_map_back_to_the_original() {
        let original = "L’«\u{a0}Élysée\u{a0}» a dit";
        let norm = Normalized::new(original, true);
        assert_eq!(norm.text, "l'\" élysée \" a dit");
        let at = norm.text.find("élysée").unwrap();
        let span = norm.original_span(at, at + "élysée".len());
        assert_eq!(span.slice(original), "Élysée");
        let q = norm.text.find('\'').unwrap();
        assert_eq!(norm.original_span(q, q + 1).slice(original), "’");
    }

    #[test]
    fn expanding_lowercase_stays_on_boundaries() {
        let original = "İstanbul";
        let norm = Normalized::new(original, true);
        let span = norm.original_span(0, 1);
        assert_eq!(span.slice(original), "İ");
    }
}
