//! The output edge: layers rendered as serializable records whose spans are
//! Unicode-scalar offsets `{start, end, text}` into the original text.

use crate::document::Document;
use crate::layers::*;
use crate::span::Span;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// A span as output: char offsets and the text they slice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpanOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct EntityOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub label: EntityLabel,
    pub canonical: String,
    pub entity_id: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuoteOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: QuoteKind,
    pub speaker: Option<SpanOut>,
    pub speaker_name: Option<String>,
    pub speaker_type: Option<SpeakerType>,
    pub cue: Option<SpanOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reported_by: Option<SpanOut>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NumberOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: NumberKind,
    pub value: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iso: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_inclusive: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_inclusive: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bound: Option<Bound>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
}

/// A span with the name it refers to (stance holders and targets).
#[derive(Debug, Clone, Serialize)]
pub struct NamedOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl NamedOut {
    /// The resolved name, or the span's text when there is none.
    pub fn display_name(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.text)
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum HolderOut {
    /// Always `"(author)"`.
    Author(&'static str),
    Mention(NamedOut),
}

impl HolderOut {
    /// `(author)`, or the mention's [`NamedOut::display_name`].
    pub fn display_name(&self) -> &str {
        match self {
            HolderOut::Author(author) => author,
            HolderOut::Mention(m) => m.display_name(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct StanceOut {
    pub holder: HolderOut,
    pub target: NamedOut,
    pub polarity: Polarity,
    pub score: f64,
    pub cues: Vec<SpanOut>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ToneOut {
    pub label: ToneLabel,
    pub cues: Vec<SpanOut>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CustomOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub label: String,
    #[serde(flatten)]
    pub attrs: serde_json::Map<String, Value>,
}

/// One output record: a key per requested layer.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentOut {
    pub id: String,
    pub lang: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entities: Option<Vec<EntityOut>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quotes: Option<Vec<QuoteOut>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub numbers: Option<Vec<NumberOut>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stance: Option<Vec<StanceOut>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tone: Option<ToneOut>,
    #[serde(flatten)]
    pub custom: BTreeMap<String, Vec<CustomOut>>,
}

/// A JSON number for `x`: an integer when `x` is whole, `null` when not finite.
pub fn json_number(x: f64) -> Value {
    if !x.is_finite() {
        Value::Null
    } else if x.fract() == 0.0 && x.abs() < 9.007_199_254_740_992e15 {
        Value::from(x as i64)
    } else {
        serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
    }
}

/// A score rounded to 4 decimals so that output is stable and short.
fn score(x: f32) -> f64 {
    ((x as f64) * 1e4).round() / 1e4
}

/// Renders the layers of `doc` listed in `wanted` (tone goes with stance).
pub fn render(doc: &Document, layers: &Layers, wanted: &[LayerKind]) -> DocumentOut {
    let r = Renderer { doc };
    let has = |k: LayerKind| wanted.contains(&k);
    let mut custom = BTreeMap::new();
    for kind in wanted {
        if let LayerKind::Custom(name) = kind {
            let items = layers.custom.get(*name).map(|v| v.as_slice()).unwrap_or(&[]);
            custom.insert(name.to_string(), items.iter().map(|c| r.custom(c)).collect());
        }
    }
    DocumentOut {
        id: doc.id.clone(),
        lang: doc.lang.as_str(),
        entities: has(LayerKind::Entities).then(|| layers.entities().iter().map(|e| r.entity(e)).collect()),
        quotes: has(LayerKind::Quotes).then(|| layers.quotes().iter().map(|q| r.quote(q)).collect()),
        numbers: has(LayerKind::Numbers).then(|| layers.numbers().iter().map(|n| r.number(n)).collect()),
        stance: has(LayerKind::Stance)
            .then(|| layers.stance.as_deref().unwrap_or(&[]).iter().map(|s| r.stance(s)).collect()),
        tone: if has(LayerKind::Stance) { layers.tone.as_ref().map(|t| r.tone(t)) } else { None },
        custom,
    }
}

struct Renderer<'d> {
    doc: &'d Document,
}

impl Renderer<'_> {
    fn span(&self, span: Span) -> SpanOut {
        let map = self.doc.char_map();
        SpanOut { start: map.to_char(span.start), end: map.to_char(span.end), text: self.doc.slice(span).to_string() }
    }

    fn named(&self, named: &NamedSpan) -> NamedOut {
        let SpanOut { start, end, text } = self.span(named.span);
        NamedOut { start, end, text, name: named.name.clone() }
    }

    fn entity(&self, e: &Entity) -> EntityOut {
        let SpanOut { start, end, text } = self.span(e.span);
        EntityOut {
            start,
            end,
            text,
            label: e.label,
            canonical: e.canonical.clone(),
            entity_id: e.entity_id,
            score: e.score.map(score),
        }
    }

    fn quote(&self, q: &Quote) -> QuoteOut {
        let SpanOut { start, end, text } = self.span(q.span);
        QuoteOut {
            start,
            end,
            text,
            kind: q.kind,
            speaker: q.speaker.map(|s| self.span(s)),
            speaker_name: q.speaker_name.clone(),
            speaker_type: q.speaker_type,
            cue: q.cue.map(|s| self.span(s)),
            reported_by: q.reported_by.map(|s| self.span(s)),
        }
    }

    fn number(&self, n: &NumberMention) -> NumberOut {
        let SpanOut { start, end, text } = self.span(n.span);
        let value = match &n.value {
            NumberValue::Number(x) => json_number(*x),
            NumberValue::Text(s) => Value::String(s.clone()),
            NumberValue::None => Value::Null,
        };
        NumberOut {
            start,
            end,
            text,
            kind: n.kind,
            value,
            unit: n.unit.clone(),
            iso: n.iso.clone(),
            min: n.min.map(json_number),
            max: n.max.map(json_number),
            min_inclusive: n.min_inclusive,
            max_inclusive: n.max_inclusive,
            bound: n.bound,
            qualifier: n.qualifier.clone(),
        }
    }

    fn stance(&self, s: &Stance) -> StanceOut {
        StanceOut {
            holder: match &s.holder {
                Holder::Author => HolderOut::Author("(author)"),
                Holder::Mention(m) => HolderOut::Mention(self.named(m)),
            },
            target: self.named(&s.target),
            polarity: s.polarity,
            score: score(s.score),
            cues: s.cues.iter().map(|&c| self.span(c)).collect(),
        }
    }

    fn tone(&self, t: &Tone) -> ToneOut {
        ToneOut { label: t.label, cues: t.cues.iter().map(|&c| self.span(c)).collect() }
    }

    fn custom(&self, c: &CustomItem) -> CustomOut {
        let SpanOut { start, end, text } = self.span(c.span);
        CustomOut { start, end, text, label: c.label.clone(), attrs: c.attrs.clone() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn spans_are_rendered_in_chars_and_numbers_as_integers() {
        let doc = Document::new("d", "Élu à « Paris » : 800 000 €", Some(Lang::Fr));
        let at = doc.text.find("Paris").unwrap();
        let mut layers = Layers::default();
        let n = doc.text.find("800").unwrap();
        layers.numbers = Some(vec![NumberMention::new(
            Span::new(n, n + "800 000".len()),
            NumberKind::Cardinal,
            NumberValue::Number(800000.0),
        )]);
        layers.entities = Some(vec![Entity {
            span: Span::new(at, at + 5),
            label: EntityLabel::LOC,
            canonical: "Paris".into(),
            entity_id: 0,
            score: Some(0.912_345),
        }]);
        let out = render(&doc, &layers, &[LayerKind::Entities, LayerKind::Numbers]);
        let json = serde_json::to_string(&out).unwrap();
        assert_eq!(
            json,
            r#"{"id":"d","lang":"fr","entities":[{"start":8,"end":13,"text":"Paris","label":"LOC","canonical":"Paris","entity_id":0,"score":0.9123}],"numbers":[{"start":18,"end":25,"text":"800 000","kind":"cardinal","value":800000}]}"#
        );
    }
}
