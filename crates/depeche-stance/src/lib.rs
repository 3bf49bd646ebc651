//! The `stance` extractor: who is for or against whom, with evidence.
//!
//! - Target mode (the document has `targets`): one [`Stance`] per target, the
//!   polarity the sentence expresses toward it, from a trained linear model
//!   ([`target`]).
//! - Open mode: stance records linking holders (quote speakers, acting
//!   entities, the author) to targets (entities), found by French and English
//!   patterns and the model ([`open`]), plus the document [`Tone`] ([`tone`]).

pub mod actors;
pub mod cues;
pub mod demonyms;
pub mod features;
pub mod lexicon;
pub mod model;
pub mod open;
pub mod target;
pub mod tone;
pub mod words;

use depeche_core::{Description, Document, ExtractError, Extractor, Holder, LayerKind, Layers, NamedSpan, Stance};

/// The `stance` extractor.
#[derive(Debug, Default, Clone, Copy)]
pub struct StanceExtractor;

impl Extractor for StanceExtractor {
    fn describe(&self) -> Description {
        Description {
            name: "stance",
            version: env!("CARGO_PKG_VERSION"),
            requires: &[LayerKind::Entities, LayerKind::Quotes],
            produces: &[LayerKind::Stance],
            summary: "stance toward given targets, or open holder→target stance and document tone",
        }
    }

    fn extract(&self, doc: &Document, layers: &mut Layers) -> Result<(), ExtractError> {
        if doc.targets.is_empty() {
            let words = features::DocWords::new(doc, lexicon::Lexicon::embedded());
            layers.stance = Some(open::find(doc, layers, &words));
            layers.tone = Some(tone::tone(doc, &words));
        } else {
            layers.stance = Some(target_mode(doc, layers));
        }
        Ok(())
    }
}

/// One author-held stance per target, in target order.
fn target_mode(doc: &Document, layers: &Layers) -> Vec<Stance> {
    doc.targets
        .iter()
        .map(|&span| {
            let in_quote = layers.quotes().iter().any(|q| q.span.start <= span.start && span.end <= q.span.end);
            let j = target::judge(doc, span, in_quote);
            Stance {
                holder: Holder::Author,
                target: NamedSpan { span, name: None },
                polarity: j.polarity,
                score: j.score,
                cues: j.cues,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
