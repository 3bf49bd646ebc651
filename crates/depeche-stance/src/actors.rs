//! Actors of a document: who can hold or receive a stance.
//!
//! Entity mentions (named by their canonical form), demonym adjectives
//! resolved to their country (`nord-coréens` → `Corée du Nord`), and, when the
//! entities layer is empty, capitalized word sequences as a fallback.

use crate::cues;
use crate::demonyms;
use crate::words;
use depeche_core::{Document, EntityLabel, Lang, Layers, Span, TokenKind};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// What an actor mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    Person,
    Organization,
    Place,
    /// A nationality adjective standing for its country.
    Demonym,
    /// A named thing of unknown kind (fallback detection, MISC).
    Other,
}

/// One actor mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub span: Span,
    pub name: String,
    /// Token range in the document, `first..end`.
    pub first: usize,
    pub end: usize,
    pub kind: ActorKind,
}

/// All actor mentions, sorted by position, without overlaps.
pub fn actors(doc: &Document, layers: &Layers, lowered: &[Cow<str>]) -> Vec<Actor> {
    let named = if layers.entities().is_empty() { capitalized_actors(doc) } else { entity_actors(doc, layers) };
    // A demonym inside a longer name (`Commission européenne`) is part of
    // that name; a name that is just the demonym (`Russes`) is the country.
    let n = doc.tokens.len();
    let mut name_len = vec![0usize; n];
    for a in &named {
        let len = a.end - a.first;
        for slot in &mut name_len[a.first.min(n)..a.end.min(n)] {
            *slot = (*slot).max(len);
        }
    }
    let demonyms: Vec<Actor> =
        demonym_actors(doc, lowered).into_iter().filter(|d| name_len[d.first] <= d.end - d.first).collect();
    let mut is_demonym = vec![false; n];
    for d in &demonyms {
        is_demonym[d.first..d.end].iter_mut().for_each(|x| *x = true);
    }
    let mut out: Vec<Actor> = named
        .into_iter()
        .filter(|a| !is_demonym[a.first.min(n)..a.end.min(n)].iter().any(|&x| x))
        .chain(demonyms)
        .collect();
    out.retain(|a| a.kind == ActorKind::Demonym || words::is_valid_name(&a.name));
    out.sort_by_key(|a| (a.span.start, a.span.end));
    out.dedup_by(|b, a| overlaps(a.span, b.span));
    out
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

fn entity_actors(doc: &Document, layers: &Layers) -> Vec<Actor> {
    layers
        .entities()
        .iter()
        .filter(|e| {
            let (s, t) = (e.span.start, e.span.end);
            s < t && t <= doc.text.len() && doc.text.is_char_boundary(s) && doc.text.is_char_boundary(t)
        })
        .map(|e| {
            let first = doc.token_at_or_after(e.span.start);
            let end = doc.token_at_or_after(e.span.end).max(first + 1);
            let name = if e.canonical.trim().is_empty() { doc.slice(e.span).to_string() } else { e.canonical.clone() };
            let kind = match e.label {
                EntityLabel::PER => ActorKind::Person,
                EntityLabel::ORG => ActorKind::Organization,
                EntityLabel::LOC => ActorKind::Place,
                EntityLabel::MISC => ActorKind::Other,
            };
            Actor { span: e.span, name, first, end, kind }
        })
        .collect()
}

/// Nationality adjectives (and `North Korean` style pairs) as country actors.
fn demonym_actors(doc: &Document, lowered: &[Cow<str>]) -> Vec<Actor> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        let tok = doc.tokens[i];
        if tok.kind != TokenKind::Word {
            i += 1;
            continue;
        }
        let word = &lowered[i];
        if demonyms::starts_two_word(word) && i + 1 < doc.tokens.len() {
            let next = &lowered[i + 1];
            if let Some(country) = demonyms::country(doc.lang, &format!("{word} {next}")) {
                if stands_for_country(doc, lowered, i, i + 2) {
                    out.push(demonym(doc, i, i + 2, country));
                }
                i += 2;
                continue;
            }
        }
        if let Some(country) = demonyms::country(doc.lang, word) {
            if stands_for_country(doc, lowered, i, i + 1) {
                out.push(demonym(doc, i, i + 1, country));
            }
        }
        i += 1;
    }
    out
}

/// A demonym stands for its country when it names people (`les Russes`,
/// `the Russians`) or qualifies a collective noun (`peuple russe`, `responsables
/// militaires nord-coréens`, `US officials`), not any noun (`Palestinian election`).
fn stands_for_country(doc: &Document, lowered: &[Cow<str>], first: usize, end: usize) -> bool {
    // `agression russe`, `Russian aggression`: an evaluative noun's agent.
    let agent_noun =
        |k: usize| lowered.get(k).and_then(|w| cues::cue(doc.lang, w)).is_some_and(|c| c.kind == cues::CueKind::Agent);
    if (first > 0 && agent_noun(first - 1)) || agent_noun(end) {
        return true;
    }
    let surface = doc.token_text(first);
    let capitalized = surface.starts_with(char::is_uppercase);
    match doc.lang {
        Lang::Fr => {
            capitalized && first > 0 && matches!(&*lowered[first - 1], "les" | "des" | "aux" | "un" | "une")
                || (first.saturating_sub(2)..first).any(|k| is_collective_noun(&lowered[k]))
        }
        _ => {
            let plural_noun = lowered[end - 1].ends_with('s') && !lowered[end - 1].ends_with("ss");
            plural_noun || (end..(end + 2).min(lowered.len())).any(|k| is_collective_noun(&lowered[k]))
        }
    }
}

/// Nouns for a country's people, state or forces (French and English, singular and plural).
fn is_collective_noun(w: &str) -> bool {
    let stem = w.strip_suffix('s').unwrap_or(w);
    matches!(
        stem,
        "peuple"
            | "armée"
            | "gouvernement"
            | "troupe"
            | "force"
            | "autorité"
            | "dirigeant"
            | "responsable"
            | "officiel"
            | "président"
            | "régime"
            | "état"
            | "nation"
            | "ministère"
            | "ministre"
            | "diplomate"
            | "soldat"
            | "militaire"
            | "pouvoir"
            | "diplomatie"
            | "chef"
            | "leader"
            | "people"
            | "army"
            | "government"
            | "troop"
            | "authoritie"
            | "official"
            | "president"
            | "regime"
            | "state"
            | "ministry"
            | "minister"
            | "soldier"
            | "military"
            | "leadership"
            | "administration"
            | "navy"
            | "embassy"
            | "ambassade"
            | "ambassadeur"
            | "ambassador"
            | "citoyen"
            | "citizen"
    )
}

fn demonym(doc: &Document, first: usize, end: usize, country: &str) -> Actor {
    Actor {
        span: Span::new(doc.tokens[first].span.start, doc.tokens[end - 1].span.end),
        name: country.to_string(),
        first,
        end,
        kind: ActorKind::Demonym,
    }
}

/// Lowercase words that may join capitalized words inside one name.
fn is_name_connector(w: &str) -> bool {
    matches!(w, "du" | "de" | "des" | "of" | "la" | "del" | "von" | "van" | "bin")
}

fn is_capitalized(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(char::is_uppercase)
        && !s.ends_with('\'')
        && !s.ends_with('’')
        && !matches!(s, "M." | "Mme" | "Mr." | "Mrs." | "Dr." | "Mr" | "Mrs")
}

/// Fallback names: runs of capitalized words; a sentence-initial single word
/// counts only when it is also capitalized somewhere mid-sentence.
fn capitalized_actors(doc: &Document) -> Vec<Actor> {
    let mut runs: Vec<(usize, usize, bool)> = Vec::new(); // first, end, sentence-initial
    for s in &doc.sentences {
        let mut i = s.tokens.start;
        while i < s.tokens.end {
            if !is_cap_word(doc, i) {
                i += 1;
                continue;
            }
            let start = i;
            i += 1;
            loop {
                if i < s.tokens.end && is_cap_word(doc, i) {
                    i += 1;
                } else if i + 1 < s.tokens.end && is_name_connector(doc.token_text(i)) && is_cap_word(doc, i + 1) {
                    i += 2;
                } else {
                    break;
                }
            }
            runs.push((start, i, start == s.tokens.start));
        }
    }
    let mid_words: BTreeSet<&str> =
        runs.iter().filter(|r| !r.2).flat_map(|r| (r.0..r.1).map(|k| doc.token_text(k))).collect();
    let kept: Vec<(usize, usize)> = runs
        .iter()
        .filter(|r| !r.2 || r.1 - r.0 > 1 || mid_words.contains(doc.token_text(r.0)))
        .map(|r| (r.0, r.1))
        .collect();
    let full_names = longest_names(doc, &kept);
    kept.iter()
        .map(|&(first, end)| {
            let span = Span::new(doc.tokens[first].span.start, doc.tokens[end - 1].span.end);
            let surface = doc.slice(span);
            let name = full_names.get(surface).cloned().unwrap_or_else(|| surface.to_string());
            Actor { span, name, first, end, kind: ActorKind::Other }
        })
        .collect()
}

fn is_cap_word(doc: &Document, i: usize) -> bool {
    doc.tokens[i].kind == TokenKind::Word && is_capitalized(doc.token_text(i))
}

/// Maps a short name to the longest name ending with it
/// (`Belousov` → `Andrei Belousov`); indexed by last word, so linear.
fn longest_names(doc: &Document, runs: &[(usize, usize)]) -> BTreeMap<String, String> {
    let surface = |&(a, b): &(usize, usize)| doc.slice(Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end));
    let mut by_last: BTreeMap<&str, &str> = BTreeMap::new();
    for run in runs.iter().filter(|r| r.1 - r.0 > 1) {
        let long = surface(run);
        let entry = by_last.entry(doc.token_text(run.1 - 1)).or_insert(long);
        if long.len() > entry.len() {
            *entry = long;
        }
    }
    let mut map = BTreeMap::new();
    for run in runs {
        let short = surface(run);
        if let Some(&long) = by_last.get(doc.token_text(run.1 - 1)) {
            if long.len() > short.len() && long.ends_with(short) {
                map.insert(short.to_string(), long.to_string());
            }
        }
    }
    map
}
