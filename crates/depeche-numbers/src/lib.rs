//! The `numbers` extractor (not implemented yet: it registers and produces an empty layer).

use depeche_core::{Description, Document, ExtractError, Extractor, LayerKind, Layers};

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
            summary: "(not implemented yet) numbers",
        }
    }

    fn extract(&self, _doc: &Document, layers: &mut Layers) -> Result<(), ExtractError> {
        layers.numbers = Some(Vec::new());
        Ok(())
    }
}
