//! Feature extraction for the sequence model: every feature is a 64-bit hash
//! of a template id and per-token hashes, computed without allocating a
//! string per feature.
//!
//! Per token we hash, once: the normalized form (lower case, `’` → `'`,
//! digits → `0`), its short shape (`Xx`, `X.X.`, `d`), suffixes of 2–4 chars
//! and a 3-char prefix. Features then combine those hashes with the
//! neighbours' (±2 words, shapes of ±1), sentence position, gazetteer hits
//! and whether the whole sentence is written in capitals (headlines), in
//! which case shape features switch to their own templates.

use crate::gazetteer::{self, GazHit};
use crate::lexicon::Lexicon;

/// Number of hashed features written per token (fixed, so buffers are flat).
pub const FEATURES_PER_TOKEN: usize = 32;

/// What we keep about one token to build features.
#[derive(Debug, Clone, Copy, Default)]
struct TokenHashes {
    norm: u64,
    shape: u64,
    suf2: u64,
    suf3: u64,
    suf4: u64,
    pre3: u64,
    capitalized: bool,
    gaz: GazHit,
    /// Corpus capitalization class (see [`Lexicon`]).
    lex: u8,
    /// Distributional cluster (0: none).
    cluster: u8,
}

const BOS: u64 = 0x5151_7a7a_0101_0001;
const EOS: u64 = 0x5151_7a7a_0101_0002;

/// FNV-1a over bytes, continuing from `h`.
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// Combines a template id with up to two value hashes.
#[inline]
fn mix(template: u64, a: u64, b: u64) -> u64 {
    let h = (template.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ a).wrapping_mul(0xff51_afd7_ed55_8ccd);
    let h = (h ^ b.rotate_left(29)).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 31)
}

/// Appends the normalized form of `word` (lower case, folded apostrophes,
/// digits as `0`) to `out`.
pub fn normalize_into(word: &str, out: &mut String) {
    for c in word.chars() {
        match c {
            '’' | '‘' | '`' | '´' => out.push('\''),
            '0'..='9' => out.push('0'),
            c if c.is_uppercase() => out.extend(c.to_lowercase()),
            c => out.push(c),
        }
    }
}

/// The short shape class of one char.
fn shape_char(c: char) -> u8 {
    if c.is_uppercase() {
        b'X'
    } else if c.is_lowercase() {
        b'x'
    } else if c.is_numeric() {
        b'd'
    } else if c.is_alphabetic() {
        b'a'
    } else if c.is_ascii() {
        c as u8
    } else {
        b'*'
    }
}

/// Hash of the short shape (runs of one class collapsed, at most 6 classes).
fn shape_hash(word: &str) -> u64 {
    let mut h = FNV_START;
    let mut last = 0u8;
    let mut n = 0;
    for c in word.chars() {
        let s = shape_char(c);
        if s != last {
            h = fnv(h, &[s]);
            last = s;
            n += 1;
            if n == 6 {
                break;
            }
        }
    }
    h
}

/// Hashes of the last `n` chars of `norm` for n = 2, 3, 4 and of its first 3 chars.
fn affix_hashes(norm: &str) -> (u64, u64, u64, u64) {
    let mut idx = [norm.len(); 5];
    // byte index of the k-th char from the end, k = 1..4
    let mut count = 0;
    for (i, _) in norm.char_indices().rev() {
        count += 1;
        idx[count] = i;
        if count == 4 {
            break;
        }
    }
    let suf = |k: usize| fnv(FNV_START ^ k as u64, &norm.as_bytes()[idx[k.min(count)]..]);
    let pre_end = norm.char_indices().nth(3).map_or(norm.len(), |(i, _)| i);
    (suf(2), suf(3), suf(4), fnv(FNV_START ^ 7, &norm.as_bytes()[..pre_end]))
}

/// True when most words of the sentence are written in capitals (a headline
/// or a shouted line), so capitalization tells nothing.
pub fn sentence_is_caps(words: &[&str]) -> bool {
    let mut letters_words = 0;
    let mut caps_words = 0;
    for w in words {
        let mut has_lower = false;
        let mut has_upper = false;
        for c in w.chars() {
            has_lower |= c.is_lowercase();
            has_upper |= c.is_uppercase();
        }
        if has_lower || has_upper {
            letters_words += 1;
            if has_upper && !has_lower {
                caps_words += 1;
            }
        }
    }
    letters_words >= 2 && caps_words * 10 >= letters_words * 8
}

/// True when the sentence is written in title case (`Trump Meets Putin In
/// Helsinki`): nearly every word of four letters or more is capitalized.
pub fn sentence_is_title_case(words: &[&str]) -> bool {
    let mut long = 0;
    let mut capitalized = 0;
    for w in words {
        if w.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
            long += 1;
            capitalized += w.chars().next().is_some_and(char::is_uppercase) as usize;
        }
    }
    long >= 4 && capitalized * 10 >= long * 9
}

/// Title-case form of a word, as English headlines write it (short words kept).
pub fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if word.chars().count() > 3 => c.to_uppercase().chain(chars).collect(),
        _ => word.to_string(),
    }
}

/// Reusable buffers for feature extraction.
#[derive(Default)]
pub struct FeatureBuffer {
    /// Normalized forms of the sentence's words, concatenated.
    norm: String,
    norm_ends: Vec<usize>,
    hashes: Vec<TokenHashes>,
    gaz: Vec<GazHit>,
}

impl FeatureBuffer {
    /// Gazetteer hits of the last sentence given to [`Self::sentence_features`].
    pub fn gazetteer_hits(&self) -> &[GazHit] {
        &self.gaz
    }

    /// Writes `FEATURES_PER_TOKEN` feature hashes per word of the sentence into `out`.
    pub fn sentence_features(&mut self, words: &[&str], lexicon: &Lexicon, out: &mut Vec<u64>) {
        out.clear();
        // Capitals tell nothing in a headline written in capitals or title case.
        let caps = sentence_is_caps(words) || sentence_is_title_case(words);
        self.hashes.clear();
        self.norm.clear();
        self.norm_ends.clear();
        for w in words {
            normalize_into(w, &mut self.norm);
            self.norm_ends.push(self.norm.len());
        }
        let norm_of = |i: usize| -> &str {
            let start = if i == 0 { 0 } else { self.norm_ends[i - 1] };
            &self.norm[start..self.norm_ends[i]]
        };
        let norms: Vec<&str> = (0..words.len()).map(norm_of).collect();
        gazetteer::hits_normalized(&norms, &mut self.gaz);
        for (i, w) in words.iter().enumerate() {
            let norm = norms[i];
            let (suf2, suf3, suf4, pre3) = affix_hashes(norm);
            let (lex, cluster) = lexicon.lookup(norm);
            self.hashes.push(TokenHashes {
                norm: fnv(FNV_START, norm.as_bytes()),
                shape: shape_hash(w),
                suf2,
                suf3,
                suf4,
                pre3,
                capitalized: w.chars().next().is_some_and(char::is_uppercase),
                gaz: self.gaz.get(i).copied().unwrap_or_default(),
                lex,
                cluster,
            });
        }
        let n = self.hashes.len();
        let at = |j: isize| -> TokenHashes {
            if j < 0 {
                TokenHashes { norm: BOS, shape: BOS, ..Default::default() }
            } else if j as usize >= n {
                TokenHashes { norm: EOS, shape: EOS, ..Default::default() }
            } else {
                self.hashes[j as usize]
            }
        };
        // Shape templates get a different id in capitalized sentences.
        let s = if caps { 100 } else { 0 };
        for i in 0..n as isize {
            let t = at(i);
            let (p1, p2, n1, n2) = (at(i - 1), at(i - 2), at(i + 1), at(i + 2));
            let first = (i == 0) as u64;
            let cap = (t.capitalized && !caps) as u64;
            let feats: [u64; FEATURES_PER_TOKEN] = [
                mix(1, 0, 0),
                mix(2, t.norm, 0),
                mix(3, t.suf2, 0),
                mix(4, t.suf3, 0),
                mix(5, t.suf4, 0),
                mix(6, t.pre3, 0),
                mix(7 + s, t.shape, 0),
                mix(8, p1.norm, 0),
                mix(9, n1.norm, 0),
                mix(10, p2.norm, 0),
                mix(11, n2.norm, 0),
                mix(12 + s, p1.shape, t.shape),
                mix(13 + s, t.shape, n1.shape),
                mix(14 + s, first, t.shape),
                mix(15, p1.norm, t.norm),
                mix(16, t.norm, n1.norm),
                mix(17, t.gaz.bits() as u64, cap),
                mix(18, p1.gaz.bits() as u64, t.gaz.bits() as u64),
                mix(19, t.gaz.bits() as u64, n1.gaz.bits() as u64),
                mix(20 + s, first, t.norm),
                mix(21 + s, cap, t.suf3),
                mix(22 + s, p1.norm, t.shape),
                mix(23 + s, t.shape, n1.norm),
                mix(24 + s, p1.shape, n1.shape),
                mix(25 + s, t.lex as u64, cap),
                mix(26 + s, p1.lex as u64, t.lex as u64),
                mix(27 + s, t.lex as u64, n1.lex as u64),
                mix(28 + s, t.lex as u64 & 7, t.shape),
                mix(29, t.cluster as u64, 0),
                mix(30, p1.cluster as u64, t.cluster as u64),
                mix(31, t.cluster as u64, n1.cluster as u64),
                mix(32 + s, t.cluster as u64, t.shape),
            ];
            out.extend_from_slice(&feats);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_words_give_same_features_and_multibyte_is_fine() {
        let words = ["Le", "ministre", "l’", "Élysée", "🙂", "800\u{202f}000"];
        let mut buf = FeatureBuffer::default();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        let lex = Lexicon::default();
        buf.sentence_features(&words, &lex, &mut a);
        buf.sentence_features(&words, &lex, &mut b);
        assert_eq!(a.len(), words.len() * FEATURES_PER_TOKEN);
        assert_eq!(a, b);
    }

    #[test]
    fn caps_sentences_are_detected() {
        assert!(sentence_is_caps(&["LA", "RUSSIE", "ET", "LA", "CORÉE"]));
        assert!(!sentence_is_caps(&["La", "Russie", "et", "la", "Corée"]));
        assert!(!sentence_is_caps(&["OTAN"]));
        let headline = ["Trump", "Meets", "Putin", "in", "Helsinki", "As", "Critics", "Slam", "Summit"];
        assert!(sentence_is_title_case(&headline));
        let body = ["Pasquale", "follows", "Kerry", "McFadden", "and", "Tony", "Blackburn", "as", "winners"];
        assert!(!sentence_is_title_case(&body));
        assert_eq!(title_case("summit"), "Summit");
        assert_eq!(title_case("été"), "été");
    }
}
