//! Speakers: the type of a speaker mention (person, organization, document,
//! anonymous) and the full name it refers to, from the entities layer when it
//! has one and otherwise from the document's own capitalized names.

use crate::lexicon::{is_anonymous_noun, is_document_noun, is_en_pronoun, is_fr_pronoun};
use depeche_core::{Document, Entity, EntityLabel, Span, SpeakerType};
use std::collections::HashMap;

/// What is known of one speaker mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub name: Option<String>,
    pub kind: Option<SpeakerType>,
}

/// Types and names the speaker mention `span`.
pub fn resolve(doc: &Document, entities: &[Entity], names: &NameIndex, span: Span) -> Resolved {
    if let Some(comma) = doc.slice(span).find(',').filter(|&c| c > 0) {
        let head = resolve(doc, entities, names, Span::new(span.start, span.start + comma));
        if head.name.is_some() {
            return head;
        }
    }
    let words = lower_words(doc, span);
    if let Some(e) = best_entity(entities, span) {
        return Resolved { name: Some(e.canonical.clone()), kind: Some(entity_type(e.label, &words)) };
    }
    if words.iter().any(|w| is_document_noun(w)) {
        return Resolved { name: None, kind: Some(SpeakerType::Document) };
    }
    if words.iter().any(|w| is_anonymous_noun(w)) {
        return Resolved { name: None, kind: Some(SpeakerType::Anonymous) };
    }
    if words.iter().any(|w| is_organization_noun(w)) && words.len() <= 6 {
        return Resolved { name: None, kind: Some(SpeakerType::Organization) };
    }
    if let [single] = words.as_slice() {
        if is_fr_pronoun(single) || is_en_pronoun(single) || single == "qui" {
            return resolve_pronoun(doc, entities, names, span, single);
        }
    }
    if let Some(name) = own_name(doc, names, span).filter(|_| words.len() <= 4) {
        return Resolved { name: Some(name), kind: Some(SpeakerType::Person) };
    }
    if starts_with_title(&words) {
        let name = previous_person(doc, entities, names, span.start);
        return Resolved { name, kind: Some(SpeakerType::Person) };
    }
    Resolved { name: None, kind: None }
}

fn lower_words(doc: &Document, span: Span) -> Vec<String> {
    doc.slice(span)
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The entity inside or overlapping the span: persons first, then the longest.
fn best_entity(entities: &[Entity], span: Span) -> Option<&Entity> {
    let first = entities.partition_point(|e| e.span.end <= span.start);
    entities[first.min(entities.len())..]
        .iter()
        .take_while(|e| e.span.start < span.end)
        .filter(|e| e.span.overlaps(span))
        .max_by_key(|e| (e.label == EntityLabel::PER, e.span.len(), std::cmp::Reverse(e.span.start)))
}

fn entity_type(label: EntityLabel, words: &[String]) -> SpeakerType {
    match label {
        EntityLabel::PER => SpeakerType::Person,
        _ if words.iter().any(|w| is_document_noun(w)) => SpeakerType::Document,
        _ => SpeakerType::Organization,
    }
}

/// `il`, `elle`, `he`, `she` name the last person mentioned before them;
/// `ils`, `they` the last organization.
fn resolve_pronoun(doc: &Document, entities: &[Entity], names: &NameIndex, span: Span, word: &str) -> Resolved {
    match word {
        "il" | "elle" | "he" | "she" | "i" => {
            Resolved { name: previous_person(doc, entities, names, span.start), kind: Some(SpeakerType::Person) }
        }
        "ils" | "elles" | "they" | "we" => {
            let org = last_entity_before(entities, span.start, EntityLabel::ORG);
            Resolved { name: org.map(|e| e.canonical.clone()), kind: org.map(|_| SpeakerType::Organization) }
        }
        "who" | "qui" => antecedent_of_relative(doc, entities, names, span),
        _ => Resolved { name: None, kind: None },
    }
}

/// `Jane Roe, who`: the name right before the relative pronoun.
fn antecedent_of_relative(doc: &Document, entities: &[Entity], names: &NameIndex, span: Span) -> Resolved {
    let head = doc.text[..span.start].trim_end().trim_end_matches(',').trim_end();
    let head_end = head.len();
    if let Some(e) = entities.iter().rev().find(|e| e.span.end <= head_end && e.span.end + 2 >= head_end) {
        return Resolved { name: Some(e.canonical.clone()), kind: Some(entity_type(e.label, &[])) };
    }
    let end = doc.token_at_or_after(head_end);
    let mut start = end;
    while start > 0 && end - start < 4 && is_name_word(doc.token_text(start - 1)) {
        start -= 1;
    }
    if start == end {
        return Resolved { name: None, kind: None };
    }
    let run = doc.tokens[start].span.cover(doc.tokens[end - 1].span);
    Resolved { name: own_name(doc, names, run), kind: Some(SpeakerType::Person) }
}

fn last_entity_before(entities: &[Entity], at: usize, label: EntityLabel) -> Option<&Entity> {
    let end = entities.partition_point(|e| e.span.start < at);
    entities[..end].iter().rev().take(40).find(|e| e.label == label && e.span.end <= at)
}

/// The last person named before byte `at` (entities first, then own names).
pub fn previous_person(doc: &Document, entities: &[Entity], names: &NameIndex, at: usize) -> Option<String> {
    if let Some(e) = last_entity_before(entities, at, EntityLabel::PER) {
        return Some(e.canonical.clone());
    }
    if !entities.is_empty() {
        return None;
    }
    last_own_name_before(doc, names, at)
}

fn starts_with_title(words: &[String]) -> bool {
    let head =
        words.iter().find(|w| !matches!(w.as_str(), "le" | "la" | "l'" | "l’" | "the" | "a" | "an" | "un" | "une"));
    head.is_some_and(|w| is_title(w))
}

/// `il`, `elle`, `he`, `she`: a pronoun naming one person.
pub fn is_personal_pronoun(w: &str) -> bool {
    matches!(w.to_lowercase().as_str(), "il" | "elle" | "he" | "she")
}

/// Head nouns of organizations.
fn is_organization_noun(w: &str) -> bool {
    matches!(
        w,
        "ong"
            | "association"
            | "organisation"
            | "gouvernement"
            | "ministère"
            | "entreprise"
            | "groupe"
            | "parti"
            | "syndicat"
            | "police"
            | "parquet"
            | "mairie"
            | "préfecture"
            | "agence"
            | "government"
            | "ministry"
            | "company"
            | "agency"
            | "group"
            | "party"
            | "committee"
            | "campaign"
            | "administration"
            | "department"
            | "union"
            | "firm"
            | "ngo"
            | "organization"
            | "council"
            | "conseil"
            | "commission"
    )
}

/// Job titles that name a person.
pub fn is_title(w: &str) -> bool {
    matches!(
        w,
        "ministre"
            | "président"
            | "présidente"
            | "porte-parole"
            | "premier"
            | "première"
            | "vice-président"
            | "vice-présidente"
            | "chef"
            | "directeur"
            | "directrice"
            | "secrétaire"
            | "maire"
            | "député"
            | "députée"
            | "sénateur"
            | "sénatrice"
            | "ambassadeur"
            | "général"
            | "dirigeant"
            | "responsable"
            | "patron"
            | "avocat"
            | "avocate"
            | "procureur"
            | "juge"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "president"
            | "minister"
            | "secretary"
            | "senator"
            | "governor"
            | "mayor"
            | "candidate"
            | "nominee"
            | "director"
            | "chairman"
            | "official"
            | "rep."
            | "sen."
            | "gov."
            | "campaign"
            | "leader"
            | "chief"
    )
}

/// A capitalized name inside the span (two or more capitalized words, or one
/// capitalized word that is not sentence-initial), expanded to the fullest
/// earlier form ending with the same word.
fn own_name(doc: &Document, names: &NameIndex, span: Span) -> Option<String> {
    let run = capitalized_run(doc, span)?;
    let text = run.slice(&doc.text);
    let last = text.rsplit(' ').next()?;
    let fuller = names.fullest(last).filter(|f| f.len() > text.len()).map(str::to_string);
    Some(fuller.unwrap_or_else(|| text.to_string()))
}

/// A word that continues a person's name: a name word, or `Le`/`La`/`De`
/// between two of them (`Marine Le Pen`), not an all-capitals acronym.
fn continues_name(doc: &Document, i: usize, end: usize) -> bool {
    let w = doc.token_text(i);
    if is_acronym(w) {
        return false;
    }
    is_name_word(w)
        || matches!(w, "Le" | "La" | "De" | "Van" | "Von" | "Del") && i + 1 < end && is_name_word(doc.token_text(i + 1))
}

fn is_acronym(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// The longest run of capitalized word tokens inside the span.
fn capitalized_run(doc: &Document, span: Span) -> Option<Span> {
    let first = doc.token_at_or_after(span.start);
    let mut best: Option<Span> = None;
    let mut current: Option<Span> = None;
    let end = doc.tokens[first..].partition_point(|t| t.span.end <= span.end) + first;
    for (i, t) in doc.tokens.iter().enumerate().take(end).skip(first) {
        if continues_name(doc, i, end) && (current.is_some() || is_name_word(doc.token_text(i))) {
            current = Some(current.map_or(t.span, |c| c.cover(t.span)));
        } else {
            current = None;
        }
        if let Some(c) = current {
            if best.is_none_or(|b| c.len() > b.len()) {
                best = Some(c);
            }
        }
    }
    best
}

/// A capitalized word that is not a function word or a title.
pub fn is_name_word(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    first.is_uppercase()
        && w.chars().count() > 1
        && !is_title(&w.to_lowercase())
        && !matches!(
            w,
            "Le" | "La"
                | "Les"
                | "L'"
                | "L’"
                | "Un"
                | "Une"
                | "Des"
                | "The"
                | "A"
                | "An"
                | "He"
                | "She"
                | "They"
                | "Il"
                | "Elle"
                | "Ils"
                | "Selon"
                | "According"
                | "But"
                | "Mais"
                | "Et"
                | "And"
                | "In"
                | "En"
                | "Dans"
                | "Ce"
                | "Cette"
                | "This"
                | "That"
                | "It"
                | "We"
                | "I"
                | "Mr."
                | "Mrs."
                | "Ms."
                | "M."
                | "Mme"
                | "Dr."
        )
        && !is_capitalized_function_word(w)
}

/// Prepositions and adverbs that are capitalized only at a sentence start.
fn is_capitalized_function_word(w: &str) -> bool {
    matches!(
        w,
        "Pour"
            | "Par"
            | "Sur"
            | "Avec"
            | "Après"
            | "Avant"
            | "Pendant"
            | "Chez"
            | "Pourtant"
            | "Ainsi"
            | "Quand"
            | "Lorsque"
            | "Alors"
            | "Depuis"
            | "Si"
            | "For"
            | "After"
            | "When"
            | "With"
            | "From"
            | "On"
            | "At"
            | "As"
            | "If"
            | "So"
            | "Yet"
            | "Still"
            | "While"
            | "Since"
            | "Then"
            | "There"
            | "Here"
            | "What"
            | "Why"
            | "How"
            | "Who"
            | "Now"
            | "Asked"
            | "Speaking"
    )
}

/// The fullest capitalized name (up to four words) ending with each word in
/// the document: `Belousov` -> `Andrei Belousov`. Built in one pass.
#[derive(Debug, Default)]
pub struct NameIndex {
    by_last_word: HashMap<String, String>,
}

impl NameIndex {
    pub fn new(doc: &Document) -> Self {
        let mut by_last_word: HashMap<String, String> = HashMap::new();
        for i in 1..doc.tokens.len() {
            let last = doc.token_text(i);
            if !is_name_word(last) || is_acronym(last) {
                continue;
            }
            let mut start = i;
            while start > 0 && i - start < 3 && continues_name(doc, start - 1, i + 1) {
                start -= 1;
            }
            while start < i && !is_name_word(doc.token_text(start)) {
                start += 1;
            }
            if start == i {
                continue;
            }
            let full = doc.tokens[start].span.cover(doc.tokens[i].span).slice(&doc.text);
            let entry = by_last_word.entry(last.to_string()).or_default();
            if full.len() > entry.len() {
                *entry = full.to_string();
            }
        }
        NameIndex { by_last_word }
    }

    /// The fullest name ending with `last`, if one has more than one word.
    pub fn fullest(&self, last: &str) -> Option<&str> {
        self.by_last_word.get(last).map(String::as_str)
    }
}

/// The last person-like name before `at`, within a window: a run of name
/// words (not an acronym, not at a sentence start), expanded to its fullest
/// earlier form.
fn last_own_name_before(doc: &Document, names: &NameIndex, at: usize) -> Option<String> {
    let end = doc.token_at_or_after(at).min(doc.tokens.len());
    let window = end.saturating_sub(200);
    let mut i = end;
    while i > window {
        i -= 1;
        let w = doc.token_text(i);
        if !is_name_word(w) || is_acronym(w) || is_sentence_start(doc, i) {
            continue;
        }
        let mut start = i;
        while start > window && continues_name(doc, start - 1, i + 1) && !is_sentence_start(doc, start - 1) {
            start -= 1;
        }
        while start < i && !is_name_word(doc.token_text(start)) {
            start += 1;
        }
        if start < i {
            let run = doc.tokens[start].span.cover(doc.tokens[i].span);
            return own_name(doc, names, run);
        }
    }
    None
}

fn is_sentence_start(doc: &Document, token: usize) -> bool {
    doc.sentence_at(doc.tokens[token].span.start).is_some_and(|s| doc.sentences[s].tokens.start == token)
}
