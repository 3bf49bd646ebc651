//! The extractor plugin API.

use crate::document::Document;
use crate::layers::{LayerKind, Layers};

/// Static description of an extractor: what it is, what it reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Description {
    /// The name used on the command line (`--extractors numbers`).
    pub name: &'static str,
    pub version: &'static str,
    /// Layers that must be computed before this extractor runs.
    pub requires: &'static [LayerKind],
    /// Layers this extractor writes (each layer has exactly one producer).
    pub produces: &'static [LayerKind],
    /// One line for `depeche extractors`.
    pub summary: &'static str,
}

/// An error from one extractor on one document. The runner turns it into an
/// error record for that document and goes on.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("{extractor}: required layer `{layer}` is missing")]
    MissingLayer { extractor: &'static str, layer: &'static str },
    #[error("{extractor}: {message}")]
    Failed { extractor: &'static str, message: String },
}

/// A plugin that reads a document (and the layers it declared in `requires`)
/// and writes the layers it declared in `produces`.
///
/// Implementations must be deterministic, must not panic on any input (the
/// runner still catches panics), and must only produce spans that lie on
/// char boundaries of `doc.text`.
pub trait Extractor: Send + Sync {
    fn describe(&self) -> Description;
    fn extract(&self, doc: &Document, layers: &mut Layers) -> Result<(), ExtractError>;
}
