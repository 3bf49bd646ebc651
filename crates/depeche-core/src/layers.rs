//! Layer types: what extractors produce, as byte spans into the document.
//!
//! Each built-in extractor owns one layer; the types live here so that an
//! extractor can read another's layer without depending on its crate.

use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A layer an extractor produces or requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LayerKind {
    Entities,
    Quotes,
    Numbers,
    Stance,
    /// A layer of an extractor from outside the workspace, by name.
    Custom(&'static str),
}

impl LayerKind {
    pub fn name(self) -> &'static str {
        match self {
            LayerKind::Entities => "entities",
            LayerKind::Quotes => "quotes",
            LayerKind::Numbers => "numbers",
            LayerKind::Stance => "stance",
            LayerKind::Custom(name) => name,
        }
    }
}

// ---------------------------------------------------------------- entities

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub enum EntityLabel {
    PER,
    LOC,
    ORG,
    MISC,
}

impl EntityLabel {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::PER => "PER",
            EntityLabel::LOC => "LOC",
            EntityLabel::ORG => "ORG",
            EntityLabel::MISC => "MISC",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "PER" => Some(EntityLabel::PER),
            "LOC" => Some(EntityLabel::LOC),
            "ORG" => Some(EntityLabel::ORG),
            "MISC" => Some(EntityLabel::MISC),
            _ => None,
        }
    }
}

/// One named-entity mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub span: Span,
    pub label: EntityLabel,
    /// The fullest form of this entity in the document (`Belousov` → `Andrei Belousov`).
    pub canonical: String,
    /// Shared by all mentions of one entity within the document.
    pub entity_id: u32,
    pub score: Option<f32>,
}

// ---------------------------------------------------------------- quotes

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Indirect,
    Mixed,
    Fragment,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerType {
    Person,
    Organization,
    Document,
    Anonymous,
}

/// One reported statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The content (for direct quotes, without the marks).
    pub span: Span,
    pub kind: QuoteKind,
    pub speaker: Option<Span>,
    pub speaker_name: Option<String>,
    pub speaker_type: Option<SpeakerType>,
    pub cue: Option<Span>,
    pub reported_by: Option<Span>,
}

// ---------------------------------------------------------------- numbers

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberKind {
    Cardinal,
    Ordinal,
    OrdinalRelative,
    Fraction,
    Decimal,
    Percent,
    Range,
    Currency,
    Dimension,
    Duration,
    Age,
    Temperature,
    Date,
    Time,
    Score,
    Other,
}

impl NumberKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NumberKind::Cardinal => "cardinal",
            NumberKind::Ordinal => "ordinal",
            NumberKind::OrdinalRelative => "ordinal_relative",
            NumberKind::Fraction => "fraction",
            NumberKind::Decimal => "decimal",
            NumberKind::Percent => "percent",
            NumberKind::Range => "range",
            NumberKind::Currency => "currency",
            NumberKind::Dimension => "dimension",
            NumberKind::Duration => "duration",
            NumberKind::Age => "age",
            NumberKind::Temperature => "temperature",
            NumberKind::Date => "date",
            NumberKind::Time => "time",
            NumberKind::Score => "score",
            NumberKind::Other => "other",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Bound {
    Min,
    Max,
    Approx,
}

/// The value of a number mention.
#[derive(Debug, Clone, PartialEq)]
pub enum NumberValue {
    Number(f64),
    /// Relative ordinals (`end-1`, `current+1`) and intervals (`(,700]`).
    Text(String),
    /// Dates, times, scores and the like.
    None,
}

/// One figure cited in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    pub span: Span,
    pub kind: NumberKind,
    pub value: NumberValue,
    /// Unit or counted noun (`EUR`, `km`, `troupes`, `year`).
    pub unit: Option<String>,
    /// ISO 4217 code for currencies.
    pub iso: Option<String>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub min_inclusive: Option<bool>,
    pub max_inclusive: Option<bool>,
    pub bound: Option<Bound>,
    /// The words that set the bound (`jusqu’à`, `more than`).
    pub qualifier: Option<String>,
}

impl NumberMention {
    /// A mention with only span, kind and value set.
    pub fn new(span: Span, kind: NumberKind, value: NumberValue) -> Self {
        NumberMention {
            span,
            kind,
            value,
            unit: None,
            iso: None,
            min: None,
            max: None,
            min_inclusive: None,
            max_inclusive: None,
            bound: None,
            qualifier: None,
        }
    }
}

// ---------------------------------------------------------------- stance

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Favor,
    Against,
    Neutral,
}

/// A named span: its place in the text and the name it refers to.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedSpan {
    pub span: Span,
    /// Resolved name (an entity's canonical form), if known.
    pub name: Option<String>,
}

impl NamedSpan {
    /// The resolved name, or the span's text in `text` when there is none.
    pub fn display_name<'a>(&'a self, text: &'a str) -> &'a str {
        self.name.as_deref().unwrap_or_else(|| self.span.slice(text))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Holder {
    /// The article's own voice.
    Author,
    Mention(NamedSpan),
}

impl Holder {
    /// `(author)`, or the mention's [`NamedSpan::display_name`].
    pub fn display_name<'a>(&'a self, text: &'a str) -> &'a str {
        match self {
            Holder::Author => "(author)",
            Holder::Mention(m) => m.display_name(text),
        }
    }
}

/// One stance: `holder` is for or against `target`.
#[derive(Debug, Clone, PartialEq)]
pub struct Stance {
    pub holder: Holder,
    pub target: NamedSpan,
    pub polarity: Polarity,
    pub score: f32,
    pub cues: Vec<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ToneLabel {
    Alarm,
    Critical,
    Neutral,
    Positive,
}

/// Document-level tone with the cues it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Tone {
    pub label: ToneLabel,
    pub cues: Vec<Span>,
}

// ---------------------------------------------------------------- custom

/// An item of a layer from an extractor outside the workspace.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomItem {
    pub span: Span,
    pub label: String,
    /// Extra attributes, output as they are.
    pub attrs: serde_json::Map<String, serde_json::Value>,
}

// ---------------------------------------------------------------- all layers

/// Every layer computed for one document. A `None` layer was not computed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layers {
    pub entities: Option<Vec<Entity>>,
    pub quotes: Option<Vec<Quote>>,
    pub numbers: Option<Vec<NumberMention>>,
    pub stance: Option<Vec<Stance>>,
    pub tone: Option<Tone>,
    pub custom: BTreeMap<String, Vec<CustomItem>>,
}

impl Layers {
    /// The entities layer, or an empty slice if it was not computed.
    pub fn entities(&self) -> &[Entity] {
        self.entities.as_deref().unwrap_or(&[])
    }
    pub fn quotes(&self) -> &[Quote] {
        self.quotes.as_deref().unwrap_or(&[])
    }
    pub fn numbers(&self) -> &[NumberMention] {
        self.numbers.as_deref().unwrap_or(&[])
    }
}
