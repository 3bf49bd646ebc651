//! The `numbers` extractor: every figure of a French or English text with its
//! exact span, value, unit, bounds and ranges.
//!
//! One linear pass over a light token scan ([`scan`]): calendar expressions
//! (dates, times, scores, phone numbers) are set apart first, then each figure
//! in digits or words ([`atoms`], [`words`]) gets its scale, fraction, unit,
//! currency, bound qualifier and range ([`extract`]). Tables compile once.

pub mod atoms;
pub mod extract;
pub mod lexicon;
pub mod scan;
pub mod units;
pub mod words;

#[cfg(test)]
mod tests;

use depeche_core::{Description, Document, ExtractError, Extractor, Lang, LayerKind, Layers, NumberMention};
use words::Mode;

/// The `numbers` extractor.
#[derive(Debug, Default, Clone, Copy)]
pub struct NumbersExtractor;

impl Extractor for NumbersExtractor {
    fn describe(&self) -> Description {
        Description {
            name: "numbers",
            version: env!("CARGO_PKG_VERSION"),
            requires: &[],
            produces: &[LayerKind::Numbers],
            summary: "figures in French and English: value, unit, bounds, ranges",
        }
    }

    fn extract(&self, doc: &Document, layers: &mut Layers) -> Result<(), ExtractError> {
        layers.numbers = Some(find(&doc.text, doc.lang));
        Ok(())
    }
}

/// Every figure of `text` read as language `lang` (`Other` reads both).
pub fn find(text: &str, lang: Lang) -> Vec<NumberMention> {
    let mode = match lang {
        Lang::Fr => Mode::Fr,
        Lang::En => Mode::En,
        _ => Mode::Both,
    };
    extract::find_numbers(text, mode)
}
