//! One document through a plan of extractors, with every failure (bad input,
//! extractor error, panic) turned into an error record.

use crate::input::{InputDoc, InputError};
use crate::registry::Registry;
use depeche_core::output::{render, DocumentOut};
use depeche_core::{Document, LayerKind, Layers, Plan, PlanError};
use serde::Serialize;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// The result for one input document: its analysis or an error naming it.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Record {
    Ok(Box<DocumentOut>),
    Error { id: String, error: String },
}

impl Record {
    pub fn is_error(&self) -> bool {
        matches!(self, Record::Error { .. })
    }
    pub fn error(id: impl Into<String>, error: impl Into<String>) -> Record {
        Record::Error { id: id.into(), error: error.into() }
    }
}

/// A registry with a plan: what runs on every document.
pub struct Pipeline {
    registry: Registry,
    plan: Plan,
    /// Layers of the requested extractors, output in this order.
    wanted: Vec<LayerKind>,
    /// Documents larger than this many bytes get an error record.
    pub max_doc_bytes: usize,
    /// Keep each document's text in the [`Outcome`] (the HTML writer needs it).
    pub keep_text: bool,
}

/// A record plus, when asked for, the text it refers to.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub record: Record,
    pub text: Option<String>,
}

/// Default size limit for one document (10 MB).
pub const DEFAULT_MAX_DOC_BYTES: usize = 10_000_000;

impl Pipeline {
    /// Plans the extractors named in `requested` (dependencies are pulled in).
    pub fn new(registry: Registry, requested: &[&str]) -> Result<Pipeline, PlanError> {
        let descriptions = registry.descriptions();
        let plan = Plan::build(&descriptions, requested)?;
        let wanted = plan.requested.iter().flat_map(|&i| descriptions[i].produces.iter().copied()).collect();
        Ok(Pipeline { registry, plan, wanted, max_doc_bytes: DEFAULT_MAX_DOC_BYTES, keep_text: false })
    }

    /// Names of the extractors in run order.
    pub fn order(&self) -> Vec<&'static str> {
        self.plan.order.iter().map(|&i| self.registry.get(i).describe().name).collect()
    }

    /// Analyses one input item (a document or an input error).
    pub fn process(&self, item: Result<InputDoc, InputError>) -> Outcome {
        let input = match item {
            Ok(input) => input,
            Err(e) => return Outcome { record: Record::error(e.id, e.message), text: None },
        };
        let id = input.id.clone();
        match self.analyse(input) {
            Ok((out, doc)) => Outcome { record: Record::Ok(Box::new(out)), text: self.keep_text.then_some(doc.text) },
            Err(message) => Outcome { record: Record::error(id, message), text: None },
        }
    }

    /// Builds the document, runs the plan and renders the requested layers.
    pub fn analyse(&self, input: InputDoc) -> Result<(DocumentOut, Document), String> {
        let size = input.text.as_ref().map_or(0, |t| t.len())
            + input.tokens.as_ref().map_or(0, |t| t.iter().map(|w| w.len() + 1).sum());
        if size > self.max_doc_bytes {
            return Err(format!(
                "document is {size} bytes, over the limit of {} bytes (--max-doc-bytes)",
                self.max_doc_bytes
            ));
        }
        let doc = build_document(input)?;
        if doc.tokens.is_empty() {
            return Err("empty document: no text to analyse".to_string());
        }
        let mut layers = Layers::default();
        for &i in &self.plan.order {
            let extractor = self.registry.get(i);
            let name = extractor.describe().name;
            let result = catch_unwind(AssertUnwindSafe(|| extractor.extract(&doc, &mut layers)));
            match result {
                Ok(Ok(())) => {}
                Ok(Err(e)) => return Err(e.to_string()),
                Err(panic) => return Err(format!("extractor `{name}` panicked: {}", panic_message(&panic))),
            }
        }
        if doc.pretokenized {
            align_to_given_tokens(&doc, &mut layers);
        }
        check_spans(&doc, &layers)?;
        Ok((render(&doc, &layers, &self.wanted), doc))
    }
}

fn build_document(input: InputDoc) -> Result<Document, String> {
    let mut doc = match (input.text, input.tokens) {
        (Some(text), _) => Document::new(input.id, text, input.lang),
        (None, Some(tokens)) => Document::from_tokens(input.id, &tokens, input.lang),
        (None, None) => return Err("record has no `text` (nor `tokens`)".to_string()),
    };
    if !input.targets.is_empty() {
        doc.set_char_targets(&input.targets)?;
    }
    Ok(doc)
}

/// With given tokens, no entity or number may split a token: each span is
/// widened to the tokens it touches (then duplicates are dropped).
fn align_to_given_tokens(doc: &Document, layers: &mut Layers) {
    let widen = |span: depeche_core::Span| {
        let first = doc.token_at_or_after(span.start);
        let last = doc.token_at_or_after(span.end.saturating_sub(1).max(span.start));
        match (doc.tokens.get(first), doc.tokens.get(last)) {
            (Some(a), Some(b)) => depeche_core::Span::new(a.span.start.min(span.start), b.span.end.max(span.end)),
            _ => span,
        }
    };
    if let Some(entities) = &mut layers.entities {
        entities.iter_mut().for_each(|e| e.span = widen(e.span));
        entities.dedup_by(|a, b| a.span.overlaps(b.span));
    }
    if let Some(numbers) = &mut layers.numbers {
        numbers.iter_mut().for_each(|n| n.span = widen(n.span));
        numbers.dedup_by(|a, b| a.span.overlaps(b.span));
    }
}

/// Refuses output whose spans do not lie on char boundaries inside the text
/// (a bug in an extractor must not produce silently wrong offsets).
fn check_spans(doc: &Document, layers: &Layers) -> Result<(), String> {
    let text = &doc.text;
    let ok = |s: depeche_core::Span| {
        s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
    };
    let mut spans: Vec<depeche_core::Span> = Vec::new();
    spans.extend(layers.entities().iter().map(|e| e.span));
    for q in layers.quotes() {
        spans.push(q.span);
        spans.extend(q.speaker.iter().chain(q.cue.iter()).chain(q.reported_by.iter()).copied());
    }
    spans.extend(layers.numbers().iter().map(|n| n.span));
    for s in layers.stance.as_deref().unwrap_or(&[]) {
        spans.push(s.target.span);
        if let depeche_core::Holder::Mention(m) = &s.holder {
            spans.push(m.span);
        }
        spans.extend(s.cues.iter().copied());
    }
    if let Some(t) = &layers.tone {
        spans.extend(t.cues.iter().copied());
    }
    spans.extend(layers.custom.values().flatten().map(|c| c.span));
    match spans.into_iter().find(|&s| !ok(s)) {
        Some(bad) => {
            Err(format!("internal error: span {}..{} is not on char boundaries of the text", bad.start, bad.end))
        }
        None => Ok(()),
    }
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic payload".to_string()
    }
}
