//! Direct speech by quotation marks: pairs `« »`, `“ ”`, `„ “`, `‹ ›`,
//! `" "` and `‘ ’` in one linear pass, multi-paragraph quotes whose
//! paragraphs reopen the mark, and dash-introduced dialogue lines.
//!
//! Every opening mark looks up its closing mark through a per-style cursor
//! that only moves forward, so 10,000 unmatched marks cost linear time; an
//! opening mark with no closing mark in its paragraph is dropped, so an
//! unbalanced mark never swallows the rest of the document.

use depeche_core::Span;

/// Most paragraphs a quote may span when each one reopens the mark.
const MAX_QUOTE_PARAGRAPHS: usize = 6;

/// Longest `‘ ’` quote, in bytes (`’` is also an apostrophe).
const MAX_SINGLE_QUOTE_BYTES: usize = 400;

/// One quotation found by its marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marked {
    /// From the opening mark to the end of the closing mark.
    pub outer: Span,
    /// The content, without marks or surrounding spaces.
    pub content: Span,
    /// True for a dash-introduced dialogue line.
    pub dash: bool,
}

/// The styles of marks, each with its opening chars and closing chars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Guillemets,
    Curly,
    Low,
    Single,
    Straight,
    SingleCurly,
    /// Two apostrophes `''`, the typewriter style of some US newspapers.
    Typewriter,
}

/// Stands for a `''` pair in the list of marks (never a mark itself).
const TYPEWRITER: char = '\u{2033}';

const STYLES: [Style; 7] = [
    Style::Guillemets,
    Style::Curly,
    Style::Low,
    Style::Single,
    Style::Straight,
    Style::SingleCurly,
    Style::Typewriter,
];

impl Style {
    fn opens(self, c: char) -> bool {
        match self {
            Style::Guillemets => c == '«',
            Style::Curly => c == '“',
            Style::Low => c == '„',
            Style::Single => c == '‹',
            Style::Straight => c == '"',
            Style::SingleCurly => c == '‘',
            Style::Typewriter => c == TYPEWRITER,
        }
    }
    fn closes(self, c: char) -> bool {
        match self {
            Style::Guillemets => c == '»',
            Style::Curly => c == '”',
            Style::Low => c == '“' || c == '”',
            Style::Single => c == '›',
            Style::Straight => c == '"',
            Style::SingleCurly => c == '’',
            Style::Typewriter => c == TYPEWRITER,
        }
    }
}

/// Byte positions of a mark and its char.
#[derive(Debug, Clone, Copy)]
struct Mark {
    at: usize,
    c: char,
    len: usize,
}

/// All quotations of `text`, in text order, non-overlapping.
pub fn find(text: &str, paragraphs: &[Span], dialogue_dashes: bool) -> Vec<Marked> {
    let marks = collect_marks(text);
    let closes: Vec<Vec<usize>> = STYLES
        .iter()
        .map(|s| marks.iter().filter(|m| s.closes(m.c) && is_closing_position(text, *s, m)).map(|m| m.at).collect())
        .collect();
    let mut cursors = [0usize; STYLES.len()];
    let mut out = Vec::new();
    let mut next_free = 0usize;
    for m in &marks {
        if m.at < next_free {
            continue;
        }
        let Some(k) = STYLES.iter().position(|s| s.opens(m.c)) else {
            continue;
        };
        let style = STYLES[k];
        if !is_opening_position(text, style, m) {
            continue;
        }
        let list = &closes[k];
        let cursor = &mut cursors[k];
        while *cursor < list.len() && list[*cursor] <= m.at {
            *cursor += 1;
        }
        let Some(&close) = list.get(*cursor) else {
            continue;
        };
        if !close_is_reachable(text, paragraphs, style, m, close) {
            continue;
        }
        let close_end = close + mark_len_at(text, close);
        let content = trim_span(text, Span::new(m.at + m.len, close));
        if content.is_empty() {
            continue;
        }
        out.push(Marked { outer: Span::new(m.at, close_end), content, dash: false });
        next_free = close_end;
    }
    if dialogue_dashes {
        add_dash_lines(text, paragraphs, &mut out);
    }
    out
}

fn collect_marks(text: &str) -> Vec<Mark> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        // Every mark starts with `"`, `'`, 0xC2 (`« »`) or 0xE2 (`“ ” „ ‹ › ‘ ’`).
        match bytes[at] {
            b'\'' if bytes.get(at + 1) == Some(&b'\'') => {
                out.push(Mark { at, c: TYPEWRITER, len: 2 });
                at += 2;
                continue;
            }
            b'"' => out.push(Mark { at, c: '"', len: 1 }),
            0xC2 | 0xE2 => {
                if let Some(c) = text[at..].chars().next() {
                    if matches!(c, '«' | '»' | '“' | '”' | '„' | '‹' | '›' | '‘' | '’') {
                        out.push(Mark { at, c, len: c.len_utf8() });
                    }
                }
            }
            _ => {}
        }
        at += 1;
    }
    out
}

fn mark_len_at(text: &str, at: usize) -> usize {
    if text[at..].starts_with("''") {
        2
    } else {
        text[at..].chars().next().map_or(0, char::len_utf8)
    }
}

fn prev_char(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

fn char_after(text: &str, m: &Mark) -> Option<char> {
    text[m.at + m.len..].chars().next()
}

/// Straight, typewriter and single curly marks open only at a word start.
fn is_opening_position(text: &str, style: Style, m: &Mark) -> bool {
    match style {
        Style::Straight | Style::SingleCurly | Style::Typewriter => {
            let before_ok = !prev_char(text, m.at).is_some_and(char::is_alphanumeric);
            let after_ok = char_after(text, m).is_some_and(|c| !c.is_whitespace());
            before_ok && after_ok
        }
        _ => true,
    }
}

/// `’` closes only at a word end not followed by a letter (not `l’État`);
/// straight and typewriter marks close after a word or before a space.
fn is_closing_position(text: &str, style: Style, m: &Mark) -> bool {
    let before = prev_char(text, m.at);
    let after = char_after(text, m);
    match style {
        Style::SingleCurly => {
            !after.is_some_and(char::is_alphanumeric)
                && before.is_some_and(|b| !b.is_whitespace())
                && !before.is_some_and(|b| b == 's' || b == 'S')
        }
        Style::Straight | Style::Typewriter => {
            before.is_some_and(|b| !b.is_whitespace()) || !after.is_some_and(char::is_alphanumeric)
        }
        _ => true,
    }
}

/// The close lies in the opening's paragraph, or each paragraph up to it
/// reopens the quote with the same mark.
fn close_is_reachable(text: &str, paragraphs: &[Span], style: Style, open: &Mark, close: usize) -> bool {
    if style == Style::SingleCurly && close - open.at > MAX_SINGLE_QUOTE_BYTES {
        return false;
    }
    let first = paragraph_index(paragraphs, open.at);
    let last = paragraph_index(paragraphs, close);
    if first == last {
        return true;
    }
    if last - first >= MAX_QUOTE_PARAGRAPHS || matches!(style, Style::SingleCurly) {
        return false;
    }
    (first + 1..=last).all(|p| {
        paragraphs
            .get(p)
            .and_then(|span| text[span.start..span.end].trim_start().chars().next())
            .is_some_and(|c| style.opens(c))
    })
}

/// Index of the paragraph containing (or preceding) byte `at`.
fn paragraph_index(paragraphs: &[Span], at: usize) -> usize {
    paragraphs.partition_point(|p| p.end <= at)
}

/// Dialogue lines: a `—` or `–` followed by a space, at a paragraph start or
/// after a sentence end (`… fin. – Oui, dit-il.`), opens a line that runs to
/// the next such dash or the paragraph end.
fn add_dash_lines(text: &str, paragraphs: &[Span], out: &mut Vec<Marked>) {
    let mut added = Vec::new();
    for p in paragraphs {
        let starts = dialogue_dashes_in(text, *p);
        for (k, &(dash_at, after_dash)) in starts.iter().enumerate() {
            let end = starts.get(k + 1).map_or(p.end, |&(next, _)| next);
            let content = trim_span(text, Span::new(after_dash, end));
            if content.is_empty() {
                continue;
            }
            added.push(Marked { outer: Span::new(dash_at, end), content, dash: true });
        }
    }
    if added.is_empty() {
        return;
    }
    let marked: Vec<Span> = out.iter().map(|m| m.outer).collect();
    added.retain(|d| {
        let k = marked.partition_point(|m| m.end <= d.outer.start);
        !marked.get(k).is_some_and(|m| m.overlaps(d.outer))
    });
    out.extend(added);
    out.sort_by_key(|m| m.outer.start);
}

/// Byte offsets of each dialogue dash in the paragraph and of what follows it.
fn dialogue_dashes_in(text: &str, p: Span) -> Vec<(usize, usize)> {
    let slice = &text[p.start..p.end];
    let mut out = Vec::new();
    let mut previous: Option<char> = None;
    let mut before_space: Option<char> = None;
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if matches!(c, '—' | '–' | '―') && next.is_some_and(char::is_whitespace) {
            let at_start = slice[..i].trim().is_empty();
            let after_sentence = previous.is_some_and(char::is_whitespace)
                && before_space.is_some_and(|b| matches!(b, '.' | '!' | '?' | '…' | '»' | ':'));
            if at_start || after_sentence {
                out.push((p.start + i, p.start + i + c.len_utf8()));
            }
        }
        if !c.is_whitespace() {
            before_space = Some(c);
        }
        previous = Some(c);
    }
    out
}

/// `span` without surrounding whitespace (any Unicode space).
pub fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    if start >= end {
        Span::new(span.start, span.start)
    } else {
        Span::new(start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use depeche_core::segment::paragraphs;

    fn contents(text: &str) -> Vec<&str> {
        find(text, &paragraphs(text), true).iter().map(|m| m.content.slice(text)).collect()
    }

    #[test]
    fn every_mark_style_pairs() {
        let text = "«\u{a0}Un\u{a0}», «Deux», “Trois”, \"Quatre\", ‘Cinq’, ‹ Six ›, „Sieben“, ''Eight,'' l’État.";
        assert_eq!(contents(text), ["Un", "Deux", "Trois", "Quatre", "Cinq", "Six", "Sieben", "Eight,"]);
    }

    #[test]
    fn nested_marks_stay_inside_the_outer_quote() {
        let text = "« Il a parlé d’une “ vieille amitié ” hier », dit-il.";
        assert_eq!(contents(text), ["Il a parlé d’une “ vieille amitié ” hier"]);
    }

    #[test]
    fn multi_paragraph_quotes_reopen_each_paragraph() {
        let text = "« Premier paragraphe.\n\n« Second paragraphe. »\n\nFin.";
        assert_eq!(contents(text), ["Premier paragraphe.\n\n« Second paragraphe."]);
    }

    #[test]
    fn unbalanced_marks_do_not_swallow_the_document() {
        let text = "« Ouvert sans fin.\n\nAutre paragraphe « cité » ici.";
        assert_eq!(contents(text), ["cité"]);
    }

    #[test]
    fn dialogue_dashes_are_lines() {
        let text = "— Bonjour, dit-il.\n\n— Au revoir. Il partit. – Adieu ! Montauban – Un habitant.";
        assert_eq!(contents(text), ["Bonjour, dit-il.", "Au revoir. Il partit.", "Adieu ! Montauban – Un habitant."]);
    }

    #[test]
    fn ten_thousand_unmatched_marks_run_in_linear_time() {
        for mark in ["« ", "\" ", "“", "‘a "] {
            let text = mark.repeat(10_000);
            let started = std::time::Instant::now();
            let _ = find(&text, &paragraphs(&text), true);
            assert!(started.elapsed().as_millis() < 500, "{mark}");
        }
    }
}
