//! In-document name resolution: which mentions name the same entity, and the
//! canonical (fullest) form of each.
//!
//! Rules, for mentions in text order:
//! - same label and same normalized text (case-insensitive) → one entity;
//! - a person mention whose words all appear, in order, at the end of or
//!   inside a longer person mention (`Belousov` in `Andrei Belousov`) joins
//!   it (the most recent such entity when several fit);
//! - organizations: names in one gazetteer alias group (`OTAN`, `NATO`,
//!   `Organisation du traité de l'Atlantique nord`) or an acronym made of the
//!   initials of a longer organization name join it;
//! - the canonical form is the longest mention of the entity (the first one
//!   on ties), whitespace collapsed; an institution named by a common noun and
//!   a demonym (`ministère russe de la Défense`) gets its country appended.

use crate::gazetteer::{phrase_tokens, GAZETTEER};
use depeche_core::{EntityLabel, Lang};
use std::collections::HashMap;

/// A mention before resolution.
#[derive(Debug, Clone)]
pub struct RawMention<'t> {
    pub text: &'t str,
    pub label: EntityLabel,
}

/// Entity index of each mention (numbered in order of first mention) and the
/// canonical form of each entity.
pub fn resolve(mentions: &[RawMention], lang: Lang) -> (Vec<u32>, Vec<String>) {
    let tokens: Vec<Vec<String>> = mentions.iter().map(|m| phrase_tokens(m.text)).collect();
    let groups: Vec<Option<usize>> = mentions
        .iter()
        .map(|m| match m.label {
            EntityLabel::ORG => GAZETTEER.org_group(m.text),
            _ => None,
        })
        .collect();
    let mut entity_of: Vec<usize> = Vec::with_capacity(mentions.len());
    // For each entity: its mentions.
    let mut entities: Vec<Vec<usize>> = Vec::new();
    let mut exact: HashMap<(EntityLabel, &[String]), usize> = HashMap::new();
    for i in 0..mentions.len() {
        let key = (mentions[i].label, tokens[i].as_slice());
        let found = exact.get(&key).copied().or_else(|| find_partial(i, mentions, &tokens, &groups, &entity_of));
        let e = found.unwrap_or_else(|| {
            entities.push(Vec::new());
            entities.len() - 1
        });
        exact.entry(key).or_insert(e);
        entities[e].push(i);
        entity_of.push(e);
    }
    // Later, longer person names absorb earlier short ones (`Poutine` ... `Vladimir Poutine`).
    merge_forward(mentions, &tokens, &mut entity_of, &mut entities);
    let mut ids = vec![u32::MAX; entities.len()];
    let mut next = 0u32;
    let mut out = Vec::with_capacity(mentions.len());
    for &e in &entity_of {
        if ids[e] == u32::MAX {
            ids[e] = next;
            next += 1;
        }
        out.push(ids[e]);
    }
    let mut canonicals = vec![String::new(); next as usize];
    for (e, members) in entities.iter().enumerate() {
        if members.is_empty() || ids[e] == u32::MAX {
            continue;
        }
        canonicals[ids[e] as usize] = canonical(members, mentions, &tokens, lang);
    }
    (out, canonicals)
}

/// How many earlier mentions a partial match looks back over (keeps resolution linear).
const WINDOW: usize = 400;

fn find_partial(
    i: usize,
    mentions: &[RawMention],
    tokens: &[Vec<String>],
    groups: &[Option<usize>],
    entity_of: &[usize],
) -> Option<usize> {
    let m = &mentions[i];
    (i.saturating_sub(WINDOW)..i).rev().find_map(|j| {
        let same = mentions[j].label == m.label
            && match m.label {
                EntityLabel::PER => tokens[i].len() < tokens[j].len() && is_subsequence_name(&tokens[i], &tokens[j]),
                EntityLabel::ORG => {
                    (groups[i].is_some() && groups[i] == groups[j])
                        || is_acronym_of(m.text, mentions[j].text)
                        || is_acronym_of(mentions[j].text, m.text)
                }
                _ => false,
            };
        same.then(|| entity_of[j])
    })
}

/// `short` appears as a contiguous run of words of `long`, ending it or
/// made only of capitalized name words.
fn is_subsequence_name(short: &[String], long: &[String]) -> bool {
    if short.is_empty() || short.iter().all(|t| t.chars().count() < 2) {
        return false;
    }
    long.windows(short.len()).any(|w| w == short)
}

/// Words that do not give their initial to an acronym.
const FUNCTION_WORDS: &[&str] = &[
    "le", "la", "les", "l", "de", "du", "des", "d", "et", "en", "pour", "sur", "au", "aux", "the", "of", "and", "for",
    "in", "on", "a", "an",
];

/// `acronym` (2–6 capitals) spells the initials of the capitalized words of `name`.
fn is_acronym_of(acronym: &str, name: &str) -> bool {
    if acronym.len() > 24 || acronym.chars().any(char::is_lowercase) {
        return false;
    }
    let letters: String = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    let n = letters.chars().count();
    if !(2..=6).contains(&n) || letters.chars().any(|c| !c.is_uppercase()) {
        return false;
    }
    let initials: String = name
        .split(|c: char| c.is_whitespace() || c == '-' || c == '\'' || c == '’')
        .filter(|w| !FUNCTION_WORDS.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    initials.chars().count() >= 2 && initials == letters
}

fn merge_forward(
    mentions: &[RawMention],
    tokens: &[Vec<String>],
    entity_of: &mut [usize],
    entities: &mut [Vec<usize>],
) {
    for e in 0..entities.len() {
        let Some(&first) = entities[e].first() else {
            continue;
        };
        if mentions[first].label != EntityLabel::PER {
            continue;
        }
        let longest = longest_member(&entities[e], mentions);
        // A later entity whose longest name contains this one's longest name.
        let target = (e + 1..entities.len().min(e + 1 + WINDOW)).find(|&f| {
            entities[f].first().is_some_and(|&m| {
                let lf = longest_member(&entities[f], mentions);
                mentions[m].label == EntityLabel::PER
                    && tokens[lf].len() > tokens[longest].len()
                    && is_subsequence_name(&tokens[longest], &tokens[lf])
            })
        });
        if let Some(f) = target {
            let moved = std::mem::take(&mut entities[e]);
            for &m in &moved {
                entity_of[m] = f;
            }
            entities[f].extend(moved);
            entities[f].sort_unstable();
        }
    }
}

/// The fullest mention: written in lower and upper case if any is (not a
/// headline in capitals), then the longest, then the first.
fn longest_member(members: &[usize], mentions: &[RawMention]) -> usize {
    let rank = |m: usize| {
        let t = mentions[m].text;
        (t.chars().any(char::is_lowercase), t.chars().count())
    };
    let mut best = members[0];
    for &m in members {
        if rank(m) > rank(best) {
            best = m;
        }
    }
    best
}

fn canonical(members: &[usize], mentions: &[RawMention], tokens: &[Vec<String>], lang: Lang) -> String {
    let best = longest_member(members, mentions);
    let text = collapse_whitespace(mentions[best].text);
    if mentions[best].label == EntityLabel::ORG {
        if let Some(country) = institution_country(&text, &tokens[best], lang) {
            return format!("{text} ({country})");
        }
    }
    text
}

/// The country of an institution named by a common noun and a demonym
/// (`ministère russe de la Défense` → `Russie`).
fn institution_country(text: &str, tokens: &[String], lang: Lang) -> Option<String> {
    if !text.chars().next().is_some_and(char::is_lowercase) {
        return None;
    }
    tokens.iter().skip(1).find_map(|t| {
        GAZETTEER.demonym_country(t).map(|c| match lang {
            Lang::En => c.en.clone(),
            _ => c.fr.clone(),
        })
    })
}

fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &[(&str, EntityLabel)], expected: &[(u32, &str)]) {
        let mentions: Vec<RawMention> = input.iter().map(|&(text, label)| RawMention { text, label }).collect();
        let (ids, canon) = resolve(&mentions, Lang::Fr);
        let got: Vec<(u32, &str)> = ids.iter().map(|&i| (i, canon[i as usize].as_str())).collect();
        assert_eq!(got, expected, "input {input:?}");
    }

    use EntityLabel::*;

    #[test]
    fn surnames_acronyms_and_institutions_resolve() {
        // surname after and before the full name
        check(
            &[("Poutine", PER), ("Andrei Belousov", PER), ("Belousov", PER), ("Vladimir Poutine", PER)],
            &[(0, "Vladimir Poutine"), (1, "Andrei Belousov"), (1, "Andrei Belousov"), (0, "Vladimir Poutine")],
        );
        // gazetteer aliases and initials
        check(
            &[
                ("OTAN", ORG),
                ("Organisation du traité de l’Atlantique nord", ORG),
                ("Parti Socialiste", ORG),
                ("PS", ORG),
            ],
            &[
                (0, "Organisation du traité de l’Atlantique nord"),
                (0, "Organisation du traité de l’Atlantique nord"),
                (1, "Parti Socialiste"),
                (1, "Parti Socialiste"),
            ],
        );
        // case-insensitive repeats keep the first form; institutions get their country
        check(
            &[
                ("troisième guerre mondiale", MISC),
                ("Troisième Guerre mondiale", MISC),
                ("ministère russe de la Défense", ORG),
            ],
            &[
                (0, "troisième guerre mondiale"),
                (0, "troisième guerre mondiale"),
                (1, "ministère russe de la Défense (Russie)"),
            ],
        );
        // a shared word does not merge different labels
        check(&[("Paris", LOC), ("Paris", PER)], &[(0, "Paris"), (1, "Paris")]);
    }
}
