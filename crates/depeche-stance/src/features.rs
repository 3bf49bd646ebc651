//! Features of a target in its sentence, for the linear stance model.
//!
//! Two families: *lexical* features (words and bigrams of the sentence and of
//! windows left and right of the target, the target's own words, negated
//! words), learned from English data only, and *shared* features (lexicon
//! valence by distance and direction, negation and intensifier scope, quote
//! membership, position) whose names do not depend on the language, so that
//! weights learned in English carry over to French.

use crate::cues::{self, CueKind};
use crate::lexicon::Lexicon;
use crate::words;
use depeche_core::{fold_char, Document, Lang, Polarity, Span, TokenKind};
use std::borrow::Cow;
use std::ops::Range;

/// Which features to compute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeatureSet {
    /// Lexical and shared features (English).
    Full,
    /// Language-independent features only (any language).
    Shared,
}

/// A sparse feature vector: (hashed name, value).
pub type Features = Vec<(u32, f32)>;

/// The sentence around a target, as lowercased words (borrowed from the
/// document's [`DocWords`] when there is one, so that a target costs no copy).
#[derive(Debug, Clone)]
pub struct TargetContext<'a> {
    /// Lowercased, apostrophe-folded token texts of the sentence.
    pub words: Vec<Cow<'a, str>>,
    /// Byte spans of those tokens.
    pub spans: Vec<Span>,
    /// Whether each token is a quotation mark.
    pub is_quote: Vec<bool>,
    /// Token range of the target inside `words`.
    pub target: std::ops::Range<usize>,
    /// Whether the target lies inside reported speech.
    pub in_quote: bool,
    /// Cached lexicon valences of `words` (0 when absent), if known.
    pub valence: Option<Vec<f32>>,
    pub lang: Lang,
}

/// Tokens of context kept on each side of the target. Training sentences are
/// far shorter, so this changes nothing there; it keeps the cost of one
/// target bounded in a "sentence" of millions of tokens (text without full
/// stops), where every target would otherwise read the whole text.
const CONTEXT_RADIUS: usize = 120;

/// `tokens` cut to at most [`CONTEXT_RADIUS`] tokens before and after the
/// tokens of `target`.
fn clamp_to_radius(doc: &Document, tokens: Range<usize>, target: Span) -> Range<usize> {
    let first = doc.token_at_or_after(target.start);
    let last = doc.token_at_or_after(target.end);
    let start = tokens.start.max(first.saturating_sub(CONTEXT_RADIUS));
    let end = tokens.end.min(last.saturating_add(CONTEXT_RADIUS));
    if start < end {
        start..end
    } else {
        tokens
    }
}

impl<'a> TargetContext<'a> {
    /// The context of `target` in `doc` (the sentences it touches); `in_quote`
    /// is set when the caller knows the target is inside a quote.
    pub fn new(doc: &Document, target: Span, in_quote: bool) -> TargetContext<'static> {
        TargetContext::build(doc, target, in_quote, None)
    }

    /// As [`TargetContext::new`], reusing the document's lowered tokens and
    /// valences ([`DocWords`]) instead of computing them again.
    pub fn with_words(doc: &Document, target: Span, in_quote: bool, words: &'a DocWords<'_>) -> TargetContext<'a> {
        Self::build(doc, target, in_quote, Some(words).filter(|w| w.lowered.len() == doc.tokens.len()))
    }

    fn build(doc: &Document, target: Span, in_quote: bool, cache: Option<&'a DocWords<'_>>) -> TargetContext<'a> {
        let first = doc.sentence_at(target.start);
        let last = doc.sentence_at(target.end.saturating_sub(1).max(target.start));
        let tokens = match (first, last) {
            (Some(a), Some(b)) if a <= b => doc.sentences[a].tokens.start..doc.sentences[b].tokens.end,
            (Some(a), _) => doc.sentences[a].tokens.clone(),
            _ => {
                let i = doc.token_at_or_after(target.start);
                i..doc.token_at_or_after(target.end).min(doc.tokens.len())
            }
        };
        let tokens = clamp_to_radius(doc, tokens, target);
        let mut ctx = TargetContext {
            words: Vec::with_capacity(tokens.len()),
            spans: Vec::with_capacity(tokens.len()),
            is_quote: Vec::with_capacity(tokens.len()),
            target: 0..0,
            in_quote,
            valence: None,
            lang: doc.lang,
        };
        let (mut t_start, mut t_end) = (usize::MAX, 0);
        for (k, i) in tokens.enumerate() {
            let tok = doc.tokens[i];
            match cache {
                Some(c) => {
                    ctx.words.push(Cow::Borrowed(&*c.lowered[i]));
                    ctx.valence.get_or_insert_with(Vec::new).push(c.valence[i]);
                }
                None => ctx.words.push(Cow::Owned(lower_folded(doc.slice(tok.span)))),
            }
            ctx.spans.push(tok.span);
            ctx.is_quote.push(tok.kind == TokenKind::Quote);
            if tok.span.end > target.start && tok.span.start < target.end {
                t_start = t_start.min(k);
                t_end = k + 1;
            }
        }
        ctx.target = if t_start == usize::MAX {
            let k = ctx.spans.partition_point(|s| s.end <= target.start);
            k..k
        } else {
            t_start..t_end
        };
        if !ctx.in_quote {
            ctx.in_quote = ctx.odd_quotes_before_target();
        }
        ctx
    }

    /// True when an odd number of double-style quotation marks precede the target.
    fn odd_quotes_before_target(&self) -> bool {
        let n = (0..self.target.start).filter(|&i| self.is_quote[i] && self.words[i] != "'").count();
        n % 2 == 1
    }

    /// The clause around the target: tokens between the nearest clause
    /// breaks (`,` `;` `:` dashes, quotes, contrast words) on each side.
    pub fn clause(&self) -> std::ops::Range<usize> {
        let is_break = |w: &str| matches!(w, "," | ";" | ":" | "-" | "\"" | "(" | ")") || words::is_contrast(w);
        let start = (0..self.target.start).rev().find(|&i| is_break(&self.words[i])).map_or(0, |i| i + 1);
        let end = (self.target.end..self.words.len()).find(|&i| is_break(&self.words[i])).unwrap_or(self.words.len());
        start..end
    }

    /// Token distance from position `i` to the target (0 inside it).
    fn distance(&self, i: usize) -> usize {
        if i < self.target.start {
            self.target.start - i
        } else if i >= self.target.end {
            i + 1 - self.target.end
        } else {
            0
        }
    }
}

/// Lowercases a token and folds typographic apostrophes and quotes.
pub fn lower_folded(s: &str) -> String {
    lower_folded_cow(s).into_owned()
}

/// [`lower_folded`] that borrows `s` when it is already lowercase and folded
/// (most tokens), so that a document's words cost no allocation each.
pub fn lower_folded_cow(s: &str) -> Cow<'_, str> {
    let unchanged = if s.is_ascii() {
        !s.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        s.chars().all(|c| fold_char(c) == c && (c.is_lowercase() || !c.is_alphabetic()))
    };
    if unchanged {
        return Cow::Borrowed(s);
    }
    if s.is_ascii() {
        return Cow::Owned(s.to_ascii_lowercase());
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = fold_char(c);
        if c.is_lowercase() || !c.is_alphabetic() {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    Cow::Owned(out)
}

/// Every token of the document lowercased and folded, with its lexicon
/// valence (0 when absent), computed once per document.
#[derive(Debug, Clone)]
pub struct DocWords<'d> {
    /// Lowercased, folded token texts, borrowed from the document when unchanged.
    pub lowered: Vec<Cow<'d, str>>,
    pub valence: Vec<f32>,
}

impl<'d> DocWords<'d> {
    pub fn new(doc: &'d Document, lex: &Lexicon) -> DocWords<'d> {
        let lowered: Vec<Cow<'d, str>> = (0..doc.tokens.len()).map(|i| lower_folded_cow(doc.token_text(i))).collect();
        let valence = lowered.iter().map(|w| lex.valence(doc.lang, w).unwrap_or(0.0)).collect();
        DocWords { lowered, valence }
    }
}

/// FNV-1a hash of a feature name.
pub fn hash_name(parts: &[&str]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for (k, part) in parts.iter().enumerate() {
        if k > 0 {
            h ^= 0x1f;
            h = h.wrapping_mul(0x0100_0193);
        }
        for b in part.bytes() {
            h ^= b as u32;
            h = h.wrapping_mul(0x0100_0193);
        }
    }
    h
}

/// A polar word found in the context, with its modified valence.
#[derive(Debug, Clone, Copy)]
pub struct PolarWord {
    pub index: usize,
    pub valence: f32,
    pub negated: bool,
}

/// Polar words of the context outside the target, with negation and
/// intensifier scope applied (a negation flips and halves the next 3 words).
pub fn polar_words(ctx: &TargetContext, lex: &Lexicon) -> Vec<PolarWord> {
    let mut out = Vec::new();
    for (i, w) in ctx.words.iter().enumerate() {
        if ctx.target.contains(&i) {
            continue;
        }
        let cached = ctx.valence.as_ref().and_then(|v| v.get(i).copied());
        let Some(mut v) = cached.or_else(|| lex.valence(ctx.lang, w)) else {
            continue;
        };
        if v == 0.0 {
            continue;
        }
        let before = &ctx.words[i.saturating_sub(3)..i];
        let negated = before.iter().any(|b| words::is_negation(b))
            || (ctx.lang == Lang::Fr && ctx.words.get(i + 1).is_some_and(|n| n == "pas"));
        if let Some(prev) = i.checked_sub(1).map(|p| &*ctx.words[p]) {
            if words::is_intensifier(prev) {
                v *= 1.5;
            } else if words::is_diminisher(prev) {
                v *= 0.5;
            }
        }
        if negated {
            v *= -0.6;
        }
        out.push(PolarWord { index: i, valence: v.clamp(-1.5, 1.5), negated });
    }
    out
}

/// Accumulates named features.
struct Builder {
    feats: Features,
}

impl Builder {
    fn add(&mut self, parts: &[&str], value: f32) {
        if value != 0.0 {
            self.feats.push((hash_name(parts), value));
        }
    }
}

/// The features of a target context.
pub fn extract(ctx: &TargetContext, lex: &Lexicon, set: FeatureSet) -> Features {
    let mut b = Builder { feats: Vec::with_capacity(128) };
    shared_features(ctx, lex, &mut b);
    if set == FeatureSet::Full {
        lexical_features(ctx, &mut b);
    }
    b.feats
}

fn shared_features(ctx: &TargetContext, lex: &Lexicon, b: &mut Builder) {
    b.add(&["bias"], 1.0);
    let polar = polar_words(ctx, lex);
    let contrast_at = ctx.words.iter().position(|w| words::is_contrast(w));
    let mut sums = [[0f32; 2]; 5]; // near, mid, far, left3, right3 × (pos, neg)
    let mut weighted = [0f32; 2];
    let mut negated_near = 0f32;
    for p in &polar {
        let d = ctx.distance(p.index);
        let side = usize::from(p.valence < 0.0);
        let mag = p.valence.abs();
        let bucket = match d {
            0..=3 => 0,
            4..=8 => 1,
            _ => 2,
        };
        sums[bucket][side] += mag;
        if p.index < ctx.target.start && d <= 3 {
            sums[3][side] += mag;
        }
        if p.index >= ctx.target.end && d <= 3 {
            sums[4][side] += mag;
        }
        weighted[side] += mag / (1.0 + d as f32 * 0.25);
        if p.negated && d <= 5 {
            negated_near += 1.0;
        }
        if contrast_at.is_some_and(|c| p.index > c) {
            // The polar word follows the contrast word: does the target too?
            let same_side = contrast_at.is_some_and(|c| c < ctx.target.start);
            let name = if same_side { "contrast_same" } else { "contrast_other" };
            b.add(&[name, ["+", "-"][side]], mag);
        }
    }
    let names = ["near", "mid", "far", "left3", "right3"];
    for (name, pair) in names.iter().zip(sums) {
        b.add(&["lx", name, "+"], squash(pair[0]));
        b.add(&["lx", name, "-"], squash(pair[1]));
        b.add(&["lx", name, "net"], squash(pair[0] - pair[1]));
    }
    b.add(&["lxw", "+"], squash(weighted[0]));
    b.add(&["lxw", "-"], squash(weighted[1]));
    b.add(&["lxw", "net"], squash(weighted[0] - weighted[1]));
    b.add(&["neg_near"], negated_near.min(2.0));
    b.add(&["npolar"], (polar.len() as f32 / 4.0).min(2.0));
    let clause = ctx.clause();
    let mut in_clause = [0f32; 2];
    for p in polar.iter().filter(|p| clause.contains(&p.index)) {
        in_clause[usize::from(p.valence < 0.0)] += p.valence.abs();
    }
    b.add(&["clause", "+"], squash(in_clause[0]));
    b.add(&["clause", "-"], squash(in_clause[1]));
    b.add(&["clause", "net"], squash(in_clause[0] - in_clause[1]));
    cue_features(ctx, b);
    position_features(ctx, b);
    if ctx.in_quote {
        b.add(&["in_quote"], 1.0);
        b.add(&["in_quote_lx"], squash(weighted[0] - weighted[1]));
    }
    if ctx.is_quote.iter().any(|&q| q) {
        b.add(&["has_quote"], 1.0);
    }
}

/// Stance cue words (same classes in French and English, see [`crate::cues`])
/// near the target, by side and polarity: `accused X`, `soutien à X`.
fn cue_features(ctx: &TargetContext, b: &mut Builder) {
    for (i, w) in ctx.words.iter().enumerate() {
        let d = ctx.distance(i);
        if d == 0 || d > 6 {
            continue;
        }
        let Some(cue) = cues::cue(ctx.lang, w) else { continue };
        let side = if i < ctx.target.start { "L" } else { "R" };
        let pol = if cue.polarity == Polarity::Favor { "+" } else { "-" };
        let kind = if cue.kind == CueKind::Object { "obj" } else { "agent" };
        b.add(&["cue", side, pol, kind], 1.0 / (1.0 + d as f32 * 0.2));
    }
}

/// Where the target sits: sentence start (subject), after a preposition, etc.
fn position_features(ctx: &TargetContext, b: &mut Builder) {
    let n = ctx.words.len().max(1);
    let rel = ctx.target.start as f32 / n as f32;
    b.add(&["pos", ["begin", "middle", "end"][((rel * 3.0) as usize).min(2)]], 1.0);
    if ctx.target.start <= 1 {
        b.add(&["subject_start"], 1.0);
    }
    let len_bucket = match n {
        0..=12 => "short",
        13..=30 => "medium",
        _ => "long",
    };
    b.add(&["len", len_bucket], 1.0);
    if ctx.words.iter().any(|w| w == "?") {
        b.add(&["question"], 1.0);
    }
    if ctx.words.iter().any(|w| w == "!") {
        b.add(&["exclaim"], 1.0);
    }
}

fn lexical_features(ctx: &TargetContext, b: &mut Builder) {
    let w = &ctx.words;
    let mut negation_left = 0usize;
    for (i, word) in w.iter().enumerate() {
        if words::is_negation(word) {
            negation_left = 3;
        } else if negation_left > 0 {
            b.add(&["negw", word], 1.0);
            negation_left -= 1;
        }
        if ctx.target.contains(&i) {
            b.add(&["t", word], 1.0);
            continue;
        }
        let d = ctx.distance(i);
        let side = if i < ctx.target.start { "L" } else { "R" };
        let near = 1.0 / (1.0 + d as f32 * 0.1);
        b.add(&[side, word], near);
        if let Some(next) = w.get(i + 1) {
            b.add(&[side, "bg", word, next], near);
        }
        if d <= 3 {
            b.add(&[side, "3", word], 1.0);
        }
    }
    let (s, e) = (ctx.target.start, ctx.target.end);
    if s >= 2 {
        b.add(&["L2", &w[s - 2], &w[s - 1]], 1.0);
    }
    if s >= 1 {
        b.add(&["L1", &w[s - 1]], 1.0);
    }
    if e < w.len() {
        b.add(&["R1", &w[e]], 1.0);
    }
    if e + 1 < w.len() {
        b.add(&["R2", &w[e], &w[e + 1]], 1.0);
    }
}

/// Bounded growth for summed valences.
fn squash(x: f32) -> f32 {
    x / (1.0 + x.abs() * 0.5)
}
