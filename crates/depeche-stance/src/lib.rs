//! The `stance` extractor (not implemented yet: it registers and produces an empty layer).

use depeche_core::{Description, Document, ExtractError, Extractor, LayerKind, Layers};

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
            summary: "(not implemented yet) stance",
        }
    }

    fn extract(&self, _doc: &Document, layers: &mut Layers) -> Result<(), ExtractError> {
        layers.stance = Some(Vec::new());
        Ok(())
    }
}
