//! Paragraphs: runs of text between line breaks (a blank line or a single newline).

use crate::span::Span;

/// Splits `text` at every line break (`\n`, `\r\n`, `\r`, U+2028, U+2029) and
/// returns the non-blank lines, trimmed of surrounding whitespace.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
            push_trimmed(text, line_start, i, &mut out);
            line_start = i + c.len_utf8();
        }
    }
    push_trimmed(text, line_start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let line = &text[start..end];
    let trimmed_start = line.len() - line.trim_start().len();
    let trimmed = line.trim();
    if !trimmed.is_empty() {
        let s = start + trimmed_start;
        out.push(Span::new(s, s + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = paragraphs(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn splits_on_blank_lines_and_single_newlines() {
        check("Un.\n\nDeux.\nTrois.\r\n  Quatre.  ", &["Un.", "Deux.", "Trois.", "Quatre."]);
        check("", &[]);
        check("\n\n \u{a0}\n", &[]);
    }
}
