//! The corpus lexicon, induced from a news corpus (`../shared/data/corpus`)
//! at training time and stored in the model:
//!
//! - a capitalization class per word: how it is usually written in
//!   mid-sentence (always lower case, mostly capitalized, in capitals...) and
//!   how frequent it is; it tells a proper name (`Belousov`, `TASS`) from a
//!   capitalized common word (`Défense`) even when the labelled data never
//!   saw the word;
//! - a distributional cluster per frequent word: spherical k-means over the
//!   counts of its left and right neighbours among the most frequent words,
//!   so that words used alike (`Moscou`, `Pékin`) share a feature.

use crate::features::normalize_into;
use std::collections::HashMap;

/// Minimum corpus count for a word to enter the lexicon.
pub const MIN_COUNT: u32 = 3;
/// Words that get a cluster (the most frequent ones).
const CLUSTERED_WORDS: usize = 40_000;
/// Context words (most frequent) whose counts describe a word.
const CONTEXT_WORDS: usize = 800;
const CLUSTERS: usize = 255;
const KMEANS_ROUNDS: usize = 8;

/// Counts of one word.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordCounts {
    /// All occurrences.
    pub seen: u32,
    /// Mid-sentence occurrences, and how many of them are capitalized / in capitals.
    pub total: u32,
    pub capitalized: u32,
    pub all_caps: u32,
}

/// Accumulates counts per normalized word and neighbour counts.
#[derive(Default)]
pub struct LexiconBuilder {
    ids: HashMap<String, u32>,
    words: Vec<String>,
    counts: Vec<WordCounts>,
    /// `(word << 32) | (neighbour << 1) | right` -> count.
    neighbours: HashMap<u64, u32>,
    norm: String,
    sentence_ids: Vec<u32>,
}

impl LexiconBuilder {
    fn id(&mut self, word: &str) -> u32 {
        self.norm.clear();
        normalize_into(word, &mut self.norm);
        if let Some(&id) = self.ids.get(self.norm.as_str()) {
            return id;
        }
        let id = self.words.len() as u32;
        self.ids.insert(self.norm.clone(), id);
        self.words.push(self.norm.clone());
        self.counts.push(WordCounts::default());
        id
    }

    /// Counts the words of one sentence. Capitalization is counted in
    /// mid-sentence only (the first word's capital says nothing) and not in
    /// sentences written in capitals.
    pub fn add_sentence(&mut self, words: &[&str]) {
        let caps = crate::features::sentence_is_caps(words) || crate::features::sentence_is_title_case(words);
        self.sentence_ids.clear();
        for (i, w) in words.iter().enumerate() {
            let id = self.id(w);
            self.sentence_ids.push(id);
            let c = &mut self.counts[id as usize];
            c.seen += 1;
            let first = match w.chars().next() {
                Some(c) if c.is_alphabetic() => c,
                _ => continue,
            };
            if i == 0 || caps {
                continue;
            }
            c.total += 1;
            if first.is_uppercase() {
                c.capitalized += 1;
                if w.chars().count() > 1 && !w.chars().any(char::is_lowercase) {
                    c.all_caps += 1;
                }
            }
        }
        for k in 0..self.sentence_ids.len() {
            let w = self.sentence_ids[k] as u64;
            if k > 0 {
                let left = self.sentence_ids[k - 1] as u64;
                *self.neighbours.entry((w << 32) | (left << 1)).or_default() += 1;
            }
            if k + 1 < self.sentence_ids.len() {
                let right = self.sentence_ids[k + 1] as u64;
                *self.neighbours.entry((w << 32) | (right << 1) | 1).or_default() += 1;
            }
        }
    }

    /// The lexicon of words seen at least [`MIN_COUNT`] times.
    pub fn build(self) -> Lexicon {
        let clusters = self.clusters();
        let mut entries: Vec<(u64, u16)> = self
            .words
            .iter()
            .enumerate()
            .filter(|(i, _)| self.counts[*i].seen >= MIN_COUNT)
            .map(|(i, w)| {
                let cluster = clusters.get(&(i as u32)).copied().unwrap_or(0) as u16;
                (key(w), class_of(&self.counts[i]) as u16 | (cluster << 8))
            })
            .collect();
        entries.sort_unstable();
        Lexicon::from_entries(&entries)
    }

    /// Word id -> cluster (1..=CLUSTERS) for the most frequent words.
    fn clusters(&self) -> HashMap<u32, u8> {
        let mut by_freq: Vec<u32> = (0..self.words.len() as u32).collect();
        by_freq.sort_by_key(|&i| (std::cmp::Reverse(self.counts[i as usize].seen), i));
        let context: HashMap<u32, usize> =
            by_freq.iter().take(CONTEXT_WORDS).enumerate().map(|(d, &w)| (w, d)).collect();
        let targets: Vec<u32> = by_freq
            .iter()
            .copied()
            .take(CLUSTERED_WORDS)
            .filter(|&w| self.counts[w as usize].seen >= MIN_COUNT)
            .collect();
        let row_of: HashMap<u32, usize> = targets.iter().enumerate().map(|(r, &w)| (w, r)).collect();
        // Sparse vectors: (dimension, value), L2-normalized, sorted by dimension.
        let mut rows: Vec<Vec<(u32, f32)>> = vec![Vec::new(); targets.len()];
        let mut pairs: Vec<(&u64, &u32)> = self.neighbours.iter().collect();
        pairs.sort_unstable();
        for (&k, &n) in pairs {
            let (w, ctx, right) = ((k >> 32) as u32, ((k >> 1) & 0x7fff_ffff) as u32, k & 1);
            if let (Some(&r), Some(&d)) = (row_of.get(&w), context.get(&ctx)) {
                let dim = d as u32 * 2 + right as u32;
                rows[r].push((dim, (1.0 + n as f32).ln()));
            }
        }
        for row in &mut rows {
            row.sort_unstable_by_key(|e| e.0);
            let norm = row.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt().max(1e-6);
            row.iter_mut().for_each(|e| e.1 /= norm);
        }
        let k = CLUSTERS.min(rows.len() / 4).max(1);
        if k == 0 {
            return HashMap::new();
        }
        let dims = CONTEXT_WORDS * 2;
        // Deterministic start: words spread evenly over the frequency ranking.
        let mut centroids: Vec<Vec<f32>> = (0..k).map(|c| dense(&rows[c * rows.len() / k], dims)).collect();
        let mut assign = vec![0usize; rows.len()];
        for _ in 0..KMEANS_ROUNDS {
            for (r, row) in rows.iter().enumerate() {
                assign[r] = (0..k)
                    .max_by(|&a, &b| dot(row, &centroids[a]).total_cmp(&dot(row, &centroids[b])).then(b.cmp(&a)))
                    .unwrap_or(0);
            }
            let mut sums = vec![vec![0f32; dims]; k];
            for (r, row) in rows.iter().enumerate() {
                for &(d, v) in row {
                    sums[assign[r]][d as usize] += v;
                }
            }
            for (c, sum) in sums.into_iter().enumerate() {
                let norm = sum.iter().map(|v| v * v).sum::<f32>().sqrt();
                if norm > 0.0 {
                    centroids[c] = sum.into_iter().map(|v| v / norm).collect();
                }
            }
        }
        targets.iter().zip(&assign).map(|(&w, &c)| (w, (c + 1) as u8)).collect()
    }
}

fn dense(row: &[(u32, f32)], dims: usize) -> Vec<f32> {
    let mut v = vec![0f32; dims];
    for &(d, x) in row {
        v[d as usize] = x;
    }
    v
}

fn dot(row: &[(u32, f32)], centroid: &[f32]) -> f32 {
    row.iter().map(|&(d, x)| x * centroid[d as usize]).sum()
}

/// Class byte: capitalization share (low 3 bits) and frequency (high bits).
fn class_of(c: &WordCounts) -> u8 {
    if c.total == 0 {
        return 7;
    }
    let share = c.capitalized as f64 / c.total as f64;
    let caps = c.all_caps as f64 / c.total as f64;
    let case = if caps > 0.5 {
        1
    } else if share < 0.02 {
        2
    } else if share < 0.3 {
        3
    } else if share < 0.7 {
        4
    } else if share < 0.97 {
        5
    } else {
        6
    };
    let freq = (32 - c.total.leading_zeros()).min(15) as u8 / 3;
    case | (freq << 3)
}

fn key(norm: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in norm.as_bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h | 1
}

/// Word hash -> (class, cluster), in an open-addressing table.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Lexicon {
    /// Sorted `(key, class | cluster << 8)` pairs (the stored form).
    pub entries: Vec<(u64, u16)>,
    table: Vec<(u64, u16)>,
}

impl Lexicon {
    /// Builds the lookup table from sorted entries.
    pub fn from_entries(entries: &[(u64, u16)]) -> Lexicon {
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let mut table = vec![(0u64, 0u16); size];
        for &(k, c) in entries {
            let mut i = (k as usize) & (size - 1);
            while table[i].0 != 0 && table[i].0 != k {
                i = (i + 1) & (size - 1);
            }
            table[i] = (k, c);
        }
        Lexicon { entries: entries.to_vec(), table }
    }

    /// The capitalization class and cluster of a normalized word; zeros when unknown.
    pub fn lookup(&self, norm: &str) -> (u8, u8) {
        if self.table.is_empty() {
            return (0, 0);
        }
        let k = key(norm);
        let mask = self.table.len() - 1;
        let mut i = (k as usize) & mask;
        loop {
            let (e, v) = self.table[i];
            if e == k {
                return (v as u8, (v >> 8) as u8);
            }
            if e == 0 {
                return (0, 0);
            }
            i = (i + 1) & mask;
        }
    }

    /// The capitalization class of a normalized word; 0 when unknown.
    pub fn class(&self, norm: &str) -> u8 {
        self.lookup(norm).0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_tell_names_from_common_words_and_clusters_group_alike_words() {
        let mut b = LexiconBuilder::default();
        for _ in 0..5 {
            b.add_sentence(&["Hier", "la", "Russie", "et", "TASS", "ont", "parlé"]);
            b.add_sentence(&["Hier", "la", "Chine", "et", "TASS", "ont", "parlé"]);
        }
        let lex = b.build();
        let class = |w: &str| lex.class(w) & 7;
        assert_eq!(class("russie"), 6);
        assert_eq!(class("tass"), 1);
        assert_eq!(class("la"), 2);
        assert_eq!(class("hier"), 7);
        assert_eq!(class("inconnu"), 0);
        assert_eq!(lex.lookup("russie").1, lex.lookup("chine").1);
        assert!(lex.lookup("russie").1 > 0);
        assert_eq!(Lexicon::from_entries(&lex.entries), lex);
    }
}
