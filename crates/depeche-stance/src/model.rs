//! The linear stance model: multinomial logistic regression over hashed
//! features, its compact binary form, and its trainer (averaged SGD).
//!
//! Binary form (little-endian): `DPS2` magic, u32 count, f32 scale, then per
//! feature a u32 hash and three i16 weights (favor, against, neutral) that
//! multiplied by the scale give the real weights.

use crate::features::Features;
use crate::lexicon::FnvBuild;
use depeche_core::Polarity;
use std::collections::{BTreeMap, HashMap};

/// Label order of the weight triples.
pub const LABELS: [Polarity; 3] = [Polarity::Favor, Polarity::Against, Polarity::Neutral];

const MAGIC: &[u8; 4] = b"DPS2";
/// Bytes per feature record.
const RECORD: usize = 10;

/// Feature hash → weights for (favor, against, neutral).
#[derive(Debug, Default, Clone)]
pub struct Model {
    pub weights: HashMap<u32, [f32; 3], FnvBuild>,
}

impl Model {
    /// Reads the binary form; a malformed blob gives an empty model.
    pub fn from_bytes(bytes: &[u8]) -> Model {
        let mut model = Model::default();
        if bytes.len() < 12 || &bytes[..4] != MAGIC {
            return model;
        }
        let u32_at = |k: usize| [bytes[k], bytes[k + 1], bytes[k + 2], bytes[k + 3]];
        let n = u32::from_le_bytes(u32_at(4)) as usize;
        let scale = f32::from_le_bytes(u32_at(8));
        model.weights.reserve(n);
        for rec in bytes[12..].chunks_exact(RECORD).take(n) {
            let key = u32::from_le_bytes([rec[0], rec[1], rec[2], rec[3]]);
            let w = [4, 6, 8].map(|k| i16::from_le_bytes([rec[k], rec[k + 1]]) as f32 * scale);
            model.weights.insert(key, w);
        }
        model
    }

    /// The binary form, features sorted by hash (deterministic bytes);
    /// weights that round to zero are dropped.
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self.weights.values().flatten().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / i16::MAX as f32 } else { 1.0 };
        let quantized: BTreeMap<u32, [i16; 3]> = self
            .weights
            .iter()
            .map(|(k, w)| (*k, w.map(|x| (x / scale).round() as i16)))
            .filter(|(_, q)| q.iter().any(|&x| x.unsigned_abs() > 2))
            .collect();
        let mut out = Vec::with_capacity(12 + quantized.len() * RECORD);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(quantized.len() as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for (k, q) in quantized {
            out.extend_from_slice(&k.to_le_bytes());
            for x in q {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        out
    }

    /// Class probabilities (favor, against, neutral).
    pub fn predict(&self, feats: &Features) -> [f32; 3] {
        let mut z = [0f32; 3];
        for (k, v) in feats {
            if let Some(w) = self.weights.get(k) {
                for c in 0..3 {
                    z[c] += w[c] * v;
                }
            }
        }
        softmax(z)
    }
}

fn softmax(z: [f32; 3]) -> [f32; 3] {
    let m = z[0].max(z[1]).max(z[2]);
    let e = z.map(|x| (x - m).exp());
    let s = e[0] + e[1] + e[2];
    e.map(|x| x / s)
}

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct TrainParams {
    pub epochs: usize,
    pub learning_rate: f32,
    pub l2: f32,
    pub seed: u64,
    /// Features seen in fewer training examples are dropped.
    pub min_count: u32,
}

/// Trains a model on (features, label index) pairs with SGD on the
/// log-loss, L2 applied to the active features, weights averaged over steps.
pub fn train(data: &[(Features, usize)], p: TrainParams) -> Model {
    let mut counts: HashMap<u32, u32> = HashMap::new();
    for (f, _) in data {
        for (k, _) in f {
            *counts.entry(*k).or_default() += 1;
        }
    }
    let keep = |k: &u32| counts.get(k).copied().unwrap_or(0) >= p.min_count;
    let mut w: HashMap<u32, [f32; 3]> = HashMap::new();
    let mut sum: HashMap<u32, [f32; 3]> = HashMap::new(); // Σ step·Δw, for averaging
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = p.seed.max(1);
    let mut step = 1f32;
    for epoch in 0..p.epochs {
        shuffle(&mut order, &mut rng);
        let lr = p.learning_rate / (1.0 + epoch as f32 * 0.5);
        for &i in &order {
            let (feats, gold) = &data[i];
            let mut z = [0f32; 3];
            for (k, v) in feats.iter().filter(|(k, _)| keep(k)) {
                if let Some(wk) = w.get(k) {
                    for c in 0..3 {
                        z[c] += wk[c] * v;
                    }
                }
            }
            let prob = softmax(z);
            for (k, v) in feats.iter().filter(|(k, _)| keep(k)) {
                let wk = w.entry(*k).or_insert([0.0; 3]);
                let sk = sum.entry(*k).or_insert([0.0; 3]);
                for c in 0..3 {
                    let target = if c == *gold { 1.0 } else { 0.0 };
                    let delta = lr * ((target - prob[c]) * v - p.l2 * wk[c]);
                    wk[c] += delta;
                    sk[c] += step * delta;
                }
            }
            step += 1.0;
        }
    }
    // Averaged weights: w_avg = w - Σ(step·Δw)/T.
    let mut model = Model::default();
    for (k, wk) in w {
        let sk = sum[&k];
        let avg = [0, 1, 2].map(|c| wk[c] - sk[c] / step);
        if avg.iter().any(|x| x.abs() > 1e-4) {
            model.weights.insert(k, avg);
        }
    }
    model
}

/// The mean of several models (weights absent from one count as zero).
pub fn average(models: &[Model]) -> Model {
    let mut out = Model::default();
    let n = models.len().max(1) as f32;
    for m in models {
        for (k, w) in &m.weights {
            let acc = out.weights.entry(*k).or_insert([0.0; 3]);
            for c in 0..3 {
                acc[c] += w[c] / n;
            }
        }
    }
    out
}

/// Fisher–Yates with xorshift64 (deterministic for a seed).
fn shuffle(v: &mut [usize], state: &mut u64) {
    for i in (1..v.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        let j = (*state % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
}
