//! The word-number grammar: a left-to-right accumulator over number words
//! (`quatre-vingt-dix-neuf`, `a hundred and five`, `cent-quarante-sept-mille`)
//! that stops at the first word that cannot continue the number.

use crate::lexicon::{Lex, Num};
use crate::scan::{Tok, TokKind};

/// Which language tables to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Fr,
    En,
    Both,
}

impl Mode {
    pub fn cardinal(self, lex: &Lex) -> Option<Num> {
        match self {
            Mode::Fr => lex.fr,
            Mode::En => lex.en,
            Mode::Both => lex.fr.or(lex.en),
        }
    }
    pub fn ordinal(self, lex: &Lex) -> Option<Num> {
        match self {
            Mode::Fr => lex.ord_fr,
            Mode::En => lex.ord_en,
            Mode::Both => lex.ord_fr.or(lex.ord_en),
        }
    }
    pub fn denom(self, lex: &Lex) -> Option<f64> {
        match self {
            Mode::Fr => lex.denom_fr,
            Mode::En => lex.denom_en,
            Mode::Both => lex.denom_fr.or(lex.denom_en),
        }
    }
    pub fn is_fr(self) -> bool {
        self != Mode::En
    }
}

/// A number read from words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WordNumber {
    /// Token range `start..end`.
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// The last word is an ordinal (`vingt-et-unième`).
    pub ordinal: bool,
    /// Number words read.
    pub words: usize,
}

#[derive(Debug, Clone, Copy)]
struct Acc {
    total: f64,
    hundreds: f64,
    lower: f64,
    last_scale: f64,
    words: usize,
}

impl Acc {
    fn current(&self) -> f64 {
        self.hundreds + self.lower
    }

    fn small(&mut self, v: f64, mode: Mode) -> bool {
        let l = self.lower;
        let fr = mode.is_fr();
        if self.words == 0 || l == 0.0 {
            self.lower += v;
        } else if fr && l == 4.0 && v == 20.0 {
            self.lower = 80.0;
        } else if (l >= 20.0 && l % 10.0 == 0.0 && v > 0.0 && v < 10.0)
            || (fr && (l == 60.0 || l == 80.0) && v > 0.0 && v < 20.0)
            || (fr && l == 10.0 && v > 0.0 && v < 10.0)
        {
            self.lower += v;
        } else {
            return false;
        }
        true
    }

    fn hundred(&mut self) -> bool {
        if self.hundreds > 0.0 {
            return false;
        }
        let base = if self.lower == 0.0 { 1.0 } else { self.lower };
        self.hundreds = base * 100.0;
        self.lower = 0.0;
        true
    }

    fn scale(&mut self, s: f64) -> bool {
        if s >= self.last_scale {
            if self.last_scale == 1e3 && self.current() == 0.0 && s > 1e3 {
                self.total *= s;
                self.last_scale = s;
                return true;
            }
            return false;
        }
        let base = if self.current() == 0.0 { 1.0 } else { self.current() };
        self.total += base * s;
        self.hundreds = 0.0;
        self.lower = 0.0;
        self.last_scale = s;
        true
    }

    fn apply(&mut self, num: Num, mode: Mode) -> bool {
        match num {
            Num::Small(v) => self.small(v, mode),
            Num::Hundred => self.hundred(),
            Num::Scale(s) => self.scale(s),
            Num::Dozen => {
                let base = if self.current() == 0.0 { 1.0 } else { self.current() };
                self.total += base * 12.0;
                self.hundreds = 0.0;
                self.lower = 0.0;
                self.last_scale = 12.0;
                true
            }
        }
    }
}

fn is_number_word(t: &Tok, mode: Mode) -> bool {
    t.lex.is_some_and(|l| mode.cardinal(l).is_some() || mode.ordinal(l).is_some())
}

/// Where the next number word is after a connector at `j`, if the connector may join.
fn after_connector(toks: &[Tok], j: usize, acc: &Acc, mode: Mode) -> Option<usize> {
    let t = toks.get(j)?;
    let next = toks.get(j + 1)?;
    if t.kind == TokKind::Punct('-') || t.kind == TokKind::Punct('‐') || t.kind == TokKind::Punct('‑') {
        if next.word() == "et" && toks.get(j + 2).is_some_and(|h| h.is_punct('-')) {
            // `vingt-et-un`: the hyphens around `et` join like spaces
            let after = toks.get(j + 3)?;
            let tens = acc.lower >= 20.0 && acc.lower % 10.0 == 0.0;
            let w = after.word();
            return (mode.is_fr() && tens && matches!(w, "un" | "une" | "onze" | "unieme" | "onzieme"))
                .then_some(j + 3);
        }
        return is_number_word(next, mode).then_some(j + 1);
    }
    match t.word() {
        "et" if mode.is_fr() => {
            let tens = acc.lower >= 20.0 && acc.lower % 10.0 == 0.0;
            let w = next.word();
            (tens && matches!(w, "un" | "une" | "onze" | "unieme" | "onzieme")).then_some(j + 1)
        }
        "and" if mode != Mode::Fr => {
            let after_big = acc.hundreds > 0.0 || acc.total > 0.0;
            let small =
                next.lex.and_then(|l| mode.cardinal(l).or(mode.ordinal(l))).is_some_and(|n| matches!(n, Num::Small(_)));
            (after_big && acc.lower == 0.0 && small).then_some(j + 1)
        }
        _ => None,
    }
}

/// Reads a word number starting at token `i` (a number word).
pub fn parse(toks: &[Tok], i: usize, mode: Mode) -> Option<WordNumber> {
    if !is_number_word(toks.get(i)?, mode) {
        return None;
    }
    let mut acc = Acc { total: 0.0, hundreds: 0.0, lower: 0.0, last_scale: f64::INFINITY, words: 0 };
    let mut end = i;
    let mut ordinal = false;
    let mut j = i;
    while let Some(t) = toks.get(j) {
        let Some(lex) = t.lex else { break };
        // A cardinal word goes on; an ordinal word ends the number.
        let (num, is_ordinal) = match (mode.cardinal(lex), mode.ordinal(lex)) {
            (Some(num), _) => (num, false),
            (None, Some(num)) => (num, true),
            (None, None) => break,
        };
        let saved = acc;
        if !acc.apply(num, mode) {
            acc = saved;
            break;
        }
        acc.words += 1;
        end = j + 1;
        if is_ordinal {
            ordinal = true;
            break;
        }
        match after_connector(toks, end, &acc, mode) {
            Some(k) => j = k,
            None if toks.get(end).is_some_and(|n| is_number_word(n, mode)) => j = end,
            None => break,
        }
    }
    (acc.words > 0).then(|| WordNumber { start: i, end, value: acc.total + acc.current(), ordinal, words: acc.words })
}
