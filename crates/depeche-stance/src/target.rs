//! Target mode: the polarity a sentence expresses toward a given span, from
//! the trained linear model (full model for English, shared-feature model
//! for French and other languages), with the polar words it rests on as cues.

use crate::features::{self, DocWords, FeatureSet, TargetContext};
use crate::lexicon::Lexicon;
use crate::model::{Model, LABELS};
use depeche_core::{Document, Lang, Polarity, Span};
use once_cell::sync::Lazy;

static FULL: Lazy<Model> = Lazy::new(|| Model::from_bytes(include_bytes!("../models/stance_en.bin")));
static SHARED: Lazy<Model> = Lazy::new(|| Model::from_bytes(include_bytes!("../models/stance_shared.bin")));

/// The decision on one target.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    pub polarity: Polarity,
    /// Probability of the chosen polarity.
    pub score: f32,
    pub cues: Vec<Span>,
    /// Probabilities (favor, against, neutral).
    pub probs: [f32; 3],
}

/// The feature set and model used for a language.
pub fn model_for(lang: Lang) -> (FeatureSet, &'static Model) {
    match lang {
        Lang::En => (FeatureSet::Full, &FULL),
        _ => (FeatureSet::Shared, &SHARED),
    }
}

/// Classifies the stance of the text toward `target`.
pub fn judge(doc: &Document, target: Span, in_quote: bool) -> Judgement {
    judge_context(doc, TargetContext::new(doc, target, in_quote))
}

/// As [`judge`], reusing the document's lowered tokens and valences.
pub fn judge_cached(doc: &Document, target: Span, in_quote: bool, words: &DocWords) -> Judgement {
    judge_context(doc, TargetContext::with_words(doc, target, in_quote, words))
}

fn judge_context(doc: &Document, ctx: TargetContext) -> Judgement {
    let lex = Lexicon::embedded();
    let (set, model) = model_for(doc.lang);
    let probs = model.predict(&features::extract(&ctx, lex, set));
    let best = argmax(probs);
    let polarity = LABELS[best];
    Judgement { polarity, score: probs[best], cues: cues_for(&ctx, lex, polarity), probs }
}

/// Index of the largest probability; ties go to neutral, then against.
pub fn argmax(p: [f32; 3]) -> usize {
    let mut best = 2;
    for c in [1, 0] {
        if p[c] > p[best] {
            best = c;
        }
    }
    best
}

/// Up to three polar words near the target whose sign agrees with the polarity.
fn cues_for(ctx: &TargetContext, lex: &Lexicon, polarity: Polarity) -> Vec<Span> {
    let sign = match polarity {
        Polarity::Favor => 1.0,
        Polarity::Against => -1.0,
        Polarity::Neutral => return Vec::new(),
    };
    let mut polar: Vec<(f32, usize)> = features::polar_words(ctx, lex)
        .into_iter()
        .filter(|p| p.valence * sign > 0.0)
        .map(|p| {
            let d = distance(ctx, p.index) as f32;
            (p.valence.abs() / (1.0 + d * 0.25), p.index)
        })
        .collect();
    polar.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut spans: Vec<Span> = polar.iter().take(3).map(|&(_, i)| ctx.spans[i]).collect();
    spans.sort_by_key(|s| s.start);
    spans
}

fn distance(ctx: &TargetContext, i: usize) -> usize {
    if i < ctx.target.start {
        ctx.target.start - i
    } else {
        i.saturating_sub(ctx.target.end.saturating_sub(1))
    }
}
