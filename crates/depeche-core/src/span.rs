//! Byte spans into the original text, and the byte <-> Unicode-scalar mapping
//! used at the input and output edges.

use serde::Serialize;

/// A half-open byte range `[start, end)` into a document's original text.
/// Both ends always lie on `char` boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub const fn len(&self) -> usize {
        self.end - self.start
    }
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// The slice of `text` this span covers.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Maps byte offsets to Unicode-scalar offsets (and back) for one text.
/// ASCII texts need no table.
#[derive(Debug, Clone)]
pub struct CharMap {
    /// Byte offset of every char start, plus the text length; empty for ASCII.
    char_starts: Vec<u32>,
    len: usize,
}

impl CharMap {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharMap { char_starts: Vec::new(), len: text.len() };
        }
        let mut char_starts: Vec<u32> = text.char_indices().map(|(i, _)| i as u32).collect();
        char_starts.push(text.len() as u32);
        CharMap { char_starts, len: text.len() }
    }

    /// Unicode-scalar offset of a byte offset that lies on a char boundary.
    pub fn to_char(&self, byte: usize) -> usize {
        if self.char_starts.is_empty() {
            return byte;
        }
        match self.char_starts.binary_search(&(byte as u32)) {
            Ok(i) => i,
            Err(i) => i, // not a boundary: the next char (callers only pass boundaries)
        }
    }

    /// Byte offset of a Unicode-scalar offset, or `None` past the end.
    pub fn to_byte(&self, char_offset: usize) -> Option<usize> {
        if self.char_starts.is_empty() {
            return (char_offset <= self.len).then_some(char_offset);
        }
        self.char_starts.get(char_offset).map(|&b| b as usize)
    }

    /// Number of chars in the text.
    pub fn char_len(&self) -> usize {
        if self.char_starts.is_empty() {
            self.len
        } else {
            self.char_starts.len() - 1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_map_round_trips_on_multibyte_text() {
        let text = "« Là » 🙂 d’accord";
        let map = CharMap::new(text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(map.to_char(bi), ci);
            assert_eq!(map.to_byte(ci), Some(bi));
        }
        assert_eq!(map.to_char(text.len()), text.chars().count());
        assert_eq!(map.char_len(), text.chars().count());
        assert_eq!(map.to_byte(text.chars().count() + 1), None);
    }

    #[test]
    fn ascii_map_is_identity() {
        let map = CharMap::new("abc");
        assert_eq!(map.to_char(2), 2);
        assert_eq!(map.to_byte(3), Some(3));
        assert_eq!(map.to_byte(4), None);
    }
}
