//! Number atoms: one figure in digits (`800 000`, `1.234.567`, `3,5`, `-0,8`,
//! `2e`, `21st`), in words (`quatre-vingt-dix-neuf`), or a Roman ordinal
//! (`XXIe`), before any unit, bound or range is attached.

use crate::scan::{group_space, Tok, TokKind};
use crate::words::{self, Mode};

/// One figure found at a token position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Atom {
    /// Token range `start..end`.
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub ordinal: bool,
    pub fraction: bool,
    /// Written with digits (else words).
    pub digits: bool,
    /// An integer (no decimal part was written).
    pub integer: bool,
    /// Digit count of the first group (digit atoms).
    pub first_len: usize,
    /// Thousands separators were read.
    pub grouped: bool,
    /// A lone `un`/`une`/`one`/`a` that may be an article.
    pub lone_article: bool,
}

impl Atom {
    /// A lone vulgar fraction char (`½`).
    pub fn vulgar(i: usize, value: f64) -> Self {
        Atom::new(i, i + 1, value, true)
    }

    fn new(start: usize, end: usize, value: f64, digits: bool) -> Self {
        Atom {
            start,
            end,
            value,
            ordinal: false,
            fraction: false,
            digits,
            integer: true,
            first_len: 0,
            grouped: false,
            lone_article: false,
        }
    }
}

/// The decimal mark of a mode.
fn decimal_mark(mode: Mode) -> char {
    if mode == Mode::En {
        '.'
    } else {
        ','
    }
}

fn digits_len(toks: &[Tok], j: usize) -> usize {
    toks[j].end - toks[j].start
}

/// Reads a number in digits at token `i` (which is `Digits`, or a sign before digits).
pub fn digits(text: &str, toks: &[Tok], i: usize, mode: Mode) -> Option<Atom> {
    let (sign, first) = match toks.get(i)?.kind {
        TokKind::Digits => (1.0, i),
        TokKind::Punct('-' | '−' | '+') => {
            let next = toks.get(i + 1)?;
            let prev_ok = i == 0
                || toks[i].space_before
                || matches!(toks[i - 1].kind, TokKind::Punct('(' | ':' | '[' | '<' | '>' | '=' | '≤' | '≥'));
            if !next.is_digits() || next.space_before || !prev_ok {
                return None;
            }
            (if toks[i].is_punct('+') { 1.0 } else { -1.0 }, i + 1)
        }
        _ => return None,
    };
    let mut repr = String::from(&text[toks[first].start..toks[first].end]);
    let first_len = digits_len(toks, first);
    let mut end = first + 1;
    let mut thousands: Option<char> = None;
    let mut integer = true;
    while let Some(t) = toks.get(end) {
        let (sep, g) = match t.kind {
            TokKind::Punct(c @ ('.' | ',')) if !t.space_before => match toks.get(end + 1) {
                Some(n) if n.is_digits() && !n.space_before => (c, end + 1),
                _ => break,
            },
            TokKind::Digits if group_space(text, toks, end) => (' ', end),
            _ => break,
        };
        let glen = digits_len(toks, g);
        let more_same = sep != ' '
            && toks.get(g + 1).is_some_and(|n| n.is_punct(sep) && !n.space_before)
            && toks.get(g + 2).is_some_and(|n| n.is_digits() && !n.space_before);
        let decimal_ok = sep != ' ' && thousands != Some(sep) && !more_same;
        let as_decimal = decimal_ok && (glen != 3 || sep == decimal_mark(mode) || thousands.is_some());
        if as_decimal {
            repr.push('.');
            repr.push_str(&text[toks[g].start..toks[g].end]);
            integer = false;
            end = g + 1;
            break;
        }
        let group_ok = glen == 3 && first_len <= 3 && thousands.is_none_or(|s| s == sep);
        if !group_ok {
            break;
        }
        thousands = Some(sep);
        repr.push_str(&text[toks[g].start..toks[g].end]);
        end = g + 1;
    }
    let value: f64 = repr.parse().ok()?;
    let mut atom = Atom::new(i, end, sign * value, true);
    atom.integer = integer;
    atom.first_len = first_len;
    atom.grouped = thousands.is_some();
    Some(atom)
}

/// Folded suffixes that make digits an ordinal (`2e`, `1er`, `21st`).
fn is_ordinal_suffix(folded: &str, mode: Mode) -> bool {
    let fr = matches!(folded, "e" | "eme" | "er" | "ere" | "re" | "ieme" | "emes" | "eres" | "ers" | "es" | "nde");
    let en = matches!(folded, "st" | "nd" | "rd" | "th");
    match mode {
        Mode::Fr => fr,
        Mode::En => en,
        Mode::Both => fr || en,
    }
}

/// An ordinal in digits: the atom plus a glued suffix.
pub fn digit_ordinal(text: &str, toks: &[Tok], atom: &Atom, mode: Mode) -> Option<Atom> {
    if !atom.integer || atom.grouped || atom.value < 0.0 {
        return None;
    }
    let t = toks.get(atom.end)?;
    if t.kind != TokKind::Word || t.space_before {
        return None;
    }
    let folded = crate::scan::fold_str(&text[t.start..t.end]);
    if !is_ordinal_suffix(&folded, mode) {
        return None;
    }
    let mut out = *atom;
    out.end = atom.end + 1;
    out.ordinal = true;
    Some(out)
}

/// A Roman ordinal word (`XXIe`, `IIe`, `Ier`, `XIXᵉ`).
pub fn roman_ordinal(text: &str, toks: &[Tok], i: usize) -> Option<Atom> {
    let t = toks.get(i)?;
    let word = &text[t.start..t.end];
    let roman_len = word.bytes().take_while(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C')).count();
    if roman_len == 0 || roman_len == word.len() {
        return None;
    }
    let (roman, suffix) = word.split_at(roman_len);
    if !matches!(suffix, "e" | "ème" | "eme" | "er" | "ᵉ" | "ᵉʳ" | "è" | "re" | "ère") {
        return None;
    }
    if roman.len() == 1 && !matches!(roman, "I" | "V" | "X") {
        return None;
    }
    let value = roman_value(roman)?;
    let mut atom = Atom::new(i, i + 1, value, false);
    atom.ordinal = true;
    Some(atom)
}

fn roman_value(s: &str) -> Option<f64> {
    let digit = |b: u8| match b {
        b'I' => 1,
        b'V' => 5,
        b'X' => 10,
        b'L' => 50,
        b'C' => 100,
        _ => 0,
    };
    let bytes = s.as_bytes();
    let mut total = 0i64;
    for (k, &b) in bytes.iter().enumerate() {
        let v = digit(b);
        if bytes.get(k + 1).is_some_and(|&n| digit(n) > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    (total > 0 && total < 400).then_some(total as f64)
}

/// Reads a number in words at token `i`, with a leading `a`/`an` (`a hundred`)
/// or a sign word (`moins`, `minus`).
pub fn in_words(toks: &[Tok], i: usize, mode: Mode) -> Option<Atom> {
    let w = toks.get(i)?.word();
    let (first, sign) = match w {
        "a" | "an" if mode != Mode::Fr => (i + 1, 1.0),
        "minus" | "negative" if mode != Mode::Fr => (i + 1, -1.0),
        "moins" | "negatif" | "negative" if mode.is_fr() => (i + 1, -1.0),
        _ => (i, 1.0),
    };
    if first != i {
        let next = toks.get(first)?;
        let lex = next.lex?;
        let big = matches!(
            mode.cardinal(lex),
            Some(crate::lexicon::Num::Hundred | crate::lexicon::Num::Scale(_) | crate::lexicon::Num::Dozen)
        );
        let ordinal_next = || !big && words::parse(toks, first, mode).is_some_and(|p| p.ordinal && p.value >= 3.0);
        if matches!(w, "a" | "an") && (mode.denom(lex).is_some() || ordinal_next()) {
            let mut one = Atom::new(i, i + 1, 1.0, false);
            one.lone_article = true;
            return Some(one);
        }
        let ok = match w {
            "a" | "an" => matches!(
                mode.cardinal(lex),
                Some(crate::lexicon::Num::Hundred | crate::lexicon::Num::Scale(_) | crate::lexicon::Num::Dozen)
            ),
            _ => mode.cardinal(lex).is_some() && (i == 0 || !toks[i - 1].is_digits()),
        };
        if !ok {
            return None;
        }
    }
    let parsed = words::parse(toks, first, mode)?;
    let mut atom = Atom::new(i, parsed.end, sign * parsed.value, false);
    atom.ordinal = parsed.ordinal;
    let lone = parsed.words == 1 && first == i && matches!(w, "un" | "une");
    atom.lone_article = lone;
    Some(atom)
}
