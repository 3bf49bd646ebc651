//! An extractor written outside the built-in crates, to show the plugin API:
//! it reads the core tokens and produces a custom `social` layer of hashtags,
//! @handles, e-mail addresses and URLs.

use depeche_core::{CustomItem, Description, Document, ExtractError, Extractor, LayerKind, Layers, TokenKind};

/// Name of the layer this extractor produces.
pub const LAYER: &str = "social";

/// Finds hashtags, handles, e-mails and URLs.
#[derive(Debug, Default, Clone, Copy)]
pub struct SocialExtractor;

impl Extractor for SocialExtractor {
    fn describe(&self) -> Description {
        Description {
            name: "social",
            version: env!("CARGO_PKG_VERSION"),
            requires: &[],
            produces: &[LayerKind::Custom(LAYER)],
            summary: "hashtags, @handles, e-mail addresses and URLs (example plugin)",
        }
    }

    fn extract(&self, doc: &Document, layers: &mut Layers) -> Result<(), ExtractError> {
        let items = doc
            .tokens
            .iter()
            .filter_map(|t| {
                let label = match t.kind {
                    TokenKind::Hashtag => "hashtag",
                    TokenKind::Handle => "handle",
                    TokenKind::Email => "email",
                    TokenKind::Url => "url",
                    _ => return None,
                };
                let mut attrs = serde_json::Map::new();
                if t.kind == TokenKind::Hashtag {
                    attrs.insert("tag".into(), doc.slice(t.span).trim_start_matches('#').to_lowercase().into());
                }
                Some(CustomItem { span: t.span, label: label.into(), attrs })
            })
            .collect();
        layers.custom.insert(LAYER.to_string(), items);
        Ok(())
    }
}
