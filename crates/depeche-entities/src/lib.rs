//! The `entities` extractor (not implemented yet: it registers and produces an empty layer).

use depeche_core::{Description, Document, ExtractError, Extractor, LayerKind, Layers};

/// The `entities` extractor.
#[derive(Debug, Default, Clone, Copy)]
pub struct EntitiesExtractor;

impl Extractor for EntitiesExtractor {
    fn describe(&self) -> Description {
        Description {
            name: "entities",
            version: env!("CARGO_PKG_VERSION"),
            requires: &[],
            produces: &[LayerKind::Entities],
            summary: "(not implemented yet) entities",
        }
    }

    fn extract(&self, _doc: &Document, layers: &mut Layers) -> Result<(), ExtractError> {
        layers.entities = Some(Vec::new());
        Ok(())
    }
}
