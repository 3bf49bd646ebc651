//! Gazetteers: countries, capitals, places, international organizations (with
//! their French and English acronyms), events, demonyms and titles, read once
//! from `data/gazetteer.tsv` (facts; sources named in that file).
//!
//! They serve as model features (multi-token matches marked begin/inside by
//! class) and, for resolution, to map demonyms to countries and acronyms to
//! their expansions.

use crate::features::normalize_into;
use once_cell::sync::Lazy;
use std::collections::HashMap;

const GAZETTEER_TSV: &str = include_str!("../data/gazetteer.tsv");

/// Classes of gazetteer hits, as bits of a [`GazHit`].
pub const LOC_B: u8 = 1;
pub const LOC_I: u8 = 2;
pub const ORG_B: u8 = 4;
pub const ORG_I: u8 = 8;
pub const MISC_B: u8 = 16;
pub const MISC_I: u8 = 32;
pub const DEMONYM: u8 = 64;
pub const TITLE: u8 = 128;

/// The gazetteer classes one token is part of.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GazHit(u8);

impl GazHit {
    pub fn bits(self) -> u8 {
        self.0
    }
    pub fn has(self, class: u8) -> bool {
        self.0 & class != 0
    }
}

/// One country: French and English names, for demonym resolution.
#[derive(Debug, Clone)]
pub struct Country {
    pub fr: String,
    pub en: String,
}

/// The parsed gazetteer.
pub struct Gazetteer {
    /// First normalized token -> phrases (normalized tokens, begin class) starting with it.
    phrases: HashMap<String, Vec<(Vec<String>, u8)>>,
    /// Normalized demonym -> index into `countries`.
    demonyms: HashMap<String, usize>,
    pub countries: Vec<Country>,
    /// Normalized organization alias (whole phrase) -> alias group id.
    org_groups: HashMap<String, usize>,
}

/// Normalized tokens of a phrase, tokenized like documents are.
pub fn phrase_tokens(phrase: &str) -> Vec<String> {
    depeche_core::segment::tokenize(phrase)
        .iter()
        .map(|t| {
            let mut s = String::new();
            normalize_into(t.text(phrase), &mut s);
            s
        })
        .collect()
}

/// Normalized form of a whole phrase (tokens joined by one space).
pub fn phrase_key(phrase: &str) -> String {
    phrase_tokens(phrase).join(" ")
}

impl Gazetteer {
    fn parse(tsv: &str) -> Gazetteer {
        let mut g = Gazetteer {
            phrases: HashMap::new(),
            demonyms: HashMap::new(),
            countries: Vec::new(),
            org_groups: HashMap::new(),
        };
        let mut org_group = 0;
        for line in tsv.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let alts = |i: usize| -> Vec<&str> {
                cols.get(i).map(|c| c.split('|').filter(|s| !s.is_empty()).collect()).unwrap_or_default()
            };
            match cols[0] {
                "country" => {
                    let idx = g.countries.len();
                    let (fr, en) = (alts(1), alts(2));
                    g.countries.push(Country {
                        fr: fr.first().unwrap_or(&"").to_string(),
                        en: en.first().unwrap_or(&"").to_string(),
                    });
                    for name in fr.iter().chain(&en).chain(&alts(5)).chain(&alts(6)) {
                        g.add_phrase(name, LOC_B);
                    }
                    for d in alts(3).iter().chain(&alts(4)) {
                        g.add_phrase(d, DEMONYM);
                        g.demonyms.insert(phrase_key(d), idx);
                    }
                }
                "org" => {
                    for name in alts(1).iter().chain(&alts(2)) {
                        g.add_phrase(name, ORG_B);
                        g.org_groups.insert(phrase_key(name), org_group);
                    }
                    org_group += 1;
                }
                "place" | "misc" => {
                    let class = if cols[0] == "place" { LOC_B } else { MISC_B };
                    for name in alts(2) {
                        g.add_phrase(name, class);
                    }
                }
                "title" => {
                    for name in alts(1) {
                        g.add_phrase(name, TITLE);
                    }
                }
                _ => {}
            }
        }
        g
    }

    fn add_phrase(&mut self, phrase: &str, class: u8) {
        let toks = phrase_tokens(phrase);
        if let Some(first) = toks.first() {
            self.phrases.entry(first.clone()).or_default().push((toks, class));
        }
    }

    /// The country a demonym (`russe`, `nord-coréenne`, `American`) refers to.
    pub fn demonym_country(&self, word: &str) -> Option<&Country> {
        self.demonyms.get(&phrase_key(word)).map(|&i| &self.countries[i])
    }

    /// The alias group of an organization name or acronym (`OTAN` and `NATO` share one).
    pub fn org_group(&self, name: &str) -> Option<usize> {
        self.org_groups.get(&phrase_key(name)).copied()
    }
}

/// The gazetteer, parsed on first use.
pub static GAZETTEER: Lazy<Gazetteer> = Lazy::new(|| Gazetteer::parse(GAZETTEER_TSV));

/// Gazetteer hits for each word of a sentence (longest phrase at each start).
pub fn hits(words: &[&str], out: &mut Vec<GazHit>) {
    let norms: Vec<String> = words
        .iter()
        .map(|w| {
            let mut s = String::new();
            normalize_into(w, &mut s);
            s
        })
        .collect();
    let norms: Vec<&str> = norms.iter().map(String::as_str).collect();
    hits_normalized(&norms, out);
}

/// [`hits`] for words already normalized with [`normalize_into`].
pub fn hits_normalized(norms: &[&str], out: &mut Vec<GazHit>) {
    out.clear();
    out.resize(norms.len(), GazHit::default());
    let g = &*GAZETTEER;
    for i in 0..norms.len() {
        let Some(cands) = g.phrases.get(norms[i]) else {
            continue;
        };
        for (toks, class) in cands {
            let end = i + toks.len();
            if end <= norms.len() && toks.iter().zip(&norms[i..end]).all(|(a, b)| a == b) {
                out[i].0 |= class;
                let inside = match *class {
                    LOC_B => LOC_I,
                    ORG_B => ORG_I,
                    MISC_B => MISC_I,
                    other => other,
                };
                for h in &mut out[i + 1..end] {
                    h.0 |= inside;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multi_token_places_and_demonyms_are_found() {
        let words = ["la", "Corée", "du", "Nord", "et", "le", "ministre", "russe"];
        let mut out = Vec::new();
        hits(&words, &mut out);
        assert!(out[1].has(LOC_B) && out[2].has(LOC_I) && out[3].has(LOC_I));
        assert!(out[6].has(TITLE));
        assert!(out[7].has(DEMONYM));
        assert_eq!(GAZETTEER.demonym_country("nord-coréen").unwrap().fr, "Corée du Nord");
        assert_eq!(GAZETTEER.demonym_country("American").unwrap().en, "United States");
        assert_eq!(GAZETTEER.org_group("OTAN"), GAZETTEER.org_group("NATO"));
        assert!(GAZETTEER.org_group("OTAN").is_some());
        assert_eq!(GAZETTEER.org_group("Organisation du traité de l’Atlantique nord"), GAZETTEER.org_group("OTAN"));
    }
}
