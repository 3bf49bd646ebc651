//! The tokenizer: one linear pass over the text, no regex, no allocation per token.
//!
//! Rules, in the order they are tried at each non-space position:
//! URLs (`http://`, `https://`, `www.`), e-mails, hashtags and handles, numbers
//! (digits with thousands separators — space, U+00A0, U+202F, U+2009, `.` or
//! `,` — decimals and an attached alphabetic suffix such as `2e` or `10km`),
//! words (letters with inner hyphens, apostrophes and acronym dots; French
//! elisions `l’ d’ qu’ jusqu’ …` end the token after the apostrophe; English
//! `’s` is split off), then quotes, dashes, punctuation and symbols, one char each
//! (`...` stays one token).

use super::{Token, TokenKind};
use crate::span::Span;

/// Tokenizes `text` into a new vector.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, 0, &mut tokens);
    tokens
}

/// Tokenizes `text` (which starts at byte `base` of the document) and appends
/// the tokens, with document offsets, to `out`.
pub fn tokenize_into(text: &str, base: usize, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let c = char_at(text, i);
        if c.is_whitespace() || is_invisible(c) {
            i += c.len_utf8();
            continue;
        }
        let (mut end, kind) = scan_token(text, bytes, i, c);
        debug_assert!(end > i && text.is_char_boundary(end));
        if end <= i {
            end = i + c.len_utf8(); // never loop in place, whatever a scanner returned
        }
        out.push(Token { span: Span::new(base + i, base + end), kind });
        i = end;
    }
}

/// True for every quotation-mark character news text uses.
pub fn is_quote_char(c: char) -> bool {
    matches!(c, '«' | '»' | '“' | '”' | '„' | '‟' | '‹' | '›' | '"' | '\'' | '‘' | '’' | '‚' | '‛' | '`' | '´')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘' | '´' | '`')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−')
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{ad}')
}

/// Letters, digits and combining marks continue a word.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or('\0')
}

fn next_char(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn scan_token(text: &str, bytes: &[u8], i: usize, c: char) -> (usize, TokenKind) {
    if let Some(end) = scan_url(text, bytes, i) {
        return (end, TokenKind::Url);
    }
    if c == '#' || c == '@' {
        let end = scan_while(text, i + 1, |ch| ch.is_alphanumeric() || ch == '_');
        if end > i + 1 {
            let kind = if c == '#' { TokenKind::Hashtag } else { TokenKind::Handle };
            return (end, kind);
        }
    }
    if c.is_ascii_digit() {
        if let Some(end) = scan_email(text, i) {
            return (end, TokenKind::Email);
        }
        return (scan_number(text, i), TokenKind::Number);
    }
    if c.is_numeric() {
        // Vulgar fractions, superscripts, other scripts' digits: `½`, `²`, `٣`.
        return (scan_while(text, i, char::is_numeric), TokenKind::Number);
    }
    if is_word_char(c) {
        if let Some(end) = scan_email(text, i) {
            return (end, TokenKind::Email);
        }
        return (scan_word(text, i), TokenKind::Word);
    }
    if let Some(end) = scan_possessive(text, i, c) {
        return (end, TokenKind::Word);
    }
    if c == '.' && text[i..].starts_with("...") {
        return (scan_while(text, i, |ch| ch == '.'), TokenKind::Punct);
    }
    let end = i + c.len_utf8();
    let kind = if is_quote_char(c) {
        TokenKind::Quote
    } else if is_dash(c) {
        TokenKind::Dash
    } else if c.is_ascii_punctuation() && !matches!(c, '$' | '%' | '&' | '+' | '<' | '=' | '>' | '^' | '|' | '~' | '*')
        || matches!(c, '…' | '¿' | '¡' | '·' | '•')
    {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    };
    (end, kind)
}

/// `’s` right after a word (`Trump’s`): one token.
fn scan_possessive(text: &str, i: usize, c: char) -> Option<usize> {
    if !is_apostrophe(c) || !text[..i].chars().next_back().is_some_and(is_word_char) {
        return None;
    }
    let s_at = i + c.len_utf8();
    let after = s_at + 1;
    let is_s = matches!(text.as_bytes().get(s_at), Some(b's' | b'S'));
    (is_s && !next_char(text, after).is_some_and(is_word_char)).then_some(after)
}

fn scan_while(text: &str, from: usize, pred: impl Fn(char) -> bool) -> usize {
    let mut end = from;
    for ch in text[from..].chars() {
        if !pred(ch) {
            break;
        }
        end += ch.len_utf8();
    }
    end
}

/// `http://…`, `https://…` or `www.…` up to the next space, without trailing punctuation.
fn scan_url(text: &str, bytes: &[u8], i: usize) -> Option<usize> {
    let rest = &bytes[i..];
    let starts = |p: &[u8]| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
    if !(starts(b"http://") || starts(b"https://") || starts(b"www.")) {
        return None;
    }
    let end = scan_while(text, i, |ch| !ch.is_whitespace() && !matches!(ch, '«' | '»' | '“' | '”' | '<' | '>' | '"'));
    Some(trim_trailing_punct(text, i, end))
}

fn trim_trailing_punct(text: &str, start: usize, mut end: usize) -> usize {
    while end > start {
        let last = text[..end].chars().next_back().unwrap();
        if matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '\'' | '’') {
            end -= last.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// `local@domain.tld` starting at `i`, if the non-space chunk there is one.
fn scan_email(text: &str, i: usize) -> Option<usize> {
    let chunk_end = scan_while(text, i, |ch| ch.is_alphanumeric() || matches!(ch, '.' | '_' | '-' | '+' | '@'));
    let chunk = &text[i..chunk_end];
    let at = chunk.find('@')?;
    let (local, domain) = (&chunk[..at], &chunk[at + 1..]);
    let end = trim_trailing_punct(text, i, chunk_end);
    let domain = &domain[..domain.len() - (chunk_end - end)];
    let valid = !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.');
    valid.then_some(end)
}

/// Digits with grouping, decimals and an optional alphabetic suffix (`2e`, `21st`, `10km`).
fn scan_number(text: &str, i: usize) -> usize {
    let mut end = scan_digits(text, i);
    let mut first_group = end - i;
    while let Some(sep) = next_char(text, end) {
        let after = end + sep.len_utf8();
        let group_end = scan_digits(text, after);
        let group = group_end - after;
        if group == 0 {
            break;
        }
        let is_space_sep = matches!(sep, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}');
        if is_space_sep {
            // Space grouping needs a first group of 1–3 digits and groups of exactly 3.
            if first_group > 3 || group != 3 {
                break;
            }
        } else if !matches!(sep, '.' | ',') {
            break;
        }
        end = group_end;
        first_group = first_group.min(3);
    }
    // Alphabetic suffix glued to the digits: ordinals, units, scale letters.
    let suffix_end = scan_while(text, end, |ch| ch.is_alphabetic());
    if suffix_end > end && suffix_end - end <= 12 {
        end = suffix_end;
    }
    end
}

fn scan_digits(text: &str, from: usize) -> usize {
    let b = text.as_bytes();
    let mut end = from;
    while end < b.len() && b[end].is_ascii_digit() {
        end += 1;
    }
    end
}

/// French elided forms that end a token at their apostrophe.
const ELISIONS: &[&str] =
    &["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu"];

fn is_elision(word: &str) -> bool {
    word.len() <= 6 && ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(word))
}

/// A word: letters and digits joined by inner hyphens, apostrophes and acronym dots.
fn scan_word(text: &str, i: usize) -> usize {
    let mut end = scan_while(text, i, is_word_char);
    while let Some(sep) = next_char(text, end) {
        let after = end + sep.len_utf8();
        let Some(following) = next_char(text, after) else {
            break;
        };
        if is_apostrophe(sep) && following.is_alphabetic() {
            if is_elision(&text[i..end]) {
                return after; // `l’` + `armée`
            }
            let next_end = scan_while(text, after, is_word_char);
            let rest = &text[after..next_end];
            if rest.eq_ignore_ascii_case("s") {
                return end; // English possessive: `Trump` + `’s`
            }
            end = next_end;
        } else if matches!(sep, '-' | '‐' | '‑') && is_word_char(following) {
            end = scan_while(text, after, is_word_char);
        } else if sep == '.' && is_acronym_so_far(&text[i..end]) && following.is_alphabetic() {
            // `U.S.`, `J.-C.`: single letters separated by dots.
            let next_end = scan_while(text, after, is_word_char);
            if text[after..next_end].chars().count() != 1 {
                break;
            }
            end = next_end;
            if next_char(text, end) == Some('.') {
                end += 1;
                if !matches!(next_char(text, end), Some(ch) if ch.is_alphabetic()) {
                    break;
                }
            }
        } else {
            break;
        }
    }
    end
}

/// `U`, `U.S`: one letter, or letters each followed by a dot.
fn is_acronym_so_far(s: &str) -> bool {
    s.split('.').all(|part| part.chars().count() == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = tokenize(text).iter().map(|t| t.span.slice(text)).collect();
        assert_eq!(got, expected, "tokenizing {text:?}");
    }

    #[test]
    fn french_elisions_with_both_apostrophes() {
        check(
            "l’armée d'Ukraine jusqu’à qu'il n’a s'est",
            &["l’", "armée", "d'", "Ukraine", "jusqu’", "à", "qu'", "il", "n’", "a", "s'", "est"],
        );
        check("aujourd’hui O'Malley", &["aujourd’hui", "O'Malley"]);
    }

    #[test]
    fn hyphenated_words_and_names() {
        check("Kim Jong-un a-t-il vu les États-Unis ?", &["Kim", "Jong-un", "a-t-il", "vu", "les", "États-Unis", "?"]);
    }

    #[test]
    fn numbers_with_every_separator() {
        check(
            "800 000 et 800\u{a0}000 et 800\u{202f}000 et 800\u{2009}000",
            &["800 000", "et", "800\u{a0}000", "et", "800\u{202f}000", "et", "800\u{2009}000"],
        );
        check("3,5 % 1.234.567 1,234,567 2e 21st", &["3,5", "%", "1.234.567", "1,234,567", "2e", "21st"]);
        check("en 2020 300 personnes, 1 2 3", &["en", "2020", "300", "personnes", ",", "1", "2", "3"]);
    }

    #[test]
    fn quotes_dashes_and_symbols() {
        check(
            "« Oui » “no” „ja“ ‹ a › — 5 € $3",
            &["«", "Oui", "»", "“", "no", "”", "„", "ja", "“", "‹", "a", "›", "—", "5", "€", "$", "3"],
        );
        check("Attendez... Et…", &["Attendez", "...", "Et", "…"]);
    }

    #[test]
    fn urls_emails_hashtags_possessives_acronyms() {
        check(
            "Voir https://ex.com/a?b=1. Écrire à jean.dupont@afp.fr, #Paris2024 @AFP",
            &["Voir", "https://ex.com/a?b=1", ".", "Écrire", "à", "jean.dupont@afp.fr", ",", "#Paris2024", "@AFP"],
        );
        check("Trump’s U.S. policy", &["Trump", "’s", "U.S.", "policy"]);
    }

    #[test]
    fn emoji_and_invisible_chars() {
        check("bravo 🙂\u{200b}!", &["bravo", "🙂", "!"]);
    }

    #[test]
    fn non_ascii_numerals_are_tokens() {
        check("8 mois ½ et 3² ٣", &["8", "mois", "½", "et", "3", "²", "٣"]);
    }
}
