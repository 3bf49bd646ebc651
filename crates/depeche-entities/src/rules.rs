//! Rules applied to the model's mentions on raw text (not on pre-tokenized
//! input, which keeps the conventions of its corpus): named ministries are
//! organizations, and a title's portfolio glued to a person's name is cut off.

use crate::lexicon::Lexicon;
use crate::{gazetteer, EntityLabel, Mention};
use depeche_core::Document;

/// Nouns that, followed by `de la X` (an optional demonym between), name an institution.
const INSTITUTION_NOUNS: &[&str] = &["ministère", "ministre", "secrétariat", "ministry"];

/// `ministère [russe] de la Défense` → one ORG mention, replacing the
/// mentions it overlaps (`Défense`). `ministre` itself is a title, so only
/// `ministère`/`secrétariat`/`ministry` start an institution.
pub fn add_ministries(doc: &Document, mentions: &mut Vec<Mention>) {
    let mut found = Vec::new();
    for s in &doc.sentences {
        let mut i = s.tokens.start;
        while i < s.tokens.end {
            let w = doc.token_text(i).to_lowercase();
            if INSTITUTION_NOUNS.contains(&w.as_str()) && w != "ministre" {
                if let Some(end) = ministry_end(doc, i + 1, s.tokens.end) {
                    found.push(i..end);
                    i = end;
                    continue;
                }
            }
            i += 1;
        }
    }
    if found.is_empty() {
        return;
    }
    mentions.retain(|m| !found.iter().any(|f| m.tokens.start < f.end && f.start < m.tokens.end));
    mentions.extend(found.into_iter().map(|tokens| Mention { tokens, label: EntityLabel::ORG, score: 0.6 }));
    mentions.sort_by_key(|m| m.tokens.start);
}

/// End of `[demonym] de (la|l’) Capitalized…` from token `i`, if it is there.
fn ministry_end(doc: &Document, mut i: usize, end: usize) -> Option<usize> {
    let word = |i: usize| (i < end).then(|| doc.token_text(i));
    if word(i).is_some_and(|w| gazetteer::GAZETTEER.demonym_country(w).is_some()) {
        i += 1;
    }
    match word(i)?.to_lowercase().as_str() {
        "du" | "des" | "of" => i += 1,
        "de" => {
            i += 1;
            if matches!(word(i)?.to_lowercase().as_str(), "la" | "l'" | "l’") {
                i += 1;
            }
        }
        "d'" | "d’" => i += 1,
        _ => return None,
    }
    let start = i;
    while word(i).is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase)) {
        i += 1;
    }
    (i > start).then_some(i)
}

/// `le ministre de la Défense No Kwang Chol`: a mention right after a title
/// and its preposition whose first word is a common noun (written in lower
/// case at least sometimes, per the corpus lexicon) starts with the title's
/// portfolio; the rest is the person.
pub fn split_portfolios(doc: &Document, lexicon: &Lexicon, mentions: &mut [Mention]) {
    let mut norm = String::new();
    for m in mentions.iter_mut() {
        if m.tokens.len() < 2 || !after_title_preposition(doc, m.tokens.start) {
            continue;
        }
        norm.clear();
        crate::features::normalize_into(doc.token_text(m.tokens.start), &mut norm);
        let case = lexicon.class(&norm) & 7;
        if (2..=5).contains(&case) {
            m.tokens.start += 1;
            m.label = EntityLabel::PER;
        }
    }
}

/// True when token `i` follows `<title> [demonym] de [la|l’]` (or `du`, `des`, `d’`).
fn after_title_preposition(doc: &Document, i: usize) -> bool {
    let lower = |k: usize| doc.token_text(k).to_lowercase();
    let Some(mut k) = i.checked_sub(1) else {
        return false;
    };
    if matches!(lower(k).as_str(), "la" | "l'" | "l’") {
        let Some(prev) = k.checked_sub(1) else {
            return false;
        };
        if lower(prev) != "de" {
            return false;
        }
        k = prev;
    } else if !matches!(lower(k).as_str(), "du" | "des" | "d'" | "d’" | "de") {
        return false;
    }
    let Some(mut t) = k.checked_sub(1) else {
        return false;
    };
    if gazetteer::GAZETTEER.demonym_country(doc.token_text(t)).is_some() {
        let Some(before) = t.checked_sub(1) else {
            return false;
        };
        t = before;
    }
    let mut hits = Vec::new();
    gazetteer::hits(&[doc.token_text(t)], &mut hits);
    hits.first().is_some_and(|h| h.has(gazetteer::TITLE))
}

/// A mention that ends with the full name of a person mentioned elsewhere
/// (`Défense No Kwang Chol`, with `No Kwang Chol` elsewhere) is cut to that
/// person: the head was the portfolio of a title.
pub fn split_title_heads(doc: &Document, mentions: &mut [Mention]) {
    use std::collections::HashSet;
    let key = |r: std::ops::Range<usize>| -> String {
        r.map(|i| doc.token_text(i).to_lowercase()).collect::<Vec<_>>().join(" ")
    };
    let people: HashSet<String> = mentions
        .iter()
        .filter(|m| m.label == EntityLabel::PER && m.tokens.len() >= 2)
        .map(|m| key(m.tokens.clone()))
        .collect();
    if people.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        if m.tokens.len() < 3 {
            continue;
        }
        for start in m.tokens.start + 1..m.tokens.end - 1 {
            if people.contains(&key(start..m.tokens.end)) {
                m.tokens.start = start;
                m.label = EntityLabel::PER;
                break;
            }
        }
    }
}
