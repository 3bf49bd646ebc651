//! The `quotes` extractor: who said what in news text, French and English.
//!
//! Three passes over the document: quotation marks are paired in one linear
//! scan ([`marks`]); reporting cues from a lexicon of verbs and source
//! prepositions ([`lexicon`]) are found in each sentence with their speaker
//! and reported clause ([`attribution`]); every speaker mention is then typed
//! and named from the entities layer, or from the document's own capitalized
//! names when that layer is empty ([`speaker`]).

pub mod attribution;
pub mod lexicon;
pub mod marks;
pub mod speaker;

use attribution::{Analysis, Found};
use depeche_core::{
    Description, Document, Entity, ExtractError, Extractor, Lang, LayerKind, Layers, Quote, SpeakerType,
};

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
            summary: "direct, indirect, mixed quotes and fragments with speaker, cue and source",
        }
    }

    fn extract(&self, doc: &Document, layers: &mut Layers) -> Result<(), ExtractError> {
        let quotes = extract_quotes(doc, layers.entities());
        layers.quotes = Some(quotes);
        Ok(())
    }
}

/// All quotes of a document, sorted by content start.
pub fn extract_quotes(doc: &Document, entities: &[Entity]) -> Vec<Quote> {
    let mut sorted_entities = entities.to_vec();
    sorted_entities.sort_by_key(|e| (e.span.start, e.span.end));
    let dialogue_dashes = doc.lang != Lang::En;
    let marked = marks::find(&doc.text, &doc.paragraphs, dialogue_dashes);
    let found = Analysis::new(doc, &marked).run();
    let names = speaker::NameIndex::new(doc);
    let mut last_person: Option<(usize, String)> = None;
    let mut quotes = Vec::with_capacity(found.len());
    for f in found {
        let quote = to_quote(doc, &sorted_entities, &names, f, last_person.as_ref());
        if quote.speaker_type == Some(SpeakerType::Person) {
            if let Some(name) = &quote.speaker_name {
                last_person = Some((quote.span.end, name.clone()));
            }
        }
        quotes.push(quote);
    }
    quotes
}

/// Most bytes between a quote and the earlier speaker a pronoun refers to.
const PRONOUN_REACH: usize = 1500;

fn to_quote(
    doc: &Document,
    entities: &[Entity],
    names: &speaker::NameIndex,
    f: Found,
    last_person: Option<&(usize, String)>,
) -> Quote {
    let mention = f.speaker.or(f.inherited_speaker);
    let mut resolved = mention.map(|s| speaker::resolve(doc, entities, names, s));
    let pronoun = mention.is_some_and(|s| speaker::is_personal_pronoun(doc.slice(s)));
    let antecedent = f.antecedent.map(|a| speaker::resolve(doc, entities, names, a));
    if let (Some(r), Some(named)) = (resolved.as_mut(), antecedent.filter(|a| a.name.is_some())) {
        r.name = named.name;
        r.kind = named.kind.or(r.kind);
    } else if let (true, Some(r), Some((end, name))) = (pronoun, resolved.as_mut(), last_person) {
        if f.content.start.saturating_sub(*end) < PRONOUN_REACH {
            r.name = Some(name.clone());
            r.kind = Some(SpeakerType::Person);
        }
    }
    Quote {
        span: f.content,
        kind: f.kind,
        speaker: f.speaker,
        speaker_name: resolved.as_ref().and_then(|r| r.name.clone()),
        speaker_type: resolved.and_then(|r| r.kind),
        cue: f.cue,
        reported_by: f.reported_by,
    }
}

#[cfg(test)]
mod tests;
