//! The `quotes` extractor (not implemented yet: it registers and produces an empty layer).

use depeche_core::{Description, Document, ExtractError, Extractor, LayerKind, Layers};

/// The `quotes` extractor.
#[derive(Debug, Default, Clone, Copy)]
pub struct QuotesExtractor;

impl Extractor for QuotesExtractor {
    fn describe(&self) -> Description {
        Description {
            name: "quotes",
            version: env!("CARGO_PKG_VERSION"),
            requires: &[LayerKind::Entities],
            produces: &[LayerKind::Quotes],
            summary: "(not implemented yet) quotes",
        }
    }

    fn extract(&self, _doc: &Document, layers: &mut Layers) -> Result<(), ExtractError> {
        layers.quotes = Some(Vec::new());
        Ok(())
    }
}
