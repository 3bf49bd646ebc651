//! The `entities` extractor: named people, places, organizations and other
//! proper names (PER, LOC, ORG, MISC) in French and English news, each with a
//! canonical name and an in-document entity id.
//!
//! A hashed-feature averaged structured perceptron ([`train`]) tags each
//! sentence (in windows of at most 300 tokens) in BIO with constrained
//! Viterbi decoding ([`model`]); the models are trained by
//! `cargo xtask train entities --lang fr|en` and committed in `models/`.
//! Titles are then stripped from person names (raw text only; pre-tokenized
//! input keeps the annotation convention of its source), and mentions are
//! resolved to entities ([`resolve`]).

pub mod features;
pub mod gazetteer;
pub mod lexicon;
pub mod model;
pub mod resolve;
mod rules;
pub mod train;

use depeche_core::{
    Description, Document, Entity, EntityLabel, ExtractError, Extractor, Lang, LayerKind, Layers, Span,
};
use features::FeatureBuffer;
use gazetteer::GazHit;
use model::{label_of, Model};
use once_cell::sync::Lazy;
use std::ops::Range;

static FR_MODEL: Lazy<Model> =
    Lazy::new(|| Model::from_bytes(include_bytes!("../models/fr.bin")).unwrap_or_else(Model::empty));
static EN_MODEL: Lazy<Model> =
    Lazy::new(|| Model::from_bytes(include_bytes!("../models/en.bin")).unwrap_or_else(Model::empty));

/// The committed model for a language (French for anything but English).
pub fn model_for(lang: Lang) -> &'static Model {
    match lang {
        Lang::En => &EN_MODEL,
        _ => &FR_MODEL,
    }
}

/// The model for a document: its language's, or, when the language is not
/// known (`Other`, e.g. a short sentence), the one whose corpus lexicon
/// knows more of its words.
pub fn model_for_document(doc: &Document) -> &'static Model {
    if doc.lang != Lang::Other {
        return model_for(doc.lang);
    }
    let (fr, en) = (&*FR_MODEL, &*EN_MODEL);
    let mut norm = String::new();
    let mut balance = 0i64;
    for i in 0..doc.tokens.len().min(400) {
        norm.clear();
        features::normalize_into(doc.token_text(i), &mut norm);
        // Frequency bits of the class: frequent words weigh more.
        let weight = |m: &Model| (m.lexicon.class(&norm) >> 3) as i64;
        balance += weight(en) - weight(fr);
    }
    if balance > 0 {
        en
    } else {
        fr
    }
}

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
            summary: "named entities (PER, LOC, ORG, MISC) with canonical names and entity ids",
        }
    }

    fn extract(&self, doc: &Document, layers: &mut Layers) -> Result<(), ExtractError> {
        layers.entities = Some(entities(doc));
        Ok(())
    }
}

/// A tagged mention: token range, label and confidence.
#[derive(Debug, Clone)]
struct Mention {
    tokens: std::ops::Range<usize>,
    label: EntityLabel,
    score: f32,
}

/// All entity mentions of a document, resolved.
pub fn entities(doc: &Document) -> Vec<Entity> {
    entities_with_model(doc, model_for_document(doc))
}

/// All entity mentions of a document with a given model (training and tuning).
pub fn entities_with_model(doc: &Document, model: &Model) -> Vec<Entity> {
    let mut mentions = tag_document(doc, model);
    if !doc.pretokenized {
        mentions.retain_mut(|m| strip_titles(doc, m));
        for m in &mut mentions {
            extend_facility(doc, m);
        }
        rules::split_portfolios(doc, &model.lexicon, &mut mentions);
        rules::split_title_heads(doc, &mut mentions);
        rules::add_ministries(doc, &mut mentions);
    }
    harmonize_labels(doc, &mut mentions);
    if !doc.pretokenized {
        propagate_names(doc, &mut mentions);
    }
    drop_overlaps(&mut mentions);
    let spans: Vec<Span> = mentions
        .iter()
        .map(|m| Span::new(doc.tokens[m.tokens.start].span.start, doc.tokens[m.tokens.end - 1].span.end))
        .collect();
    let raw: Vec<resolve::RawMention> =
        mentions.iter().zip(&spans).map(|(m, &s)| resolve::RawMention { text: doc.slice(s), label: m.label }).collect();
    let (ids, canonicals) = resolve::resolve(&raw, doc.lang);
    mentions
        .iter()
        .zip(spans)
        .zip(ids)
        .map(|((m, span), id)| Entity {
            span,
            label: m.label,
            canonical: canonicals[id as usize].clone(),
            entity_id: id,
            score: Some(m.score),
        })
        .collect()
}

/// Keeps mentions in text order without overlaps (the earlier one wins).
fn drop_overlaps(mentions: &mut Vec<Mention>) {
    mentions.sort_by_key(|m| (m.tokens.start, std::cmp::Reverse(m.tokens.end)));
    let mut last_end = 0;
    mentions.retain(|m| {
        let keep = m.tokens.start >= last_end && !m.tokens.is_empty();
        if keep {
            last_end = m.tokens.end;
        }
        keep
    });
}

/// Runs the model over every sentence and reads the BIO tags into mentions.
fn tag_document(doc: &Document, model: &Model) -> Vec<Mention> {
    let mut buf = FeatureBuffer::default();
    let (mut feats, mut tags, mut margins) = (Vec::new(), Vec::new(), Vec::new());
    let mut out = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    for range in doc.sentences.iter().flat_map(|s| windows(doc, s.tokens.clone())) {
        words.clear();
        words.extend(range.clone().map(|i| doc.token_text(i)));
        buf.sentence_features(&words, &model.lexicon, &mut feats);
        model.decode(&feats, &mut tags, &mut margins);
        let first_new = out.len();
        read_mentions(&tags, &margins, range.start, &mut out);
        add_gazetteer_events(buf.gazetteer_hits(), range.start, first_new, &mut out);
    }
    out
}

/// Longest run of tokens tagged at once. Real sentences are far shorter; a
/// "sentence" of millions of tokens (a text without full stops) is cut into
/// windows so that the tagger's buffers, and so its time per byte, stay
/// bounded.
const MAX_WINDOW: usize = 300;

/// How far back from a full window a cut may move to fall between words that
/// cannot be inside one name.
const CUT_SEARCH: usize = 100;

/// Splits a sentence's token range into windows of at most [`MAX_WINDOW`]
/// tokens, each cut placed before a token that starts no name when there is
/// one near the limit (punctuation or a lowercase word).
fn windows(doc: &Document, sentence: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = sentence.start;
    std::iter::from_fn(move || {
        if start >= sentence.end {
            return None;
        }
        let mut end = sentence.end;
        if end - start > MAX_WINDOW {
            let limit = start + MAX_WINDOW;
            end = (limit - CUT_SEARCH..limit).rev().find(|&t| is_safe_cut(doc.token_text(t))).unwrap_or(limit);
        }
        let window = start..end;
        start = end;
        Some(window)
    })
}

/// A token that lies inside no proper name: a clause punctuation mark, or a
/// lowercase word too long to be a particle (`de`, `la`, `van`, `bin`).
fn is_safe_cut(token: &str) -> bool {
    let mut chars = token.chars();
    match chars.next() {
        Some(c) if ",;:!?()[]«»\"“”".contains(c) => true,
        Some(c) if c.is_lowercase() => token.chars().count() >= 5 && chars.all(char::is_alphabetic),
        _ => false,
    }
}

/// Adds events of the gazetteer (`troisième guerre mondiale`) that the model
/// missed, where they overlap no mention of the sentence (from `first`).
fn add_gazetteer_events(hits: &[GazHit], offset: usize, first: usize, out: &mut Vec<Mention>) {
    let mut i = 0;
    let mut added = false;
    while i < hits.len() {
        if !hits[i].has(gazetteer::MISC_B) {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < hits.len() && hits[i].has(gazetteer::MISC_I) && !hits[i].has(gazetteer::MISC_B) {
            i += 1;
        }
        let tokens = offset + start..offset + i;
        let free = out[first..].iter().all(|m| m.tokens.end <= tokens.start || tokens.end <= m.tokens.start);
        if free {
            out.push(Mention { tokens, label: EntityLabel::MISC, score: 0.6 });
            added = true;
        }
    }
    if added {
        out[first..].sort_by_key(|m| m.tokens.start);
    }
}

/// Mentions from BIO tags of one sentence whose first token is `offset`.
fn read_mentions(tags: &[usize], margins: &[i32], offset: usize, out: &mut Vec<Mention>) {
    let mut i = 0;
    while i < tags.len() {
        let Some((label, _)) = label_of(tags[i]) else {
            i += 1;
            continue;
        };
        let start = i;
        let mut min_margin = margins[i];
        i += 1;
        while i < tags.len() && label_of(tags[i]) == Some((label, true)) {
            min_margin = min_margin.min(margins[i]);
            i += 1;
        }
        out.push(Mention { tokens: offset + start..offset + i, label, score: confidence(min_margin) });
    }
}

/// Maps a score margin (quantized weights) to a confidence in [0.5, 1).
fn confidence(margin: i32) -> f32 {
    let m = margin.max(0) as f32 / 20000.0;
    0.5 + 0.5 * (m / (1.0 + m))
}

/// Removes leading titles (`M.`, `président`) from a person mention; false
/// when nothing is left.
fn strip_titles(doc: &Document, m: &mut Mention) -> bool {
    if m.label != EntityLabel::PER {
        return true;
    }
    let words: Vec<&str> = m.tokens.clone().map(|i| doc.token_text(i)).collect();
    let mut hits = Vec::new();
    gazetteer::hits(&words, &mut hits);
    let lead = hits
        .iter()
        .zip(&words)
        .take_while(|(h, w)| h.has(gazetteer::TITLE) || !w.chars().any(char::is_alphanumeric))
        .count();
    let lead = lead.min(words.len());
    m.tokens.start += lead;
    !m.tokens.is_empty()
}

/// Common nouns of named facilities: `aéroport international de Pyongyang`.
const FACILITY_NOUNS: &[&str] = &[
    "aéroport",
    "gare",
    "port",
    "pont",
    "stade",
    "palais",
    "château",
    "cathédrale",
    "prison",
    "base",
    "centrale",
    "place",
    "avenue",
    "boulevard",
    "rue",
];

/// Extends a name after a facility noun over that noun, as one place
/// (`aéroport international de` + `Pyongyang Sunan`).
fn extend_facility(doc: &Document, m: &mut Mention) {
    if m.tokens.start == 0 {
        return;
    }
    let sentence_start =
        doc.sentence_at(doc.tokens[m.tokens.start].span.start).map_or(0, |s| doc.sentences[s].tokens.start);
    let prep = m.tokens.start - 1;
    if prep < sentence_start
        || !matches!(doc.token_text(prep).to_lowercase().as_str(), "de" | "du" | "d'" | "d’" | "des")
    {
        return;
    }
    for back in 1..=3 {
        let Some(t) = prep.checked_sub(back).filter(|&t| t >= sentence_start) else {
            return;
        };
        let word = doc.token_text(t);
        if FACILITY_NOUNS.contains(&word.to_lowercase().as_str()) {
            m.tokens.start = t;
            m.label = EntityLabel::LOC;
            return;
        }
        // Only adjectives (lower-case words) between the noun and the preposition.
        if !word.chars().all(char::is_lowercase) {
            return;
        }
    }
}

/// One label per name in a document: a mention that repeats the end of a
/// longer person name (`Belousov` after `Andrei Belousov`) is a person, and
/// repeats of one name take its most frequent label.
fn harmonize_labels(doc: &Document, mentions: &mut [Mention]) {
    use std::collections::HashMap;
    let key = |m: &Mention| -> String {
        m.tokens.clone().map(|i| doc.token_text(i).to_lowercase()).collect::<Vec<_>>().join(" ")
    };
    let mut surnames: HashMap<String, ()> = HashMap::new();
    for m in mentions.iter() {
        if m.label == EntityLabel::PER && m.tokens.len() >= 2 {
            for start in m.tokens.start + 1..m.tokens.end {
                if is_known_place_or_org(doc, start..m.tokens.end) {
                    continue;
                }
                let tail = Mention { tokens: start..m.tokens.end, ..m.clone() };
                surnames.insert(key(&tail), ());
            }
        }
    }
    let keys: Vec<String> = mentions.iter().map(key).collect();
    let mut votes: HashMap<&str, [(u32, f32); 4]> = HashMap::new();
    for (m, k) in mentions.iter_mut().zip(&keys) {
        if m.label != EntityLabel::PER && surnames.contains_key(k) {
            m.label = EntityLabel::PER;
        }
        let vote = &mut votes.entry(k).or_default()[label_index(m.label)];
        vote.0 += 1;
        vote.1 += m.score;
    }
    for (m, k) in mentions.iter_mut().zip(&keys) {
        if let Some(v) = votes.get(k.as_str()) {
            let best = (0..4)
                .max_by(|&a, &b| v[a].0.cmp(&v[b].0).then(v[a].1.total_cmp(&v[b].1)).then(b.cmp(&a)))
                .unwrap_or(0);
            if best != label_index(m.label) && v[best].0 >= v[label_index(m.label)].0 {
                m.label = model::LABELS[best];
            }
        }
    }
}

/// Longest name (in tokens) that [`propagate_names`] looks for.
const MAX_PROPAGATED_TOKENS: usize = 4;

/// Tags the untagged repeats of names found elsewhere in the document: a
/// capitalized token run equal to a mention, or to the surname of a person.
fn propagate_names(doc: &Document, mentions: &mut Vec<Mention>) {
    use std::collections::HashMap;
    let lower_key = |r: std::ops::Range<usize>| -> String {
        r.map(|i| doc.token_text(i).to_lowercase()).collect::<Vec<_>>().join(" ")
    };
    let mut names: HashMap<String, EntityLabel> = HashMap::new();
    for m in mentions.iter() {
        if m.tokens.len() <= MAX_PROPAGATED_TOKENS {
            names.entry(lower_key(m.tokens.clone())).or_insert(m.label);
        }
        if m.label == EntityLabel::PER
            && m.tokens.len() >= 2
            && !is_known_place_or_org(doc, m.tokens.end - 1..m.tokens.end)
        {
            let last = m.tokens.end - 1;
            names.entry(lower_key(last..m.tokens.end)).or_insert(EntityLabel::PER);
        }
    }
    if names.is_empty() {
        return;
    }
    let mut covered = vec![false; doc.tokens.len()];
    for m in mentions.iter() {
        covered[m.tokens.clone()].iter_mut().for_each(|c| *c = true);
    }
    let person_ending_at: HashMap<usize, usize> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.label == EntityLabel::PER)
        .map(|(k, m)| (m.tokens.end, k))
        .collect();
    let mut added = Vec::new();
    for s in &doc.sentences {
        let mut i = s.tokens.start;
        while i < s.tokens.end {
            let starts_upper = doc.token_text(i).chars().next().is_some_and(char::is_uppercase);
            if covered[i] || !starts_upper || doc.token_text(i).chars().count() < 2 {
                i += 1;
                continue;
            }
            let longest = (1..=MAX_PROPAGATED_TOKENS).rev().find_map(|n| {
                let end = i + n;
                if end > s.tokens.end || covered[i..end].iter().any(|&c| c) {
                    return None;
                }
                names.get(&lower_key(i..end)).map(|&label| (end, label))
            });
            match longest {
                Some((end, label)) => {
                    // A surname right after a tagged first name extends it.
                    match person_ending_at.get(&i) {
                        Some(&k) if label == EntityLabel::PER => mentions[k].tokens.end = end,
                        _ => added.push(Mention { tokens: i..end, label, score: 0.55 }),
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| m.tokens.start);
    }
}

/// True when the tokens are exactly a place or organization of the gazetteer.
fn is_known_place_or_org(doc: &Document, tokens: std::ops::Range<usize>) -> bool {
    let words: Vec<&str> = tokens.map(|i| doc.token_text(i)).collect();
    let mut hits = Vec::new();
    gazetteer::hits(&words, &mut hits);
    let whole = |b: u8, i: u8| hits.first().is_some_and(|h| h.has(b)) && hits.iter().skip(1).all(|h| h.has(i));
    whole(gazetteer::LOC_B, gazetteer::LOC_I) || whole(gazetteer::ORG_B, gazetteer::ORG_I)
}

fn label_index(l: EntityLabel) -> usize {
    model::LABELS.iter().position(|&x| x == l).unwrap_or(0)
}

#[cfg(test)]
mod tests;
