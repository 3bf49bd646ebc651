//! One left-to-right pass over the tokens: calendar expressions first, then a
//! figure (atom) with what goes around it: scale, fraction, unit, currency,
//! bound qualifier and range, then relative ordinals.

use crate::atoms::{self, Atom};
use crate::scan::{fold_str, fold_str_cow, scan, Tok, TokKind};
use crate::units::{self, Side, UnitClass, UnitPhrase, QUALIFIER_TABLE};
use crate::words::Mode;
use depeche_core::{Bound, NumberKind, NumberMention, NumberValue, Span};
use once_cell::unsync::OnceCell;
use std::borrow::Cow;

/// A figure with its unit, before bounds and ranges.
#[derive(Debug, Clone)]
struct Quantity {
    /// Token range of the whole quantity (prefix currency and unit included).
    start: usize,
    end: usize,
    value: f64,
    kind: NumberKind,
    unit: Option<String>,
    iso: Option<String>,
    digits: bool,
    /// End of the figure itself (before its unit).
    num_end: usize,
}

/// The extraction state for one text.
pub struct Scanner<'a> {
    text: &'a str,
    toks: Vec<Tok>,
    /// Folded token texts, computed on first use (borrowed when unchanged).
    folded: Vec<OnceCell<Cow<'a, str>>>,
    mode: Mode,
    out: Vec<NumberMention>,
}

/// Finds every figure of `text`.
pub fn find_numbers(text: &str, mode: Mode) -> Vec<NumberMention> {
    let toks = scan(text);
    let folded = (0..toks.len()).map(|_| OnceCell::new()).collect();
    let mut s = Scanner { text, toks, folded, mode, out: Vec::new() };
    s.run();
    let mut out = s.out;
    out.sort_by(|a, b| (a.span.start, a.span.end, a.kind.as_str()).cmp(&(b.span.start, b.span.end, b.kind.as_str())));
    out.dedup_by(|a, b| a.span == b.span && a.kind == b.kind);
    out
}

impl<'a> Scanner<'a> {
    fn run(&mut self) {
        let mut i = 0;
        while i < self.toks.len() {
            i = self.step(i).max(i + 1);
        }
    }

    /// Reads what starts at token `i`; returns where to go on.
    fn step(&mut self, i: usize) -> usize {
        if let Some(end) = self.calendar(i) {
            return end;
        }
        if let Some(end) = self.figure(i) {
            return end;
        }
        if let Some(end) = self.relative_ordinal(i) {
            return end;
        }
        i + 1
    }

    // ------------------------------------------------------------ helpers

    /// The folded text of token `j` ("" past the end).
    fn folded(&self, j: usize) -> &str {
        let text: &'a str = self.text;
        match (self.toks.get(j), self.folded.get(j)) {
            (Some(t), Some(cell)) => cell.get_or_init(|| fold_str_cow(&text[t.start..t.end])),
            _ => "",
        }
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.toks[start].start, self.toks[end - 1].end)
    }

    fn slice(&self, start: usize, end: usize) -> &'a str {
        let text: &'a str = self.text;
        &text[self.toks[start].start..self.toks[end - 1].end]
    }

    fn digits_value(&self, j: usize) -> Option<(usize, u64)> {
        let t = self.toks.get(j)?;
        if !t.is_digits() {
            return None;
        }
        let s = &self.text[t.start..t.end];
        let v = if s.len() <= 18 { s.parse().ok()? } else { u64::MAX };
        Some((s.len(), v))
    }

    /// Whether tokens from `j` spell the folded phrase `words`; returns its end.
    fn phrase_at(&self, j: usize, words: &[&str]) -> Option<usize> {
        for (k, w) in words.iter().enumerate() {
            let t = self.toks.get(j + k)?;
            if k > 0 && t.start - self.toks[j + k - 1].end > 3 {
                return None;
            }
            if self.folded(j + k) != *w {
                return None;
            }
        }
        Some(j + words.len())
    }

    /// Whether tokens ending right before `end` spell `words`; returns its start.
    fn phrase_before(&self, end: usize, words: &[&str]) -> Option<usize> {
        let start = end.checked_sub(words.len())?;
        self.phrase_at(start, words).filter(|&e| e == end).map(|_| start)
    }

    fn emit(&mut self, m: NumberMention) {
        self.out.push(m);
    }

    // ----------------------------------------------------------- calendar

    /// Dates, clock times, scores and phone numbers at token `i`.
    fn calendar(&mut self, i: usize) -> Option<usize> {
        let t = self.toks[i];
        if t.kind == TokKind::Word {
            return self.month_first_date(i);
        }
        let (len, v) = self.digits_value(i)?;
        let end = self
            .label(i)
            .map(|e| (e, NumberKind::Other))
            .or_else(|| self.clock_time(i, len, v).map(|e| (e, NumberKind::Time)))
            .or_else(|| self.decade(i, len).map(|e| (e, NumberKind::Date)))
            .or_else(|| self.numeric_date(i, len).map(|e| (e, NumberKind::Date)))
            .or_else(|| self.day_month_date(i, len, v).map(|e| (e, NumberKind::Date)))
            .or_else(|| self.phone(i, len).map(|e| (e, NumberKind::Other)))
            .or_else(|| self.score(i, len, v).map(|e| (e, NumberKind::Score)))
            .or_else(|| self.year(i, len, v).map(|e| (e, NumberKind::Date)));
        let (end, kind) = end?;
        let span = self.span(i, end);
        self.emit(NumberMention::new(span, kind, NumberValue::None));
        Some(end)
    }

    fn glued(&self, j: usize) -> bool {
        self.toks.get(j).is_some_and(|t| !t.space_before)
    }

    /// Footnote marks `(1)` and digits glued to a word (`TF1`, `G7`, `A320`).
    /// `Boeing 747`, `Article 49`, `Ligue 1`: digits right after a capitalised
    /// word inside a sentence name a thing; they count nothing.
    fn after_proper_name(&self, i: usize) -> bool {
        if i < 2 || self.toks[i - 1].kind != TokKind::Word {
            return false;
        }
        let name = &self.text[self.toks[i - 1].start..self.toks[i - 1].end];
        let capitalised = name.chars().next().is_some_and(char::is_uppercase) && name.chars().count() >= 3;
        let before = self.toks[i - 2];
        let sentence_start = matches!(before.kind, TokKind::Punct(_)) && !before.is_punct(',');
        let digits_at = |j: usize| self.toks.get(j).is_some_and(Tok::is_digits);
        let grouped = digits_at(i + 1) || (self.glued(i + 1) && self.glued(i + 2) && digits_at(i + 2));
        let year_like = self.digits_value(i).is_some_and(|(len, v)| len == 4 && (1800..=2100).contains(&v));
        capitalised
            && !sentence_start
            && !year_like
            && !grouped
            && !units::is_month(self.folded(i - 1))
            && self.unit_at(i - 1, false).is_none()
            && self.unit_at(i + 1, false).is_none()
    }

    fn label(&self, i: usize) -> Option<usize> {
        let prev = i.checked_sub(1).map(|p| self.toks[p]);
        let glued_word = prev.is_some_and(|p| p.kind == TokKind::Word) && !self.toks[i].space_before;
        let hyphen_code = i >= 2
            && self.toks[i - 1].is_punct('-')
            && !self.toks[i - 1].space_before
            && !self.toks[i].space_before
            && self.toks[i - 2].kind == TokKind::Word;
        if glued_word || hyphen_code || self.after_proper_name(i) {
            return Some(i + 1);
        }
        let footnote = prev.is_some_and(|p| p.is_punct('(') || p.is_punct('['))
            && !self.toks[i].space_before
            && self.toks.get(i + 1).is_some_and(|t| (t.is_punct(')') || t.is_punct(']')) && !t.space_before);
        footnote.then_some(i + 1)
    }

    /// `années 60`, `années 1990`, `1990s`.
    fn decade(&self, i: usize, len: usize) -> Option<usize> {
        let prev = self.folded(i.wrapping_sub(1));
        (matches!(prev, "annees" | "the")
            && (len == 2 || len == 4)
            && matches!(self.text.as_bytes()[self.toks[i].end - 1], b'0'))
        .then_some(i + 1)
        .filter(|_| prev == "annees" || (self.glued(i + 1) && self.folded(i + 1) == "s"))
    }

    fn clock_time(&self, i: usize, len: usize, v: u64) -> Option<usize> {
        if len > 2 || v > 24 {
            return None;
        }
        let next = self.toks.get(i + 1)?;
        if next.is_punct(':') && self.glued(i + 1) && self.glued(i + 2) {
            let (mlen, m) = self.digits_value(i + 2)?;
            return (mlen == 2 && m < 60).then_some(i + 3);
        }
        let f = self.folded(i + 1);
        if f == "h" {
            if let Some((2, m)) = self.digits_value(i + 2) {
                if m < 60 && (self.glued(i + 2) || next.space_before) {
                    return Some(i + 3);
                }
            }
            let before = self.folded(i.wrapping_sub(1));
            let timeish =
                matches!(before, "a" | "vers" | "des" | "avant" | "apres" | "jusqu" | "'" | "at" | "until" | "by");
            let clock_words =
                matches!(self.folded(i + 2), "du" | "ce") && matches!(self.folded(i + 3), "matin" | "soir" | "midi");
            let glued_fr = self.mode == Mode::Fr && self.glued(i + 1);
            return (timeish || clock_words || glued_fr).then_some(i + 2);
        }
        if matches!(f, "am" | "pm") {
            return Some(i + 2);
        }
        None
    }

    fn numeric_date(&self, i: usize, len: usize) -> Option<usize> {
        let sep = match self.toks.get(i + 1)?.kind {
            TokKind::Punct(c @ ('/' | '.' | '-')) => c,
            _ => return None,
        };
        if !(self.glued(i + 1) && self.glued(i + 2)) {
            return None;
        }
        let (l2, _) = self.digits_value(i + 2)?;
        let third = self.toks.get(i + 3).is_some_and(|t| t.is_punct(sep)) && self.glued(i + 3) && self.glued(i + 4);
        if third {
            let (l3, _) = self.digits_value(i + 4)?;
            let ok = (len <= 2 && l2 <= 2 && (l3 == 4 || l3 == 2)) || (len == 4 && l2 <= 2 && l3 <= 2);
            return ok.then_some(i + 5);
        }
        // year spans such as 2019-2020
        let (_, y1) = self.digits_value(i)?;
        let (_, y2) = self.digits_value(i + 2)?;
        let years = (1000..=2100).contains(&y1) && (1000..=2100).contains(&y2) && y1 < y2;
        (sep == '-' && len == 4 && l2 == 4 && years).then_some(i + 3)
    }

    fn day_month_date(&self, i: usize, len: usize, v: u64) -> Option<usize> {
        if len > 2 || v == 0 || v > 31 {
            return None;
        }
        let mut j = i + 1;
        if self.glued(j) && matches!(self.folded(j), "er" | "st" | "nd" | "rd" | "th") {
            j += 1;
        }
        if !units::is_month(self.folded(j)) {
            return None;
        }
        j += 1;
        if let Some((4, _)) = self.digits_value(j) {
            j += 1;
        }
        Some(j)
    }

    fn month_first_date(&mut self, i: usize) -> Option<usize> {
        let (len, v) = self.digits_value(i + 1)?;
        if !units::is_month(self.folded(i)) {
            return None;
        }
        let mut end = i + 1;
        if len <= 2 && (1..=31).contains(&v) {
            end = i + 2;
            let comma = self.toks.get(end).is_some_and(|t| t.is_punct(','));
            let year_at = if comma { end + 1 } else { end };
            if let Some((4, _)) = self.digits_value(year_at) {
                end = year_at + 1;
            }
        } else if len == 4 {
            end = i + 2;
        }
        if end == i + 1 {
            return None;
        }
        let first = self.toks[i].start;
        let word = &self.text[first..self.toks[i].end];
        if !word.chars().next().is_some_and(|c| c.is_uppercase()) && self.mode == Mode::En {
            return None;
        }
        let span = self.span(i, end);
        self.emit(NumberMention::new(span, NumberKind::Date, NumberValue::None));
        Some(end)
    }

    fn phone(&self, i: usize, len: usize) -> Option<usize> {
        let first = &self.text[self.toks[i].start..self.toks[i].end];
        if len != 2 || !first.starts_with('0') {
            return None;
        }
        let mut j = i + 1;
        let mut groups = 1;
        loop {
            let t = self.toks.get(j);
            let step = match t.map(|t| t.kind) {
                Some(TokKind::Punct('.' | '-')) if self.glued(j) && self.glued(j + 1) => 1,
                Some(TokKind::Digits) if t.is_some_and(|t| t.space_before) => 0,
                _ => break,
            };
            match self.digits_value(j + step) {
                Some((2, _)) => {
                    groups += 1;
                    j += step + 1;
                }
                _ => break,
            }
        }
        (groups >= 4).then_some(j)
    }

    fn score(&self, i: usize, len: usize, v: u64) -> Option<usize> {
        if len > 2 || !self.toks.get(i + 1)?.is_punct('-') || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        let (l2, w) = self.digits_value(i + 2)?;
        let followed = self.toks.get(i + 3).is_some_and(|t| !t.space_before && t.kind != TokKind::Punct(')'));
        (l2 <= 2 && v >= w && !followed).then_some(i + 3)
    }

    fn year(&self, i: usize, len: usize, v: u64) -> Option<usize> {
        if len != 4 || !(1000..=2100).contains(&v) {
            return None;
        }
        if i > 0 && matches!(self.toks[i - 1].kind, TokKind::Punct('-' | '+' | '$' | '€' | '£')) && self.glued(i) {
            return None;
        }
        let next = self.toks.get(i + 1);
        if next.is_some_and(|t| matches!(t.kind, TokKind::Punct('.' | ',')) && !t.space_before)
            && self.glued(i + 2)
            && self.toks.get(i + 2).is_some_and(|t| t.is_digits())
        {
            return None;
        }
        if self.unit_at(i + 1, false).is_some() {
            return None;
        }
        let cue = i > 0
            && matches!(
                self.folded(i - 1),
                "en" | "in"
                    | "depuis"
                    | "since"
                    | "annee"
                    | "year"
                    | "vers"
                    | "des"
                    | "until"
                    | "circa"
                    | "an"
                    | "of"
                    | "de"
                    | "du"
                    | "au"
                    | "le"
                    | "the"
                    | "from"
                    | "to"
                    | "et"
                    | "and"
                    | "a"
                    | "by"
                    | "after"
                    | "before"
                    | "avant"
                    | "apres"
                    | "ete"
                    | "hiver"
                    | "printemps"
                    | "automne"
                    | "summer"
                    | "winter"
                    | "spring"
                    | "fall"
                    | ","
                    | "("
                    | "fin"
                    | "debut"
                    | "mi"
                    | "-"
            );
        let counted = self.toks.get(i + 1).is_some_and(|t| {
            t.kind == TokKind::Word && t.lex.is_none() && {
                let w = &self.text[t.start..t.end];
                let f = fold_str(w);
                w.chars().next().is_some_and(char::is_lowercase) && !units::is_stop_word(&f) && f.len() > 2
            }
        });
        let strong_cue =
            matches!(self.folded(i.wrapping_sub(1)), "en" | "in" | "depuis" | "since" | "of" | "annee" | "year");
        if !(1900..=2100).contains(&v) && !cue || counted && !strong_cue {
            return None;
        }
        if matches!(self.folded(i + 1), "a" | "to" | "et" | "and" | "au") {
            if let Some((_, w)) = self.digits_value(i + 2) {
                if !(1000..=2100).contains(&w) {
                    return None;
                }
            }
        }
        let mut end = i + 1;
        if self.glued(end) && self.folded(end) == "s" {
            end += 1;
        }
        Some(end)
    }

    // ------------------------------------------------------------- figures

    /// A figure starting at token `i`, with everything around it; emits it.
    fn figure(&mut self, i: usize) -> Option<usize> {
        let q = self.quantity(i)?;
        let end = self.attach(q);
        Some(end)
    }

    /// The atom at `i` (digits, words, Roman ordinal), extended by scale,
    /// fraction and decimal words.
    fn atom(&self, i: usize) -> Option<Atom> {
        let t = self.toks.get(i)?;
        if self.inside_url(i) {
            return None;
        }
        if let Some(a) = self.half(i) {
            return Some(a);
        }
        let atom = match t.kind {
            TokKind::Punct(c) if vulgar(c).is_some() => {
                let mut a = Atom::vulgar(i, vulgar(c).unwrap_or(0.0));
                a.fraction = true;
                a
            }
            TokKind::Digits if self.list_item(i) => {
                let (_, v) = self.digits_value(i)?;
                Atom::vulgar(i, v as f64)
            }
            TokKind::Digits if self.leading_decimal(i) => {
                let digits = &self.text[t.start..t.end];
                let v: f64 = format!("0.{digits}").parse().ok()?;
                let mut a = Atom::vulgar(i - 1, v);
                a.end = i + 1;
                a.integer = false;
                a
            }
            TokKind::Digits | TokKind::Punct(_) => {
                let mut a = atoms::digits(self.text, &self.toks, i, self.mode)?;
                self.exponent(&mut a);
                atoms::digit_ordinal(self.text, &self.toks, &a, self.mode).unwrap_or(a)
            }
            TokKind::Word if t.word() == "point" && self.mode != Mode::Fr && i + 1 < self.toks.len() => {
                let mut a = Atom::vulgar(i, 0.0);
                a.end = i;
                a.digits = false;
                self.decimal_words(&mut a);
                if a.end == i {
                    return None;
                }
                return self.finish_atom(a);
            }
            TokKind::Word if self.signed_digits(i) => {
                let mut a = atoms::digits(self.text, &self.toks, i + 1, self.mode)?;
                a.value = -a.value;
                a.start = i;
                a
            }
            TokKind::Word => match atoms::roman_ordinal(self.text, &self.toks, i) {
                Some(a) => a,
                None => atoms::in_words(&self.toks, i, self.mode)?,
            },
        };
        self.finish_atom(atom)
    }

    /// Scale, fraction and decimal words after a raw atom.
    fn finish_atom(&self, mut atom: Atom) -> Option<Atom> {
        if atom.ordinal {
            return self.check_ordinal(atom);
        }
        if atom.digits {
            self.scale(&mut atom);
        }
        self.fraction(&mut atom);
        if !atom.digits && !atom.fraction {
            self.decimal_words(&mut atom);
        }
        if atom.lone_article && !self.quantity_noun_after(atom.end) || self.new_not_nine(&atom) {
            return None;
        }
        Some(atom)
    }

    /// `.08`, `,23456000`: a decimal part alone at the start of a phrase.
    fn leading_decimal(&self, i: usize) -> bool {
        i >= 1
            && matches!(self.toks[i - 1].kind, TokKind::Punct('.' | ','))
            && !self.toks[i].space_before
            && (i == 1 || self.toks[i - 1].space_before)
    }

    /// `minus 5`, `negative 3`.
    fn signed_digits(&self, i: usize) -> bool {
        self.mode != Mode::Fr
            && matches!(self.toks[i].word(), "minus" | "negative")
            && self.toks.get(i + 1).is_some_and(|t| t.is_digits())
    }

    /// `12e-1`, `1,1^23` (a power), `1.3x10^6`, glued to the digits.
    fn exponent(&self, atom: &mut Atom) {
        let j = atom.end;
        if !self.glued(j) {
            return;
        }
        let w = self.folded(j);
        let (power_of_ten, k) = match w {
            "e" => (true, j + 1),
            "^" => (false, j + 1),
            "x" if self.digits_value(j + 1) == Some((2, 10))
                && self.toks.get(j + 2).is_some_and(|t| t.is_punct('^')) =>
            {
                (true, j + 3)
            }
            _ => return,
        };
        let mut k = k;
        let mut negative = false;
        while let Some(t) = self.toks.get(k) {
            match t.kind {
                TokKind::Punct('-' | '−') if !t.space_before => negative = !negative,
                TokKind::Punct('+') if !t.space_before => {}
                _ => break,
            }
            k += 1;
        }
        let Some((len, n)) = self.digits_value(k) else { return };
        if len > 3 || !self.glued(k) {
            return;
        }
        let n = if negative { -(n as f64) } else { n as f64 };
        let value =
            if power_of_ten { atom.value * 10f64.powf(n) } else { atom.value.signum() * atom.value.abs().powf(n) };
        if value.is_finite() {
            atom.value = value;
            atom.end = k + 1;
            atom.integer = value.fract() == 0.0;
        }
    }

    /// Digits right after `22,` in a list such as `22,24,26`: one integer each.
    fn list_item(&self, i: usize) -> bool {
        i >= 2
            && self.toks[i - 1].is_punct(',')
            && !self.toks[i].space_before
            && !self.toks[i - 1].space_before
            && self.toks[i - 2].is_digits()
    }

    /// Digits glued after `%`, `=`, `&`, `?`, `/`, `#` or `_` are part of a URL or code.
    fn inside_url(&self, i: usize) -> bool {
        i > 0
            && self.toks[i].is_digits()
            && !self.toks[i].space_before
            && matches!(self.toks[i - 1].kind, TokKind::Punct('%' | '=' | '&' | '?' | '#' | '_' | '@'))
    }

    /// After a lone `un`/`une`: a currency or measure unit makes it a quantity.
    fn quantity_noun_after(&self, j: usize) -> bool {
        match self.unit_at(j, true) {
            Some((end, p)) => match p.class {
                UnitClass::Currency | UnitClass::Dimension => true,
                UnitClass::Duration => {
                    matches!(self.folded(end), "et" | "and")
                        && matches!(self.folded(end + 1), "demi" | "demie" | "a" | "half")
                }
                _ => false,
            },
            None => false,
        }
    }

    /// `half`/`demi` before a scale or a time unit: `Half million`, `demi-heure`, `half an hour`.
    fn half(&self, i: usize) -> Option<Atom> {
        let w = self.toks[i].word();
        if !matches!(w, "moitie" | "half" | "demi" | "quarter") {
            return None;
        }
        let prev = self.folded(i.wrapping_sub(1));
        if w == "moitie" || (w == "half" && prev == "than") {
            let mut a = Atom::vulgar(i, 0.5);
            a.digits = false;
            a.fraction = true;
            return Some(a);
        }
        let factor = match w {
            "half" | "demi" => 0.5,
            "quarter" if self.mode != Mode::Fr => 0.25,
            _ => return None,
        };
        let mut j = i + 1;
        if self.toks.get(j).is_some_and(|t| t.is_punct('-')) && self.glued(j) {
            j += 1;
        }
        if matches!(self.folded(j), "a" | "an") {
            j += 1;
        }
        let next = self.folded(j);
        if let Some(s) = units::scale_after_digits(next, self.mode.is_fr()) {
            let mut a = Atom::vulgar(i, factor * s);
            a.end = j + 1;
            a.digits = false;
            a.fraction = true;
            return Some(a);
        }
        if let Some((_, p)) = self.unit_at(j, true) {
            if p.class == UnitClass::Duration {
                let mut a = Atom::vulgar(i, factor);
                a.end = j;
                a.digits = false;
                a.fraction = true;
                return Some(a);
            }
        }
        None
    }

    fn check_ordinal(&self, atom: Atom) -> Option<Atom> {
        let w = self.folded(atom.end - 1);
        let next = self.folded(atom.end);
        if matches!(w, "premier" | "premiere") && next == "ministre" {
            return None;
        }
        let is_second = matches!(w, "second" | "seconds" | "secondes" | "seconde");
        let prev = self.folded(atom.start.wrapping_sub(1));
        let time_unit =
            atom.start > 0 && (self.toks[atom.start - 1].is_digits() || matches!(prev, "une" | "quelques" | "a"));
        if is_second && atom.end == atom.start + 1 && time_unit {
            return None;
        }
        Some(atom)
    }

    /// A lone `neuf` is the adjective *new* unless a noun or unit follows
    /// or a determiner comes before (`les neuf`).
    fn new_not_nine(&self, atom: &Atom) -> bool {
        if self.mode == Mode::En || atom.end != atom.start + 1 || self.folded(atom.start) != "neuf" {
            return false;
        }
        let det = matches!(
            self.folded(atom.start.wrapping_sub(1)),
            "les" | "des" | "ces" | "ses" | "nos" | "vos" | "leurs" | "aux" | "de" | "et" | "sur"
        );
        let noun_after = self.toks.get(atom.end).is_some_and(|t| t.kind == TokKind::Word || t.is_punct('%'));
        !(det || noun_after)
    }

    fn scale(&self, atom: &mut Atom) {
        let j = atom.end;
        let Some(t) = self.toks.get(j) else { return };
        if t.kind != TokKind::Word {
            return;
        }
        let w = self.folded(j);
        let raw = &self.text[t.start..t.end];
        let glued_only = matches!(w, "k" | "m" | "g" | "bn" | "mn" | "md" | "mds" | "mm");
        let factor = match w {
            "k" => Some(1e3),
            "m" if raw == "M" && !t.space_before => Some(1e6),
            "mm" if raw == "MM" && !t.space_before => Some(1e6),
            "g" if raw == "G" && !t.space_before => Some(1e9),
            "m" if self.currency_after(j + 1) => Some(1e6),
            "bn" if self.currency_after(j + 1) => Some(1e9),
            "m" => self.currency_before(atom.start).then_some(1e6),
            _ => units::scale_after_digits(w, self.mode.is_fr()),
        };
        let Some(factor) = factor else { return };
        if glued_only && t.space_before && w != "bn" && w != "md" && w != "mds" {
            return;
        }
        atom.value *= factor;
        atom.end = j + 1;
        if atom.integer && !glued_only {
            self.smaller_scales(atom, factor);
        }
    }

    /// `4 thousand 3 hundred`: digits with a smaller scale word go on the figure.
    fn smaller_scales(&self, atom: &mut Atom, mut factor: f64) {
        while let Some((_, v)) = self.digits_value(atom.end) {
            let next = atom.end + 1;
            if self.toks.get(next).is_none_or(|t| t.kind != TokKind::Word || !t.space_before) {
                return;
            }
            let Some(f2) = units::scale_after_digits(self.folded(next), self.mode.is_fr()) else { return };
            if f2 >= factor || (v as f64) * f2 >= factor {
                return;
            }
            atom.value += v as f64 * f2;
            atom.end = next + 1;
            factor = f2;
        }
        self.and_units_after_hundred(atom, factor);
    }

    /// `3 hundred and 21`: after `hundred`, `and` with digits below 100.
    fn and_units_after_hundred(&self, atom: &mut Atom, factor: f64) {
        if factor != 100.0 || self.folded(atom.end) != "and" {
            return;
        }
        let Some((_, v)) = self.digits_value(atom.end + 1) else { return };
        let scale_next = units::scale_after_digits(self.folded(atom.end + 2), self.mode.is_fr()).is_some();
        if (1..100).contains(&v) && !scale_next && !self.glued(atom.end + 2) {
            atom.value += v as f64;
            atom.end += 2;
        }
    }

    /// A currency word or symbol at `j` (`30m euros`).
    fn currency_after(&self, j: usize) -> bool {
        self.unit_at(j, false).is_some_and(|(_, p)| p.class == UnitClass::Currency)
    }

    fn currency_before(&self, start: usize) -> bool {
        start > 0 && matches!(self.toks[start - 1].kind, TokKind::Punct('$' | '€' | '£' | '¥'))
    }

    fn denominator(&self, j: usize) -> Option<(usize, f64, bool)> {
        let mut k = j;
        if self.toks.get(k).is_some_and(|t| t.is_punct('-')) {
            k += 1;
        }
        let t = self.toks.get(k)?;
        let d = self.mode.denom(t.lex?)?;
        let w = t.word();
        let plural = w.ends_with('s') || matches!(w, "tiers");
        let special =
            matches!(w, "quart" | "quarts" | "tiers" | "demi" | "demie" | "half" | "halves" | "quarter" | "quarters");
        Some((k + 1, d, plural || special))
    }

    /// `trois quarts`, `1 sur 21`, `cinq et un quart`, `3/4`, `10 1/2`.
    fn fraction(&self, atom: &mut Atom) {
        if !atom.integer {
            return;
        }
        let j = atom.end;
        if let Some((end, d, plural_or_special)) = self.denominator(j) {
            if let Some(scale) = self.half_of_scale(j, d) {
                atom.value *= scale / d;
                atom.end = scale_end(self, j);
                atom.fraction = true;
                atom.lone_article = false;
                return;
            }
            let demi_unit = matches!(self.folded(j), "demi" | "demie") && self.half(j).is_some_and(|h| h.end > j + 1);
            if atom.lone_article && demi_unit {
                return;
            }
            if let Some(value) = self.and_tail_fraction(atom, d) {
                atom.value = value;
                atom.end = end;
                atom.fraction = true;
                return;
            }
            let one = atom.value == 1.0;
            let noun_follows = self.toks.get(end).is_some_and(|t| {
                t.kind == TokKind::Word && !matches!(self.folded(end), "de" | "des" | "du" | "d" | "of" | "et" | "and")
            });
            if plural_or_special || (one && !noun_follows) {
                atom.value /= d;
                atom.end = end;
                atom.fraction = true;
                atom.lone_article = false;
                return;
            }
        }
        if !atom.digits {
            if let Some(end) = self.ordinal_denominator(atom) {
                atom.end = end;
                atom.fraction = true;
                atom.lone_article = false;
                return;
            }
        }
        let w = self.toks.get(j).map_or("", |t| t.word());
        if matches!(w, "sur" | "over") {
            if let Some(den) = self.plain_atom(j + 1) {
                if den.value > atom.value && den.integer && !den.ordinal {
                    atom.value /= den.value;
                    atom.end = den.end;
                    atom.fraction = true;
                    atom.lone_article = false;
                    return;
                }
            }
        }
        if matches!(w, "et" | "and") {
            if let Some((end, frac)) = self.added_fraction(j + 1) {
                let scale = self.last_scale(atom);
                atom.value += frac * scale;
                atom.end = end;
                atom.fraction = true;
                atom.lone_article = false;
                return;
            }
        }
        self.digit_fraction(atom);
    }

    /// `three twenty-firsts`, `un vingt-cinquième`: a word ordinal as denominator;
    /// divides the atom's value and returns the new end.
    fn ordinal_denominator(&self, atom: &mut Atom) -> Option<usize> {
        let j = atom.end;
        let ord = atoms::in_words(&self.toks, j, self.mode).filter(|o| o.ordinal && o.value >= 3.0)?;
        let plural = self.folded(ord.end - 1).ends_with('s');
        let noun_follows = self.toks.get(ord.end).is_some_and(|t| {
            t.kind == TokKind::Word && !matches!(self.folded(ord.end), "de" | "des" | "du" | "d" | "of" | "et" | "and")
        });
        if !plural && noun_follows {
            return None;
        }
        atom.value /= ord.value;
        Some(ord.end)
    }

    /// `un demi-million`: a half (or quarter) of the scale word after it.
    fn half_of_scale(&self, j: usize, d: f64) -> Option<f64> {
        if !matches!(self.folded(j), "demi" | "half" | "quart" | "quarter") {
            return None;
        }
        let k = scale_end(self, j) - 1;
        let s = units::scale_after_digits(self.folded(k), self.mode.is_fr())?;
        (d > 0.0 && s >= 1e3).then_some(s)
    }

    /// `one hundred and three quarters`, `two million and one half`: the word
    /// after `and` is the numerator, not part of the whole number.
    fn and_tail_fraction(&self, atom: &Atom, d: f64) -> Option<f64> {
        if atom.end < atom.start + 3 || atom.digits {
            return None;
        }
        let last = self.toks[atom.end - 1];
        let link = self.folded(atom.end - 2);
        if !matches!(link, "and" | "et") {
            return None;
        }
        let small = match last.lex.and_then(|l| self.mode.cardinal(l)) {
            Some(crate::lexicon::Num::Small(v)) if v < 10.0 => v,
            _ => return None,
        };
        let before = self.folded(atom.end - 3);
        let scale = units::scale_after_digits(before, self.mode.is_fr()).filter(|s| *s >= 1e3).unwrap_or(1.0);
        Some(atom.value - small + small / d * scale)
    }

    /// The scale word ending an atom (`un million` → 10^6), else 1.
    fn last_scale(&self, atom: &Atom) -> f64 {
        let w = self.folded(atom.end - 1);
        match units::scale_after_digits(w, self.mode.is_fr()) {
            Some(s) if s >= 1e3 => s,
            _ => 1.0,
        }
    }

    /// A number without scale or fraction (a denominator after `sur`).
    fn plain_atom(&self, i: usize) -> Option<Atom> {
        let t = self.toks.get(i)?;
        match t.kind {
            TokKind::Digits => atoms::digits(self.text, &self.toks, i, self.mode),
            TokKind::Word => atoms::in_words(&self.toks, i, self.mode),
            _ => None,
        }
    }

    /// After `et`/`and`: `demi(e)`, `un quart`, `a half`, `deux tiers`.
    fn added_fraction(&self, j: usize) -> Option<(usize, f64)> {
        let t = self.toks.get(j)?;
        if matches!(t.word(), "demi" | "demie") {
            return Some((j + 1, 0.5));
        }
        let num = match t.word() {
            "a" | "an" => Some((j + 1, 1.0)),
            _ => atoms::in_words(&self.toks, j, self.mode)
                .or_else(|| atoms::digits(self.text, &self.toks, j, self.mode))
                .filter(|a| !a.ordinal && a.integer)
                .map(|a| (a.end, a.value)),
        };
        let (k, n) = num?;
        let (end, d, _) = self.denominator(k)?;
        Some((end, n / d))
    }

    fn digit_fraction(&self, atom: &mut Atom) {
        if !atom.digits || atom.grouped {
            return;
        }
        let j = atom.end;
        let slash = self.toks.get(j).is_some_and(|t| t.is_punct('/')) && self.glued(j) && self.glued(j + 1);
        if slash {
            if let Some((len, den)) = self.digits_value(j + 1) {
                let date_like = self.toks.get(j + 2).is_some_and(|t| t.is_punct('/'));
                if len <= 3 && den > 0 && !date_like {
                    atom.value /= den as f64;
                    atom.end = j + 2;
                    atom.fraction = true;
                    return;
                }
            }
        }
        if let Some(t) = self.toks.get(j) {
            if let TokKind::Punct(c) = t.kind {
                if let Some(f) = vulgar(c) {
                    atom.value += f;
                    atom.end = j + 1;
                    atom.fraction = true;
                    return;
                }
            }
        }
        // mixed `10 1/2`
        if self.toks.get(j).is_some_and(|t| t.is_digits() && t.space_before)
            && self.toks.get(j + 1).is_some_and(|t| t.is_punct('/'))
            && self.glued(j + 1)
            && self.glued(j + 2)
        {
            if let (Some((1, n)), Some((1, d))) = (self.digits_value(j), self.digits_value(j + 2)) {
                if n < d && d > 0 {
                    atom.value += n as f64 / d as f64;
                    atom.end = j + 3;
                    atom.fraction = true;
                }
            }
        }
    }

    /// `eighteen point o one`, `trois virgule cinq`.
    fn decimal_words(&self, atom: &mut Atom) {
        let j = atom.end;
        if !self.toks.get(j).is_some_and(|t| matches!(t.word(), "point" | "virgule")) {
            return;
        }
        let mut digits = String::new();
        let mut k = j + 1;
        while let Some(t) = self.toks.get(k) {
            let d = match t.word() {
                "o" | "oh" => Some(0.0),
                _ => t.lex.and_then(|l| self.mode.cardinal(l)).and_then(|n| match n {
                    crate::lexicon::Num::Small(v) if v < 10.0 => Some(v),
                    _ => None,
                }),
            };
            let Some(d) = d else { break };
            digits.push(char::from(b'0' + d as u8));
            k += 1;
        }
        if digits.is_empty() {
            if let Some(a) = atoms::in_words(&self.toks, j + 1, self.mode) {
                if a.integer && !a.ordinal && a.value >= 0.0 {
                    digits = format!("{}", a.value as u64);
                    k = a.end;
                }
            }
        }
        if let Ok(frac) = format!("0.{digits}").parse::<f64>() {
            if !digits.is_empty() {
                let sign = if atom.value < 0.0 { -1.0 } else { 1.0 };
                atom.value += sign * frac;
                atom.integer = false;
                atom.end = k;
                atom.lone_article = false;
                if let Some(s) = self.toks.get(k).and_then(|t| t.lex).and_then(|l| match self.mode.cardinal(l) {
                    Some(crate::lexicon::Num::Scale(s)) => Some(s),
                    _ => None,
                }) {
                    atom.value *= s;
                    atom.end = k + 1;
                }
            }
        }
    }

    /// A unit phrase starting at token `j`.
    fn unit_at(&self, j: usize, after_words: bool) -> Option<(usize, &'static UnitPhrase)> {
        let t = self.toks.get(j)?;
        if t.kind == TokKind::Digits {
            return None;
        }
        let first = self.folded(j);
        let en = self.mode == Mode::En || !after_words;
        let candidates = units::phrases_starting_with(first);
        for p in candidates.iter().filter(|p| en || !p.en_only) {
            {
                let Some(end) = self.phrase_at(j, &p.tokens) else { continue };
                let last_is_word = self.toks[end - 1].kind == TokKind::Word;
                let glued_on = last_is_word
                    && self
                        .toks
                        .get(end)
                        .is_some_and(|n| !n.space_before && matches!(n.kind, TokKind::Word | TokKind::Digits));
                let letter_code = p.tokens.len() == 1
                    && first.len() == 1
                    && self.toks.get(end).is_some_and(|n| !n.space_before && n.is_punct('-'));
                if glued_on || letter_code {
                    continue;
                }
                let short = p.tokens.len() == 1
                    && first.len() <= 2
                    && first.is_ascii()
                    && first.chars().all(|c| c.is_ascii_alphabetic());
                if short && (after_words || self.toks.get(end).is_some_and(|n| n.is_punct('\'') || n.is_punct('’'))) {
                    continue;
                }
                if short
                    && first.len() == 1
                    && !self.glued(end)
                    && self.toks.get(end).is_some_and(|n| n.is_punct('.'))
                    && p.class != UnitClass::Dimension
                {
                    continue;
                }
                return Some((end, p));
            }
        }
        self.million_code(j).map(|p| (j + 1, p))
    }

    /// `MUSD`, `MEUR`: an ISO currency code with `M` (millions) before it.
    fn million_code(&self, j: usize) -> Option<&'static UnitPhrase> {
        let t = self.toks.get(j)?;
        let raw = &self.text[t.start..t.end];
        if raw.len() != 4 || !raw.starts_with('M') || !raw.bytes().all(|b| b.is_ascii_uppercase()) {
            return None;
        }
        let code = &self.folded(j)[1..];
        units::phrases_starting_with(code).iter().find(|p| p.class == UnitClass::Currency && p.iso.is_some())
    }

    /// The scale a currency token carries itself (`MUSD`: a million).
    fn code_scale(&self, j: usize) -> f64 {
        if self.million_code(j).is_some() && units::phrases_starting_with(self.folded(j)).is_empty() {
            1e6
        } else {
            1.0
        }
    }

    /// A currency written before the number (`$`, `€`, `US$`, `USD 20`, `£ 15`, `hk $`).
    fn currency_prefix(&self, i: usize) -> Option<(usize, &'static UnitPhrase)> {
        let t = self.toks.get(i)?;
        if t.kind == TokKind::Digits || !self.toks[i + 1..].iter().take(4).any(|n| n.is_digits()) {
            return None;
        }
        let (end, p) = self.unit_at(i, false)?;
        if p.class != UnitClass::Currency || p.unit == "cent" {
            return None;
        }
        let symbol = p.tokens.iter().any(|w| matches!(*w, "$" | "€" | "£" | "¥" | "₿"));
        let code = p.tokens.len() == 1 && p.tokens[0].len() == 3 && !matches!(p.tokens[0], "won" | "rub" | "yen");
        if !(symbol || code || matches!(p.tokens[0], "dollar" | "euro")) {
            return None;
        }
        let next = self.toks.get(end)?;
        let gap = next.start - self.toks[end - 1].end;
        (gap <= 1 && next.is_digits()).then_some((end, p))
    }

    /// The figure at `i` with its unit.
    fn quantity(&self, i: usize) -> Option<Quantity> {
        let prefix = self.currency_prefix(i);
        let atom_start = prefix.map_or(i, |(e, _)| e);
        let mut atom = self.atom(atom_start)?;
        self.fraction_of_scale(&mut atom);
        let mut q = Quantity {
            start: i.min(atom.start),
            end: atom.end,
            value: atom.value,
            kind: if atom.ordinal {
                NumberKind::Ordinal
            } else if atom.fraction {
                NumberKind::Fraction
            } else {
                NumberKind::Cardinal
            },
            unit: None,
            iso: None,
            digits: atom.digits,
            num_end: atom.end,
        };
        if !q.value.is_finite() {
            q.kind = NumberKind::Other;
            return Some(q);
        }
        if let Some((_, p)) = prefix {
            q.value *= self.code_scale(i);
            q.kind = NumberKind::Currency;
            q.unit = Some(p.unit.to_string());
            q.iso = p.iso.map(str::to_string);
            return Some(q);
        }
        if atom.ordinal {
            return Some(q);
        }
        self.unit_suffix(&mut q, &atom);
        Some(q)
    }

    fn unit_suffix(&self, q: &mut Quantity, atom: &Atom) {
        let j = q.end;
        let mut found = self.unit_at(j, !atom.digits);
        let hyphen = self.toks.get(j).is_some_and(|t| t.is_punct('-')) && self.glued(j) && self.glued(j + 1);
        if found.is_none() && hyphen {
            found = self.unit_at(j + 1, false).filter(|(_, p)| p.class != UnitClass::Percent);
        }
        if found.is_none() {
            let skip = match self.folded(j) {
                "de" => 1,
                "d" if self.toks.get(j + 1).is_some_and(|t| matches!(t.kind, TokKind::Punct('\'' | '’'))) => 2,
                _ => 0,
            };
            if skip > 0 {
                found = self.unit_at(j + skip, !atom.digits).filter(|(_, p)| {
                    p.class == UnitClass::Currency
                        || (matches!(p.class, UnitClass::Dimension | UnitClass::Temperature) && p.tokens[0].len() > 2)
                });
            }
        }
        let Some((end, p)) = found else {
            if self.mode != Mode::Fr && atom.integer && self.folded(q.start.wrapping_sub(1)) == "age" {
                // `a man of age 87`
                q.start -= 1;
                q.kind = NumberKind::Age;
                q.unit = Some("year".into());
                return;
            }
            self.counted_noun(q);
            return;
        };
        q.end = end;
        q.unit = Some(p.unit.to_string());
        q.iso = p.iso.map(str::to_string);
        if p.unit == "lb" && q.value >= 1e6 {
            q.unit = Some("GBP".into());
            q.iso = Some("GBP".into());
            q.kind = NumberKind::Currency;
            return;
        }
        q.kind = match p.class {
            UnitClass::Currency => NumberKind::Currency,
            UnitClass::Dimension => NumberKind::Dimension,
            UnitClass::Temperature => NumberKind::Temperature,
            UnitClass::Percent | UnitClass::PercentPoints => NumberKind::Percent,
            UnitClass::Duration => NumberKind::Duration,
        };
        if p.class == UnitClass::Percent {
            q.unit = None;
        }
        if p.class == UnitClass::Dimension {
            self.compound_measure(q);
            self.per_time(q);
        }
        if p.unit == "deg" && self.angle_context(q.start, q.end) {
            q.kind = NumberKind::Dimension;
            q.unit = Some("degree".into());
        }
        if p.class == UnitClass::Duration {
            self.and_a_half(q);
            self.age(q);
        }
        if q.kind == NumberKind::Currency {
            q.value *= self.code_scale(end - 1);
            self.currency_scale(q);
            self.currency_cents(q);
        }
    }

    /// `two thirds of a million`, `les deux tiers d'un million`.
    fn fraction_of_scale(&self, atom: &mut Atom) {
        if !atom.fraction || atom.value >= 1.0 {
            return;
        }
        let of = [["of", "a"], ["d", "'"]].iter().find_map(|p| self.phrase_at(atom.end, p));
        let Some(j) = of else { return };
        let j = if self.folded(j) == "un" { j + 1 } else { j };
        let scale = match self.folded(j) {
            "thousand" | "mille" => 1e3,
            "million" => 1e6,
            "billion" if self.mode != Mode::Fr => 1e9,
            "milliard" => 1e9,
            _ => return,
        };
        atom.value *= scale;
        atom.end = j + 1;
    }

    /// `50 meters per millisecond`, `50 km/ms`, `one gigabit per second`: a
    /// rate over a time unit (French `par jour` stays outside, as in the
    /// Recognizers-Text French specs).
    fn per_time(&self, q: &mut Quantity) {
        let per = match self.folded(q.end) {
            "per" => true,
            "/" => self.glued(q.end) && self.glued(q.end + 1),
            _ => false,
        };
        let time = self.folded(q.end + 1);
        let glued_on = self.toks.get(q.end + 2).is_some_and(|t| !t.space_before && t.kind != TokKind::Punct('.'))
            && self.toks.get(q.end + 2).is_some_and(|t| matches!(t.kind, TokKind::Word | TokKind::Digits));
        if !per || !units::is_time_unit_word(time) || glued_on {
            return;
        }
        q.unit = Some(format!("{}/{}", q.unit.as_deref().unwrap_or(""), time));
        q.end += 2;
    }

    /// `5 ft 2 in`, `6 lb 4 oz`: a smaller unit that completes the figure.
    fn compound_measure(&self, q: &mut Quantity) {
        let (small, per): (&[&str], f64) = match q.unit.as_deref() {
            Some("ft") => (&["in", "inch", "inches", "\""], 12.0),
            Some("lb") => (&["oz", "ounce", "ounces"], 16.0),
            _ => return,
        };
        let Some((_, v)) = self.digits_value(q.end) else { return };
        if (v as f64) < per && small.contains(&self.folded(q.end + 1)) {
            q.value += v as f64 / per;
            q.end += 2;
        }
    }

    /// An angle word in the four tokens before or the two after `start..end`.
    fn angle_context(&self, start: usize, end: usize) -> bool {
        let before = start.saturating_sub(4)..start;
        before.chain(end..end + 2).any(|j| units::is_angle_word(self.folded(j)))
    }

    /// `75 USD million`: a scale word after the currency code.
    fn currency_scale(&self, q: &mut Quantity) {
        let code = self.toks[q.end - 1].kind == TokKind::Word
            && self.text[self.toks[q.end - 1].start..self.toks[q.end - 1].end].bytes().all(|b| b.is_ascii_uppercase());
        if !code {
            return;
        }
        if let Some(s) = units::scale_after_digits(self.folded(q.end), self.mode.is_fr()).filter(|s| *s >= 1e3) {
            q.value *= s;
            q.end += 1;
        }
    }

    /// `15 dollars et 15 cents`, `15 dollars 50`, `twenty nine dollars fifty cents`.
    fn currency_cents(&self, q: &mut Quantity) {
        let unit_tok = self.toks[q.end - 1];
        if q.value.fract() != 0.0 {
            return;
        }
        let symbol = unit_tok.kind != TokKind::Word;
        let j = q.end;
        let k = if matches!(self.folded(j), "et" | "and") { j + 1 } else { j };
        let Some(cents) = self.plain_atom(k) else { return };
        if cents.ordinal || !cents.integer || cents.value >= 100.0 || cents.value < 0.0 {
            return;
        }
        let after = self.folded(cents.end);
        let cents_word = matches!(after, "cents" | "cent" | "centimes" | "centime");
        let alone = self.toks.get(cents.end).is_none_or(|t| {
            t.kind != TokKind::Word && t.kind != TokKind::Digits && !t.is_punct('$') && !t.is_punct('€')
        });
        if cents_word || (alone && !symbol) {
            q.value += cents.value / 100.0;
            q.end = if cents_word { cents.end + 1 } else { cents.end };
        }
    }

    /// `trois ans et demi`, `an hour and a half`.
    fn and_a_half(&self, q: &mut Quantity) {
        let e = self
            .phrase_at(q.end, &["et", "demi"])
            .or_else(|| self.phrase_at(q.end, &["et", "demie"]))
            .or_else(|| self.phrase_at(q.end, &["and", "a", "half"]));
        if let Some(e) = e {
            q.value += 0.5;
            q.end = e;
        }
    }

    /// Duration → age when the context says so.
    /// `plus jeunes que trois mois`, `le bébé était seulement dix mois`: a
    /// comparison of age or a young child just before the figure.
    fn french_age_context(&self, anchor: usize) -> bool {
        let comparison = ["jeune", "jeunes", "vieux", "vieille", "vieilles", "age", "agee", "ages", "agees"]
            .iter()
            .any(|w| self.phrase_before(anchor, &[w, "que"]).is_some());
        let child = (1..=5)
            .take_while(|&k| k <= anchor)
            .any(|k| matches!(self.folded(anchor - k), "bebe" | "bebes" | "nourrisson" | "nourrissons" | "nouveau-ne"));
        comparison || child
    }

    fn age(&self, q: &mut Quantity) {
        let end = q.end;
        let mut is_age = self.folded(end - 1) == "yo";
        if let Some(e) = self.phrase_at(end, &["old"]) {
            q.end = e;
            is_age = true;
        } else if let Some(e) = self.phrase_at(end, &["of", "age"]).or_else(|| self.phrase_at(end, &["d", "'", "age"]))
        {
            q.end = e;
            is_age = true;
        } else if self.glued(q.end - 1) && self.toks[q.end - 1].start > 0 {
            // 45-year-old
            if self.toks.get(q.end - 2).is_some_and(|t| t.is_punct('-')) && self.phrase_at(end, &["-", "old"]).is_some()
            {
                q.end = end + 2;
                is_age = true;
            }
        }
        let before: [&[&str]; 6] =
            [&["age", "de"], &["agee", "de"], &["ages", "de"], &["agees", "de"], &["aged"], &["age"]];
        let anchor = self.qualifier_before(q.start).map_or(q.start, |(s, _, _)| s);
        if !is_age {
            is_age = before.iter().any(|p| self.phrase_before(anchor, p).is_some());
            if is_age && self.mode == Mode::En && anchor == q.start && self.phrase_before(q.start, &["age"]).is_some() {
                q.start -= 1;
            }
        }
        if !is_age && self.mode.is_fr() && q.unit.as_deref() == Some("year") {
            let verb = matches!(
                self.folded(anchor.wrapping_sub(1)),
                "a" | "ont" | "avait" | "avaient" | "aura" | "avoir" | "fete" | "feter"
            );
            is_age = verb && self.phrase_before(anchor, &["il", "y", "a"]).is_none();
        }
        if !is_age && self.mode.is_fr() && matches!(q.unit.as_deref(), Some("year" | "month" | "week")) {
            is_age = self.french_age_context(anchor);
        }
        if !is_age && self.mode == Mode::Fr && q.unit.as_deref() == Some("year") {
            is_age = self.phrase_before(q.start, &["a"]).is_some()
                && self.phrase_before(q.start, &["jusqu", "'", "a"]).is_none();
        }
        if !is_age && q.unit.as_deref() == Some("year") && self.glued(q.end) {
            if let Some(e) = self.phrase_at(q.end, &["-", "old"]) {
                q.end = e;
                is_age = true;
            }
        }
        if is_age {
            q.kind = NumberKind::Age;
        }
    }

    fn counted_noun(&self, q: &mut Quantity) {
        if q.kind != NumberKind::Cardinal {
            return;
        }
        let mut j = q.end;
        if self.folded(j) == "de" || self.folded(j) == "d" || self.folded(j) == "of" {
            j += if self.folded(j) == "d" { 2 } else { 1 };
        }
        let Some(t) = self.toks.get(j) else { return };
        if t.kind != TokKind::Word || t.lex.is_some() {
            return;
        }
        let word = &self.text[t.start..t.end];
        let folded = fold_str(word);
        if folded.chars().count() < 3
            || units::is_stop_word(&folded)
            || word.chars().next().is_some_and(char::is_uppercase)
        {
            return;
        }
        q.unit = Some(word.to_string());
    }

    // ------------------------------------------------------- bounds, ranges

    /// Emits `q` with its bound or as part of a range; returns the next token.
    fn attach(&mut self, q: Quantity) -> usize {
        if let Some(end) = self.two_sided_range(&q) {
            return end;
        }
        let mut m = self.mention(&q);
        let before = self.qualifier_before(q.start);
        let after = self.qualifier_after(q.end);
        let mut end = q.end;
        match (before, after) {
            (b, Some((e, side, incl))) if b.is_none_or(|(_, s, _)| matches!(s, Side::Equal | Side::Approx)) => {
                let start = match b {
                    Some((s, Side::Equal, _)) => s,
                    _ => q.start,
                };
                m.bound = Some(if side == Side::Min { Bound::Min } else { Bound::Max });
                m.qualifier = Some(self.slice(q.end, e).to_string());
                let range = self.one_sided(&q, start, e, side, incl);
                self.emit(range);
                end = e;
            }
            (Some((start, Side::Approx, _)), _) => {
                m.bound = Some(Bound::Approx);
                m.qualifier = Some(self.slice(start, q.start).to_string());
            }
            (Some((start, side, mut incl)), _) => {
                let or_equal = self
                    .phrase_at(q.end, &["or", "equal", "to"])
                    .or_else(|| self.phrase_at(q.end, &["ou", "egal", "a"]))
                    .or_else(|| self.phrase_at(q.end, &["ou", "egale", "a"]));
                let number_next = |e: usize| self.toks.get(e).is_some_and(|t| t.is_digits() || t.lex.is_some());
                if let (Some(e), Side::Min | Side::Max) = (or_equal.filter(|&e| !number_next(e)), side) {
                    incl = true;
                    m.bound = Some(if side == Side::Min { Bound::Min } else { Bound::Max });
                    m.qualifier = Some(self.qualifier_text(start, q.start));
                    let range = self.one_sided(&q, start, e, side, incl);
                    self.emit(range);
                    self.emit(m);
                    return e;
                }
                if side != Side::Equal {
                    m.bound = Some(if side == Side::Min { Bound::Min } else { Bound::Max });
                    m.qualifier = Some(self.qualifier_text(start, q.start));
                }
                if let Some(e) = self.bound_pair(&q, start, side, incl) {
                    self.emit(m);
                    return e;
                }
                let range_end = if q.kind == NumberKind::Percent { q.end } else { q.num_end };
                let range = self.one_sided(&q, start, range_end, side, incl);
                self.emit(range);
            }
            _ => {}
        }
        self.emit(m);
        end
    }

    /// The qualifier words, without an article skipped before the figure.
    fn qualifier_text(&self, start: usize, q_start: usize) -> String {
        let mut end = q_start;
        if matches!(self.folded(end - 1), "la" | "the" | "le") && end - 1 > start {
            end -= 1;
        }
        self.slice(start, end).to_string()
    }

    /// `supérieur à 30 et inférieur ou égal à 40`: a bound, a link, the other bound.
    fn bound_pair(&mut self, q: &Quantity, start: usize, side: Side, incl: bool) -> Option<usize> {
        if !matches!(side, Side::Min | Side::Max) {
            return None;
        }
        let link = self.folded(q.end);
        if !matches!(link, "et" | "and" | "mais" | "but" | ",") {
            return None;
        }
        let (qual_end, side2, incl2) = self.qualifier_at(q.end + 1)?;
        if side2 == side || !matches!(side2, Side::Min | Side::Max) {
            return None;
        }
        let q2_start = if matches!(self.folded(qual_end), "la" | "the" | "le") { qual_end + 1 } else { qual_end };
        let q2 = self.quantity(q2_start)?;
        let (lo, hi, lo_incl, hi_incl) =
            if side == Side::Min { (q.value, q2.value, incl, incl2) } else { (q2.value, q.value, incl2, incl) };
        if lo > hi {
            return None;
        }
        let text =
            format!("{}{},{}{}", if lo_incl { "[" } else { "(" }, fmt(lo), fmt(hi), if hi_incl { "]" } else { ")" });
        let mut r = NumberMention::new(self.span(start, q2.num_end), NumberKind::Range, NumberValue::Text(text));
        r.min = Some(lo);
        r.max = Some(hi);
        r.min_inclusive = Some(lo_incl);
        r.max_inclusive = Some(hi_incl);
        r.unit = q2.unit.clone().or(q.unit.clone());
        self.emit(r);
        let mut m2 = self.mention(&q2);
        m2.bound = Some(if side2 == Side::Min { Bound::Min } else { Bound::Max });
        m2.qualifier = Some(self.qualifier_text(q.end + 1, q2.start));
        self.emit(m2);
        Some(q2.end)
    }

    fn mention(&self, q: &Quantity) -> NumberMention {
        let value = if q.value.is_finite() { NumberValue::Number(q.value) } else { NumberValue::None };
        let mut m = NumberMention::new(self.span(q.start, q.end), q.kind, value);
        m.unit = q.unit.clone();
        m.iso = q.iso.clone();
        m
    }

    fn one_sided(&self, q: &Quantity, start: usize, end: usize, side: Side, incl: bool) -> NumberMention {
        let v = q.value;
        let (min, max, text) = match side {
            Side::Min => (Some(v), None, format!("{}{},)", if incl { "[" } else { "(" }, fmt(v))),
            Side::Max => (None, Some(v), format!("(,{}{}", fmt(v), if incl { "]" } else { ")" })),
            _ => (Some(v), Some(v), format!("[{},{}]", fmt(v), fmt(v))),
        };
        let mut m = NumberMention::new(self.span(start, end), NumberKind::Range, NumberValue::Text(text));
        m.min = min;
        m.max = max;
        m.min_inclusive = min.map(|_| incl || side == Side::Equal);
        m.max_inclusive = max.map(|_| incl || side == Side::Equal);
        m.unit = q.unit.clone();
        m.iso = q.iso.clone();
        m
    }

    fn qualifier_before(&self, start: usize) -> Option<(usize, Side, bool)> {
        let find = |end: usize| {
            QUALIFIER_TABLE
                .iter()
                .find_map(|qual| self.phrase_before(end, &qual.tokens).map(|s| (s, qual.side, qual.inclusive)))
        };
        let operator_glued = |s: usize| {
            s > 0
                && matches!(self.toks[s].kind, TokKind::Punct('<' | '>' | '='))
                && matches!(self.toks[s - 1].kind, TokKind::Punct('<' | '>' | '='))
                && !self.toks[s].space_before
        };
        let find = |end: usize| find(end).filter(|&(s, _, _)| !operator_glued(s));
        find(start).or_else(|| {
            let article = start > 0 && matches!(self.folded(start - 1), "la" | "the");
            if article {
                find(start - 1)
            } else {
                None
            }
        })
    }

    /// A qualifier starting at token `j`: its end, side and inclusivity.
    fn qualifier_at(&self, j: usize) -> Option<(usize, Side, bool)> {
        QUALIFIER_TABLE.iter().find_map(|qual| self.phrase_at(j, &qual.tokens).map(|e| (e, qual.side, qual.inclusive)))
    }

    fn qualifier_after(&self, end: usize) -> Option<(usize, Side, bool)> {
        const AFTER: &[(&[&str], Side)] = &[
            (&["ou", "plus", "que"], Side::Min),
            (&["ou", "plus"], Side::Min),
            (&["and", "more"], Side::Min),
            (&["and", "less"], Side::Max),
            (&["or", "more"], Side::Min),
            (&["or", "greater"], Side::Min),
            (&["or", "above"], Side::Min),
            (&["et", "plus"], Side::Min),
            (&["and", "above"], Side::Min),
            (&["and", "over"], Side::Min),
            (&["ou", "moins"], Side::Max),
            (&["or", "less"], Side::Max),
            (&["or", "fewer"], Side::Max),
            (&["or", "below"], Side::Max),
            (&["et", "moins"], Side::Max),
        ];
        AFTER.iter().find_map(|(p, side)| self.phrase_at(end, p).map(|e| (e, *side, true))).filter(|&(e, _, _)| {
            let last = self.folded(e - 1);
            last == "que" || !matches!(self.folded(e), "than" | "que" | "de" | "d" | "qu")
        })
    }

    /// `entre 10 et 20`, `de 5 à 8`, `10-12`, `between 3 and 4`.
    fn two_sided_range(&mut self, q1: &Quantity) -> Option<usize> {
        if q1.kind == NumberKind::Ordinal || q1.kind == NumberKind::Other {
            return None;
        }
        let opener = self.folded(q1.start.wrapping_sub(1));
        let (mut open_start, pair) = match opener {
            "entre" | "between" => (q1.start - 1, "and"),
            "de" | "from" | "des" => (q1.start - 1, "to"),
            _ => (q1.start, "to"),
        };
        let conn = self.folded(q1.end);
        let dash = matches!(conn, "-" | "–" | "—");
        let ok_conn = match conn {
            "et" | "and" => pair == "and",
            "a" | "to" | "au" | "through" => pair == "to",
            _ => dash && q1.digits && self.glued(q1.end) == self.glued(q1.end + 1),
        };
        if !ok_conn {
            return None;
        }
        let signed = self.toks[q1.start].kind != TokKind::Digits && q1.digits && q1.kind == NumberKind::Cardinal;
        let after_dash = q1.start > 0 && self.toks[q1.start - 1].is_punct('-') && self.glued(q1.start);
        if dash && (signed || after_dash) {
            return None;
        }
        if !dash && self.change_not_interval(opener, open_start) {
            return None;
        }
        let q2 = self.quantity(q1.end + 1)?;
        if q2.kind == NumberKind::Ordinal || q2.kind == NumberKind::Other || q2.value < q1.value {
            return None;
        }
        if !dash && open_start == q1.start && q1.unit.is_some() && q1.unit != q2.unit {
            return None;
        }
        let same_kind = q1.kind == q2.kind || (q1.kind == NumberKind::Cardinal && q1.unit.is_none());
        if !same_kind || (open_start == q1.start && !dash && !(q1.digits && q2.digits)) {
            return None;
        }
        if dash && self.toks.get(q2.end).is_some_and(|t| !t.space_before && matches!(t.kind, TokKind::Punct('-' | '/')))
        {
            return None;
        }
        if opener == "de" && q1.digits {
            open_start = q1.start;
        }
        if q1.digits && q2.digits && units::is_month(self.folded(q2.end)) {
            let mut end = q2.end + 1;
            if let Some((4, _)) = self.digits_value(end) {
                end += 1;
            }
            let span = self.span(open_start, end);
            self.emit(NumberMention::new(span, NumberKind::Date, NumberValue::None));
            return Some(end);
        }
        let mut m = NumberMention::new(
            self.span(open_start, q2.num_end),
            NumberKind::Range,
            NumberValue::Text(format!("[{},{}]", fmt(q1.value), fmt(q2.value))),
        );
        m.min = Some(q1.value);
        m.max = Some(q2.value);
        m.min_inclusive = Some(true);
        m.max_inclusive = Some(true);
        m.unit = q2.unit.clone().or(q1.unit.clone());
        m.iso = q2.iso.clone().or(q1.iso.clone());
        self.emit(m);
        Some(q2.end)
    }

    /// `the one before the last`, `the second to last`, `celle d’avant la
    /// dernière`: where the phrase starts and its value.
    fn before_the_last(&mut self, i: usize) -> Option<(usize, &'static str)> {
        let w = |k: usize| self.folded(i.checked_sub(k).unwrap_or(usize::MAX));
        if matches!(w(1), "the" | "la" | "le") && matches!(w(2), "before" | "avant") {
            let en = w(3) == "one";
            let fr = matches!(w(3), "'" | "’") && w(4) == "d" && matches!(w(5), "celle" | "celui");
            let mut start = if en {
                i - 3
            } else if fr {
                i - 5
            } else {
                return None;
            };
            if en && start > 0 && self.folded(start - 1) == "the" {
                start -= 1;
            }
            self.drop_found_from(start);
            return Some((start, "end-1"));
        }
        let v = match (w(1), w(2)) {
            ("to", "second") => "end-1",
            ("to", "third") => "end-2",
            _ => return None,
        };
        let start = if w(3) == "the" { i - 3 } else { i - 2 };
        self.drop_found_from(start);
        Some((start, v))
    }

    /// Forgets what was found from token `start` on (taken into a longer phrase).
    fn drop_found_from(&mut self, start: usize) {
        let from = self.toks[start].start;
        // Mentions come out left to right: popping keeps this linear.
        while self.out.last().is_some_and(|m| m.span.start >= from) {
            self.out.pop();
        }
    }

    /// `cut rates by 0.25 points to 4.5%`, `a baissé de 2 % à 3 %`: after a
    /// verb of change, `by X to Y` / `de X à Y` gives the step and the new
    /// level, not an interval.
    fn change_not_interval(&self, opener: &str, open_start: usize) -> bool {
        if matches!(opener, "by" | "par") {
            return true;
        }
        let look_from = if matches!(opener, "de" | "des") { open_start } else { return false };
        (1..=3).take_while(|&k| k <= look_from).any(|k| units::is_change_verb(self.folded(look_from - k)))
    }

    // ---------------------------------------------------- relative ordinals

    fn relative_ordinal(&mut self, i: usize) -> Option<usize> {
        let t = self.toks[i];
        let w = t.word();
        let value = match w {
            "dernier" | "derniere" | "derniers" | "dernieres" | "last" => "end+0",
            "prochain" | "prochaine" | "prochains" | "prochaines" | "next" => "current+1",
            "precedent" | "precedente" | "precedents" | "precedentes" | "previous" => "current-1",
            "current" => "current+0",
            "penultimate" | "penultieme" => "end-1",
            "antepenultimate" | "antepenultieme" => "end-2",
            _ => return None,
        };
        let mut start = i;
        let mut value = value.to_string();
        if value == "end+0" && i >= 2 && self.toks[i - 1].is_punct('-') && self.folded(i - 2) == "avant" {
            start = i - 2;
            value = "end-1".into();
            if start >= 2 && self.folded(start - 1) == "'" && self.folded(start - 2) == "l" {
                start -= 2;
            }
        }
        if value == "end+0" {
            if let Some((s0, v)) = self.before_the_last(i) {
                start = s0;
                value = v.into();
            }
        }
        if w == "last" && i > 0 && self.folded(i - 1) == "at" {
            return Some(i + 1);
        }
        let before = self.folded(i.wrapping_sub(1));
        if matches!(before, "ce" | "cet" | "cette" | "ces" | "des" | "un" | "sans") {
            return Some(i + 1);
        }
        let mut end = i + 1;
        if self.mode != Mode::Fr {
            if let Some(e) = self.phrase_at(i + 1, &["but", "one"]) {
                value = "end-1".into();
                end = e;
                if self.folded(start.wrapping_sub(1)) == "the" {
                    start -= 1;
                }
            } else if w == "next" && self.phrase_at(i + 1, &["to", "last"]).is_some() {
                value = "end-1".into();
                end = i + 3;
            } else if self.folded(i + 1) == "one" {
                end = i + 2;
            }
        }
        let prev = self.folded(start.wrapping_sub(1));
        let next = self.folded(end);
        let dated = units::is_time_word(next) || units::is_time_word(prev);
        let (kind, v) = if dated {
            (NumberKind::Date, NumberValue::None)
        } else {
            (NumberKind::OrdinalRelative, NumberValue::Text(value))
        };
        let span = self.span(start, end);
        self.emit(NumberMention::new(span, kind, v));
        Some(end)
    }
}

/// Where a scale word after `demi`/`half` at `j` ends (`demi-million`, `half a million`).
fn scale_end(s: &Scanner, j: usize) -> usize {
    let mut k = j + 1;
    if s.toks.get(k).is_some_and(|t| t.is_punct('-')) {
        k += 1;
    }
    if matches!(s.folded(k), "a" | "an") {
        k += 1;
    }
    k + 1
}

/// The value of a vulgar-fraction char (`½` 0.5).
fn vulgar(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '⅕' => 0.2,
        '⅙' => 1.0 / 6.0,
        '⅛' => 0.125,
        _ => return None,
    })
}

/// A number for interval strings: integers without a decimal point.
fn fmt(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}
