//! Training: an averaged structured perceptron over the hashed features, with
//! constrained Viterbi decoding (Collins 2002), and the CoNLL reader.
//!
//! Deterministic: sentence order is shuffled each epoch by a xorshift
//! generator from the given seed, and a seeded share of sentences is added a
//! second time in capitals so that headlines are learned too.

use crate::features::{title_case, FeatureBuffer, FEATURES_PER_TOKEN};
use crate::lexicon::Lexicon;
use crate::model::{bucket, parse_tag, viterbi, Model, TAGS};

/// One training sentence: words and their tag indices.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainSentence {
    pub words: Vec<String>,
    pub tags: Vec<usize>,
}

/// Reads `TOKEN<TAB>LABEL` lines, blank lines between sentences,
/// `-DOCSTART-` lines ignored. Lines without a valid label are skipped.
pub fn read_conll(text: &str) -> Vec<TrainSentence> {
    let mut out = Vec::new();
    let mut cur = TrainSentence { words: Vec::new(), tags: Vec::new() };
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() || line == "-DOCSTART-" {
            if !cur.words.is_empty() {
                out.push(std::mem::replace(&mut cur, TrainSentence { words: Vec::new(), tags: Vec::new() }));
            }
            continue;
        }
        if let Some((w, t)) = line.split_once('\t') {
            if let Some(tag) = parse_tag(t.trim()) {
                cur.words.push(w.to_string());
                cur.tags.push(tag);
            }
        }
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    out
}

/// FNV-1a 64 of some bytes, as 16 hex digits (to record training data in a model).
pub fn data_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    pub bucket_bits: u32,
    pub epochs: usize,
    pub seed: u64,
    /// Share (per thousand) of sentences also trained on in capitals, and
    /// (drawn again) in title case.
    pub caps_per_mille: u64,
    pub metadata: String,
    pub lexicon: Lexicon,
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Feature buckets of every sentence, flat, with the sentence boundaries.
struct Prepared {
    buckets: Vec<u32>,
    /// Token offsets: sentence `s` has tokens `starts[s]..starts[s + 1]`.
    starts: Vec<usize>,
    tags: Vec<usize>,
}

fn prepare(sentences: &[TrainSentence], cfg: &TrainConfig, rng: &mut Rng) -> Prepared {
    let mut p = Prepared { buckets: Vec::new(), starts: vec![0], tags: Vec::new() };
    let mut buf = FeatureBuffer::default();
    let mut feats = Vec::new();
    let mut add = |words: &[&str], tags: &[usize], p: &mut Prepared| {
        buf.sentence_features(words, &cfg.lexicon, &mut feats);
        p.buckets.extend(feats.iter().map(|&f| bucket(f, cfg.bucket_bits) as u32));
        p.tags.extend_from_slice(tags);
        p.starts.push(p.tags.len());
    };
    for s in sentences {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        add(&words, &s.tags, &mut p);
        if rng.next() % 1000 < cfg.caps_per_mille {
            let upper: Vec<String> = s.words.iter().map(|w| w.to_uppercase()).collect();
            let words: Vec<&str> = upper.iter().map(String::as_str).collect();
            add(&words, &s.tags, &mut p);
        }
        if rng.next() % 1000 < cfg.caps_per_mille {
            let titled: Vec<String> = s.words.iter().map(|w| title_case(w)).collect();
            let words: Vec<&str> = titled.iter().map(String::as_str).collect();
            add(&words, &s.tags, &mut p);
        }
    }
    p
}

/// Trains a model on the sentences.
pub fn train(sentences: &[TrainSentence], cfg: &TrainConfig) -> Model {
    let mut rng = Rng(cfg.seed | 1);
    let data = prepare(sentences, cfg, &mut rng);
    let n_weights = (1usize << cfg.bucket_bits) * TAGS;
    let n_trans = (TAGS + 1) * TAGS;
    let mut w = vec![0i32; n_weights];
    let mut wa = vec![0i64; n_weights];
    let mut tr = vec![0i32; n_trans];
    let mut tra = vec![0i64; n_trans];
    let mut c: i64 = 1;
    let n_sent = data.starts.len() - 1;
    let mut order: Vec<usize> = (0..n_sent).collect();
    let (mut scores, mut pred) = (Vec::new(), Vec::new());
    for _ in 0..cfg.epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        for &s in &order {
            let (a, b) = (data.starts[s], data.starts[s + 1]);
            let feats = &data.buckets[a * FEATURES_PER_TOKEN..b * FEATURES_PER_TOKEN];
            let gold = &data.tags[a..b];
            scores.clear();
            scores.resize((b - a) * TAGS, 0i32);
            for (t, row) in feats.chunks_exact(FEATURES_PER_TOKEN).enumerate() {
                for &f in row {
                    let base = f as usize * TAGS;
                    for k in 0..TAGS {
                        scores[t * TAGS + k] += w[base + k];
                    }
                }
            }
            viterbi(&scores, &tr, &mut pred);
            if pred != gold {
                let upd = |idx: usize, d: i32, w: &mut [i32], wa: &mut [i64]| {
                    w[idx] += d;
                    wa[idx] += c * d as i64;
                };
                for t in 0..gold.len() {
                    let (g, p) = (gold[t], pred[t]);
                    let (pg, pp) = if t == 0 { (TAGS, TAGS) } else { (gold[t - 1], pred[t - 1]) };
                    if g != p {
                        for &f in &feats[t * FEATURES_PER_TOKEN..(t + 1) * FEATURES_PER_TOKEN] {
                            let base = f as usize * TAGS;
                            upd(base + g, 1, &mut w, &mut wa);
                            upd(base + p, -1, &mut w, &mut wa);
                        }
                    }
                    if (pg, g) != (pp, p) {
                        upd(pg * TAGS + g, 1, &mut tr, &mut tra);
                        upd(pp * TAGS + p, -1, &mut tr, &mut tra);
                    }
                }
            }
            c += 1;
        }
    }
    let avg = |w: &[i32], wa: &[i64]| -> Vec<f64> {
        w.iter().zip(wa).map(|(&x, &a)| x as f64 - a as f64 / c as f64).collect()
    };
    let (aw, at) = (avg(&w, &wa), avg(&tr, &tra));
    let max = aw.iter().fold(1e-9f64, |m, x| m.max(x.abs()));
    let scale = 32000.0 / max;
    Model {
        bucket_bits: cfg.bucket_bits,
        weights: aw.iter().map(|x| (x * scale).round() as i16).collect(),
        transitions: at.iter().map(|x| (x * scale).round() as i32).collect(),
        metadata: cfg.metadata.clone(),
        lexicon: cfg.lexicon.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "Emmanuel\tB-PER\nMacron\tI-PER\nest\tO\nà\tO\nBerlin\tB-LOC\n.\tO\n\n\
-DOCSTART-\n\nL'\tO\nOTAN\tB-ORG\nsoutient\tO\nl'\tO\nUkraine\tB-LOC\n\n\
Vladimir\tB-PER\nPoutine\tI-PER\nvisite\tO\nPyongyang\tB-LOC\n\n";

    fn tiny_config() -> TrainConfig {
        TrainConfig {
            bucket_bits: 12,
            epochs: 5,
            seed: 7,
            caps_per_mille: 300,
            metadata: "test".into(),
            lexicon: Lexicon::default(),
        }
    }

    #[test]
    fn conll_is_read_by_sentence() {
        let s = read_conll(SAMPLE);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].words[4], "Berlin");
        assert_eq!(s[0].tags[..2], [1, 2]);
    }

    #[test]
    fn training_is_deterministic_and_learns_the_sample() {
        let data = read_conll(SAMPLE);
        let a = train(&data, &tiny_config());
        let b = train(&data, &tiny_config());
        assert_eq!(a.to_bytes(), b.to_bytes());
        let mut buf = FeatureBuffer::default();
        let mut feats = Vec::new();
        let (mut tags, mut margins) = (Vec::new(), Vec::new());
        for s in &data {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            buf.sentence_features(&words, &a.lexicon, &mut feats);
            a.decode(&feats, &mut tags, &mut margins);
            assert_eq!(tags, s.tags);
        }
    }
}
