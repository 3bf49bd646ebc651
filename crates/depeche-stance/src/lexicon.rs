//! Polarity lexicon: word → valence in -1..1, per language.
//!
//! The committed table `models/lexicon.tsv` (`lang<TAB>word<TAB>valence`) is
//! derived by `cargo xtask train stance` from `../shared/data/lexicons`:
//! VADER (en, MIT, © C.J. Hutto), vadersentiment-fr (fr, MIT, O. Deprez & T. Ek)
//! divided by 4, and Pattern (en/fr, PDDL, De Smedt & Daelemans) polarity;
//! a word in both is averaged.

use depeche_core::Lang;
use once_cell::sync::Lazy;
use std::collections::HashMap;

static EMBEDDED: Lazy<Lexicon> = Lazy::new(|| Lexicon::parse(include_str!("../models/lexicon.tsv")));

/// Valences of single lowercased words for English and French.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    en: HashMap<String, f32, FnvBuild>,
    fr: HashMap<String, f32, FnvBuild>,
}

/// FNV-1a: a fast hash for short keys (no untrusted-key concern in a fixed table).
#[derive(Debug, Default, Clone, Copy)]
pub struct FnvBuild;

/// The FNV-1a hasher state.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl std::hash::BuildHasher for FnvBuild {
    type Hasher = Fnv;
    fn build_hasher(&self) -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= b as u64;
            self.0 = self.0.wrapping_mul(0x100_0000_01b3);
        }
    }
}

impl Lexicon {
    /// The table shipped in the crate.
    pub fn embedded() -> &'static Lexicon {
        &EMBEDDED
    }

    /// Parses `lang<TAB>word<TAB>valence` lines; bad lines are skipped.
    pub fn parse(table: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        for line in table.lines() {
            let mut cols = line.split('\t');
            let (Some(lang), Some(word), Some(val)) = (cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            let Ok(val) = val.trim().parse::<f32>() else {
                continue;
            };
            let map = if lang == "fr" { &mut lex.fr } else { &mut lex.en };
            map.insert(word.to_string(), val.clamp(-1.0, 1.0));
        }
        lex
    }

    /// The valence of a lowercased word, if the language's lexicon has it.
    pub fn valence(&self, lang: Lang, word: &str) -> Option<f32> {
        match lang {
            Lang::Fr => self.fr.get(word).copied(),
            _ => self.en.get(word).copied(),
        }
    }

    /// Number of entries (both languages).
    pub fn len(&self) -> usize {
        self.en.len() + self.fr.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
