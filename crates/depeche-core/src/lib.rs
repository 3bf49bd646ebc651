//! The depeche text model and extractor plugin API.
//!
//! A [`Document`] owns the original text (never modified) and its segmentation
//! (paragraphs, sentences, tokens) as byte [`Span`]s into that text. Extractors
//! implement [`Extractor`] and write typed items into [`Layers`]; a [`Plan`]
//! orders them before any document is read. Conversion to Unicode-scalar
//! offsets happens only at the output edge ([`output`]).

pub mod calendar;
pub mod document;
pub mod extractor;
pub mod lang;
pub mod layers;
pub mod normalize;
pub mod output;
pub mod plan;
pub mod segment;
pub mod span;

pub use document::{Document, Sentence};
pub use extractor::{Description, ExtractError, Extractor};
pub use lang::Lang;
pub use layers::*;
pub use normalize::{fold_char, Normalized};
pub use plan::{Plan, PlanError};
pub use segment::{Token, TokenKind};
pub use span::{CharMap, Span};
