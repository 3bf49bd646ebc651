//! Open mode: stance records linking holders to targets.
//!
//! Rules, per sentence:
//! 1. a quote's speaker holds the stance the quote expresses toward each actor
//!    it names (polarity from the model, quote membership set);
//! 2. an object cue (`soutien à X`, `accuse X`, `contre X`) puts the clause's
//!    subject (or, after a possessive, the nearest actor) for or against the
//!    actor that follows;
//! 3. an agent cue (`l’agression de X`) puts the sentence's voice (author, or
//!    the speaker of the quote it sits in) against or for its agent.
//!
//! Records are merged per (holder, target, polarity), and output sorted.

use crate::actors::{actors, Actor, ActorKind};
use crate::cues::{self, CueKind};
use crate::features::{lower_folded, DocWords};
use crate::target;
use crate::words;
use depeche_core::{
    Document, Holder, Layers, NamedSpan, Polarity, Quote, QuoteKind, Sentence, Span, Stance, TokenKind,
};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Tokens after an object cue searched for its target.
const OBJECT_WINDOW: usize = 10;
/// Tokens between a `contre`/`against` cue and its holder, at most.
const PREPOSITION_REACH: usize = 6;
/// Minimal model probability for a stance inside a quote.
const QUOTE_MIN_SCORE: f32 = 0.6;
/// A quote stance needs one of its cue words within this many tokens of the target.
const QUOTE_CUE_REACH: usize = 4;
/// Mentions (outside quotes) an actor needs before the author rule judges it.
const AUTHOR_MIN_MENTIONS: usize = 3;
/// Mean favor − against probability the author rule needs.
const AUTHOR_MIN_LEAN: f32 = 0.4;
/// At most this many records from the author rule per document (clearest first).
const AUTHOR_MAX_RECORDS: usize = 2;

/// A quote reduced to what the rules need.
#[derive(Debug, Clone)]
struct Speech {
    span: Span,
    speaker: Option<Actor>,
    /// Direct (or mixed) quotation: the speaker's own words.
    direct: bool,
}

/// Stance records found in the text.
pub fn find(doc: &Document, layers: &Layers, words: &DocWords) -> Vec<Stance> {
    let lowered = &words.lowered[..];
    let actors = actors(doc, layers, lowered);
    let mut speeches = speeches(doc, layers, &actors);
    speeches.sort_by_key(|sp| (sp.span.start, sp.span.end));
    let mut found = Vec::new();
    quote_rule(doc, &actors, &speeches, words, &mut found);
    author_rule(doc, &actors, &speeches, words, &mut found);
    for s in &doc.sentences {
        cue_rules(doc, s, lowered, &actors, &speeches, &mut found);
    }
    merge(found)
}

// ------------------------------------------------------------------ quotes

/// Quotes from the quotes layer, or (if it is empty) from quotation marks
/// with the nearest preceding actor of the sentence as speaker.
fn speeches(doc: &Document, layers: &Layers, actors: &[Actor]) -> Vec<Speech> {
    if !layers.quotes().is_empty() {
        return layers
            .quotes()
            .iter()
            .map(|q| Speech {
                span: q.span,
                speaker: speaker_actor(doc, q, actors),
                direct: matches!(q.kind, QuoteKind::Direct | QuoteKind::Mixed),
            })
            .collect();
    }
    let mut out = Vec::new();
    for s in &doc.sentences {
        let mut open: Option<usize> = None;
        for i in s.tokens.clone() {
            let t = doc.token_text(i);
            if doc.tokens[i].kind != TokenKind::Quote {
                continue;
            }
            match (open, t) {
                (None, "«" | "“" | "\"") => open = Some(i),
                (Some(o), "»" | "”" | "\"") if i > o + 1 => {
                    let span = Span::new(doc.tokens[o + 1].span.start, doc.tokens[i - 1].span.end);
                    let speaker =
                        actors_in(actors, s.tokens.start..o).filter(|a| a.kind != ActorKind::Demonym).last().cloned();
                    out.push(Speech { span, speaker, direct: true });
                    open = None;
                }
                _ => {}
            }
        }
    }
    out
}

/// The actor that is a quote's speaker (or a bare mention named after it).
fn speaker_actor(doc: &Document, q: &Quote, actors: &[Actor]) -> Option<Actor> {
    let span = q.speaker?;
    if span.start > span.end
        || span.end > doc.text.len()
        || !doc.text.is_char_boundary(span.start)
        || !doc.text.is_char_boundary(span.end)
    {
        return None;
    }
    // A person inside the speaker phrase (`US Attorney Roslynn Mauskopf`)
    // is the speaker; otherwise its last named actor.
    let start = actors.partition_point(|a| a.span.end <= span.start);
    let overlapping: Vec<&Actor> = actors[start..].iter().take_while(|a| a.span.start < span.end).collect();
    let person = overlapping.iter().find(|a| a.kind == ActorKind::Person);
    if let Some(a) = person.or(overlapping.last()) {
        return Some((*a).clone());
    }
    let name = q.speaker_name.clone().unwrap_or_else(|| doc.slice(span).to_string());
    if !words::is_valid_name(&name) {
        return None;
    }
    let first = doc.token_at_or_after(span.start);
    let end = doc.token_at_or_after(span.end).max(first + 1);
    Some(Actor { span, name, first, end, kind: ActorKind::Other })
}

/// Rule 1: the speaker toward each actor named in the quote.
fn quote_rule(doc: &Document, actors: &[Actor], speeches: &[Speech], words: &DocWords, out: &mut Vec<Stance>) {
    for sp in speeches {
        let Some(speaker) = sp.speaker.as_ref().filter(|_| sp.direct) else {
            continue;
        };
        let start = actors.partition_point(|a| a.span.start < sp.span.start);
        let within =
            actors[start..].iter().take_while(|a| a.span.start < sp.span.end).filter(|a| inside(a.span, sp.span));
        // A speaker mention inside the quote span (`…, dénonce X, président de Y`)
        // means the span runs over the attribution: stop at the speaker.
        let stop = if inside(speaker.span, sp.span) { speaker.span.start } else { sp.span.end };
        for a in within.filter(|a| a.span.end <= stop) {
            if same_name(&a.name, &speaker.name) {
                continue;
            }
            let j = target::judge_cached(doc, a.span, true, words);
            let near = j.cues.iter().any(|c| {
                let t = doc.token_at_or_after(c.start);
                t + QUOTE_CUE_REACH >= a.first && t < a.end + QUOTE_CUE_REACH
            });
            if j.polarity != Polarity::Neutral && j.score >= QUOTE_MIN_SCORE && near {
                out.push(record(Some(speaker), a, j.polarity, j.score, j.cues));
            }
        }
    }
}

/// Rule 4: the author toward an actor named at least `AUTHOR_MIN_MENTIONS`
/// times outside quotes, when the model's mean lean over those mentions is
/// clear (mean favor − against probability beyond `AUTHOR_MIN_LEAN`).
fn author_rule(doc: &Document, actors: &[Actor], speeches: &[Speech], words: &DocWords, out: &mut Vec<Stance>) {
    let outside: Vec<(usize, &Actor)> =
        actors.iter().enumerate().filter(|(_, a)| speech_around(speeches, a.span).is_none()).collect();
    let mut mentions: BTreeMap<String, usize> = BTreeMap::new();
    for (_, a) in &outside {
        *mentions.entry(fold_name(&a.name)).or_default() += 1;
    }
    let mut by_name: BTreeMap<String, (usize, f32, Vec<Span>, usize)> = BTreeMap::new();
    for (k, a) in outside {
        let name = fold_name(&a.name);
        if mentions[&name] < AUTHOR_MIN_MENTIONS {
            continue;
        }
        let j = target::judge_cached(doc, a.span, false, words);
        let entry = by_name.entry(name).or_insert((0, 0.0, Vec::new(), k));
        entry.0 += 1;
        entry.1 += j.probs[0] - j.probs[1];
        entry.2.extend(j.cues);
    }
    let mut clear: Vec<(f32, Vec<Span>, usize)> = by_name
        .into_values()
        .map(|(count, lean, cues, k)| (lean / count as f32, cues, k, count))
        .filter(|(mean, _, _, count)| *count >= AUTHOR_MIN_MENTIONS && mean.abs() >= AUTHOR_MIN_LEAN)
        .map(|(mean, cues, k, _)| (mean, cues, k))
        .collect();
    clear.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()).then(a.2.cmp(&b.2)));
    for (mean, cues, k) in clear.into_iter().take(AUTHOR_MAX_RECORDS) {
        {
            let polarity = if mean > 0.0 { Polarity::Favor } else { Polarity::Against };
            let mut cues = cues;
            cues.sort_by_key(|c| (c.start, c.end));
            cues.dedup();
            cues.truncate(5);
            out.push(record(None, &actors[k], polarity, mean.abs(), cues));
        }
    }
}

// ------------------------------------------------------------------ cues

/// Rules 2 and 3 on one sentence.
fn cue_rules(
    doc: &Document,
    s: &Sentence,
    lowered: &[Cow<str>],
    actors: &[Actor],
    speeches: &[Speech],
    out: &mut Vec<Stance>,
) {
    let words = &lowered[s.tokens.clone()];
    let in_sentence: Vec<&Actor> = actors_in(actors, s.tokens.clone()).collect();
    for (k, w) in words.iter().enumerate() {
        let i = s.tokens.start + k;
        let Some(cue) = cues::cue(doc.lang, w) else {
            continue;
        };
        if in_sentence.iter().any(|a| a.first <= i && i < a.end) {
            continue; // a cue word inside a name (`Parti de la Défense`)
        }
        let polarity = if negated(words, k) { flip(cue.polarity) } else { cue.polarity };
        let cue_span = doc.tokens[i].span;
        let speech = speech_around(speeches, cue_span);
        match cue.kind {
            CueKind::Object => {
                let Some(target) = object_target(words, k, i, s, &in_sentence) else {
                    continue;
                };
                let cue_span = Span::new(cue_span.start, target.span.end.max(cue_span.end));
                if apposed_supporter(words, k) {
                    // `Cécile Duflot, soutien de Benoît Hamon`: the name before the comma holds.
                    let holder = in_sentence.iter().rev().find(|a| a.end + 1 == i).copied();
                    if let Some(h) = holder.filter(|h| !same_name(&h.name, &target.name)) {
                        out.push(record(Some(h), target, polarity, 0.8, vec![cue_span]));
                    }
                    continue;
                }
                if inverted(words, k) {
                    // `X a reçu le soutien de Y`: Y holds, X is the target.
                    let giver = in_sentence[..]
                        .iter()
                        .filter(|a| a.first > i && a.first <= i + OBJECT_WINDOW)
                        .find(|a| a.kind == ActorKind::Person)
                        .copied()
                        .unwrap_or(target);
                    if let Some(receiver) = subject(&in_sentence, lowered, i, giver, speech) {
                        out.push(record(Some(giver), receiver, polarity, 0.7, vec![cue_span]));
                    }
                    continue;
                }
                let holder = if possessed(words, k) {
                    in_sentence
                        .iter()
                        .rev()
                        .filter(|a| a.end <= i && !same_name(&a.name, &target.name))
                        .find(|a| !in_apposition(words, s.tokens.start, a, i))
                        .copied()
                } else {
                    subject(&in_sentence, lowered, i, target, speech)
                };
                let preposition = matches!(&*words[k], "contre" | "against");
                // `X vote contre Y`: a preposition cue needs its holder close by.
                let holder = holder.filter(|h| !preposition || h.end + PREPOSITION_REACH >= i);
                let holder = holder.or_else(|| speech.filter(|_| !preposition).and_then(|sp| sp.speaker.as_ref()));
                if let Some(h) = holder {
                    out.push(record(Some(h), target, polarity, 0.8, vec![cue_span]));
                }
            }
            CueKind::Feeling => {
                // `X a suscité des inquiétudes parmi Y`: Y against X.
                let marker = words
                    .get(k + 1..(k + 4).min(words.len()))
                    .into_iter()
                    .flatten()
                    .position(|w| cues::is_experiencer_marker(w));
                let Some(m) = marker else { continue };
                let after = i + 1 + m;
                let feeler = in_sentence.iter().find(|a| a.first > after && a.first <= after + 5).copied();
                let Some(h) = feeler else { continue };
                let Some(target) = subject(&in_sentence, lowered, i, h, None) else { continue };
                let span = Span::new(cue_span.start, h.span.end.max(cue_span.end));
                out.push(record(Some(h), target, polarity, 0.6, vec![span]));
            }
            CueKind::Agent => {
                let Some(target) = agent_target(words, k, i, &in_sentence) else {
                    continue;
                };
                if object_cue_before(doc.lang, words, k) {
                    continue; // `salue le courage de X`: the object rule holds it
                }
                let holder = speech.and_then(|sp| sp.speaker.as_ref());
                if holder.is_some_and(|h| same_name(&h.name, &target.name)) {
                    continue;
                }
                let span = Span::new(cue_span.start.min(target.span.start), cue_span.end.max(target.span.end));
                out.push(record(holder, target, polarity, 0.7, vec![span]));
            }
        }
    }
}

/// `, soutien de Y` / `, supporter of Y`: a support noun in apposition names a supporter of Y.
fn apposed_supporter(words: &[Cow<str>], k: usize) -> bool {
    let noun = ["soutien", "soutiens", "supporter", "supporters", "partisan", "partisans"].contains(&&*words[k]);
    noun && k > 0 && words[k - 1] == "," && followed_by_of(words, k)
}

fn followed_by_of(words: &[Cow<str>], k: usize) -> bool {
    words.get(k + 1).is_some_and(|w| matches!(&**w, "de" | "du" | "des" | "d'" | "of" | "from"))
}

/// A support noun whose `de`/`of` complement is the supporter (`le soutien de Y`).
fn inverted(words: &[Cow<str>], k: usize) -> bool {
    let noun = ["soutien", "appui", "support", "backing"].contains(&&*words[k]);
    noun && followed_by_of(words, k)
}

/// An actor set off by commas before token `i` (`X, allié de Y, soutient Z`):
/// a comma between it and `i`, and one between the sentence start and it.
fn in_apposition(words: &[Cow<str>], sentence_start: usize, a: &Actor, i: usize) -> bool {
    let local = |t: usize| t.saturating_sub(sentence_start).min(words.len());
    let comma_in = |from: usize, to: usize| words[local(from)..local(to)].iter().any(|w| w == ",");
    comma_in(a.end, i) && comma_in(sentence_start, a.first)
}

/// A possessive right before the cue (`sa guerre`), or before the noun a
/// preposition cue follows (`sa guerre contre`).
fn possessed(words: &[Cow<str>], k: usize) -> bool {
    let at = |d: usize| k >= d && cues::is_possessive(&words[k - d]);
    at(1) || (matches!(&*words[k], "contre" | "against") && at(2))
}

/// An object cue among the 3 words before position `k`.
fn object_cue_before(lang: depeche_core::Lang, words: &[Cow<str>], k: usize) -> bool {
    words[k.saturating_sub(3)..k].iter().any(|w| cues::cue(lang, w).is_some_and(|c| c.kind == CueKind::Object))
}

/// A negation just before the cue, or `pas` right after it.
fn negated(words: &[Cow<str>], k: usize) -> bool {
    words[k.saturating_sub(3)..k].iter().any(|w| words::is_negation(w)) || words.get(k + 1).is_some_and(|w| w == "pas")
}

fn flip(p: Polarity) -> Polarity {
    match p {
        Polarity::Favor => Polarity::Against,
        Polarity::Against => Polarity::Favor,
        Polarity::Neutral => Polarity::Neutral,
    }
}

/// The first actor within the window after the cue, before a clause break.
fn object_target<'a>(
    words: &[Cow<str>],
    k: usize,
    i: usize,
    s: &Sentence,
    in_sentence: &[&'a Actor],
) -> Option<&'a Actor> {
    let mut limit = (i + OBJECT_WINDOW + 1).min(s.tokens.end);
    for (off, w) in words.iter().enumerate().skip(k + 1) {
        let at = s.tokens.start + off;
        if at >= limit {
            break;
        }
        let clause_break = matches!(&**w, "." | ";" | ":" | "?" | "!" | "\"");
        if clause_break || words::is_speech_verb(w) || cues::is_setting_preposition(w) {
            limit = at;
            break;
        }
    }
    in_sentence.iter().find(|a| a.first > i && a.first < limit).copied()
}

/// The agent of an evaluative noun: `X de/of Y` within 4 tokens, a demonym
/// next to it (`agression russe`, `Russian aggression`) or `Y's` before it.
fn agent_target<'a>(words: &[Cow<str>], k: usize, i: usize, in_sentence: &[&'a Actor]) -> Option<&'a Actor> {
    let after = in_sentence.iter().find(|a| a.first > i && a.first <= i + 4);
    if let Some(a) = after {
        let between = &words[k + 1..(k + 1 + (a.first - i - 1)).min(words.len())];
        if a.first == i + 1 && a.kind == ActorKind::Demonym || between.iter().any(|w| cues::is_agent_marker(w)) {
            return Some(a);
        }
    }
    let before = in_sentence.iter().rev().find(|a| a.end <= i && a.end + 2 >= i);
    if let Some(a) = before {
        let adjacent_demonym = a.end == i && a.kind == ActorKind::Demonym;
        let genitive = a.end + 1 == i && words.get(k.wrapping_sub(1)).is_some_and(|w| w == "'s");
        if adjacent_demonym || genitive {
            return Some(a);
        }
    }
    None
}

/// The clause subject before token `i`: inside a quote, the first actor of the
/// quote; otherwise the first actor of the sentence that is not the object of
/// a preposition (`Sur les ondes de RTL, X a fustigé…` → X); never the target.
fn subject<'a>(
    in_sentence: &[&'a Actor],
    lowered: &[Cow<str>],
    i: usize,
    target: &Actor,
    speech: Option<&Speech>,
) -> Option<&'a Actor> {
    let mut candidates = in_sentence
        .iter()
        .filter(|a| a.end <= i && !same_name(&a.name, &target.name))
        .filter(|a| speech.and_then(|sp| sp.speaker.as_ref()).is_none_or(|sp| sp.span != a.span))
        .filter(|a| speech.is_none_or(|sp| inside(a.span, sp.span)))
        .peekable();
    let first = candidates.peek().copied();
    candidates.find(|a| !after_preposition(lowered, a.first)).or(first).copied()
}

/// Whether the words before token `first` are a preposition or a
/// conjunction (and an article).
fn after_preposition(lowered: &[Cow<str>], first: usize) -> bool {
    let word = |d: usize| first.checked_sub(d).and_then(|k| lowered.get(k)).map(|w| &**w);
    let article = |w: Option<&str>| matches!(w, Some("la" | "le" | "les" | "l'" | "the" | "un" | "une" | "a" | "an"));
    let at = if article(word(1)) { 2 } else { 1 };
    // `entre la Russie et la Corée du Nord`: a coordinated actor shares the
    // preposition of the first conjunct, so it is no subject either.
    word(at).is_some_and(|w| words::is_preposition(w) || matches!(w, "et" | "and" | "ou" | "or"))
}

/// Actors (sorted by position) whose tokens lie within `tokens`.
fn actors_in(actors: &[Actor], tokens: std::ops::Range<usize>) -> impl Iterator<Item = &Actor> {
    let start = actors.partition_point(|a| a.first < tokens.start);
    actors[start..].iter().take_while(move |a| a.first < tokens.end).filter(move |a| a.end <= tokens.end)
}

/// The innermost speech (sorted by start) that contains `span`; looks back
/// over a bounded number of earlier speeches so that it stays linear.
fn speech_around(speeches: &[Speech], span: Span) -> Option<&Speech> {
    let end = speeches.partition_point(|sp| sp.span.start <= span.start);
    speeches[..end].iter().rev().take(8).find(|sp| inside(span, sp.span))
}

// ------------------------------------------------------------------ records

fn inside(a: Span, outer: Span) -> bool {
    outer.start <= a.start && a.end <= outer.end
}

/// Case- and accent-insensitive equality or containment of two names.
pub fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (fold_name(a), fold_name(b));
    !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))
}

/// Lowercase, without accents, apostrophes folded.
pub fn fold_name(s: &str) -> String {
    lower_folded(s)
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            c => c,
        })
        .collect::<String>()
        .trim()
        .to_string()
}

fn named(a: &Actor) -> NamedSpan {
    NamedSpan { span: a.span, name: Some(a.name.clone()) }
}

fn record(holder: Option<&Actor>, target: &Actor, polarity: Polarity, score: f32, cues: Vec<Span>) -> Stance {
    Stance {
        holder: holder.map_or(Holder::Author, |h| Holder::Mention(named(h))),
        target: named(target),
        polarity,
        score,
        cues,
    }
}

fn holder_key(h: &Holder) -> String {
    match h {
        Holder::Author => "(author)".into(),
        Holder::Mention(m) => fold_name(m.name.as_deref().unwrap_or("")),
    }
}

/// One record per (holder, target) name pair: the polarity with the most
/// evidence wins (then the higher score); cues are pooled; output in text order.
fn merge(found: Vec<Stance>) -> Vec<Stance> {
    let mut groups: BTreeMap<(String, String), Vec<Stance>> = BTreeMap::new();
    for s in found {
        let key = (holder_key(&s.holder), fold_name(s.target.name.as_deref().unwrap_or("")));
        if key.0 == key.1 {
            continue;
        }
        groups.entry(key).or_default().push(s);
    }
    let mut out: Vec<Stance> = groups.into_values().filter_map(pick).collect();
    out.sort_by_key(|s| (s.cues.first().map_or(s.target.span.start, |c| c.start), s.target.span.start));
    out
}

fn pick(group: Vec<Stance>) -> Option<Stance> {
    let votes = |p: Polarity| group.iter().filter(|s| s.polarity == p).count();
    let (fav, ag) = (votes(Polarity::Favor), votes(Polarity::Against));
    let polarity = if fav > ag {
        Polarity::Favor
    } else if ag > fav {
        Polarity::Against
    } else {
        group.iter().max_by(|a, b| a.score.total_cmp(&b.score))?.polarity
    };
    let mut chosen = group.iter().filter(|s| s.polarity == polarity);
    let mut first = chosen.next()?.clone();
    for s in chosen {
        first.score = first.score.max(s.score);
        for c in &s.cues {
            if !first.cues.contains(c) {
                first.cues.push(*c);
            }
        }
    }
    first.cues.sort_by_key(|c| (c.start, c.end));
    Some(first)
}
