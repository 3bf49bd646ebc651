//! Segmentation throughput (paragraphs, sentences, tokens, language id) on the
//! seed article and, when `../shared/data/corpus` is present, on the first
//! megabyte of French and English news.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use depeche_core::{Document, Lang};
use std::io::{BufRead, BufReader};
use std::path::Path;

const SEED: &str = include_str!("../../../fixtures/000_ee3f1e022047f0f8.txt");

/// Article texts from the start of a corpus file, about `max_bytes` in all.
fn corpus_sample(path: &Path, max_bytes: usize) -> Option<Vec<String>> {
    let reader = BufReader::new(flate2::read::GzDecoder::new(std::fs::File::open(path).ok()?));
    let mut texts = Vec::new();
    let mut total = 0;
    for line in reader.lines() {
        let value: serde_json::Value = serde_json::from_str(&line.ok()?).ok()?;
        let text = value.get("text")?.as_str()?.to_string();
        total += text.len();
        texts.push(text);
        if total >= max_bytes {
            break;
        }
    }
    Some(texts)
}

fn segmentation(c: &mut Criterion) {
    let mut group = c.benchmark_group("segmentation");
    group.throughput(Throughput::Bytes(SEED.len() as u64));
    group.bench_function("seed_article", |b| b.iter(|| Document::new("seed", SEED, Some(Lang::Fr))));
    group.bench_function("seed_article_with_lang_id", |b| b.iter(|| Document::new("seed", SEED, None)));
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/corpus");
    for lang in ["fr", "en"] {
        let Some(texts) = corpus_sample(&corpus.join(format!("{lang}-news.jsonl.gz")), 1_000_000) else {
            continue;
        };
        let bytes: usize = texts.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.sample_size(10);
        group.bench_function(format!("corpus_{lang}_1MB"), |b| {
            b.iter(|| texts.iter().map(|t| Document::new("c", t.as_str(), None).tokens.len()).sum::<usize>())
        });
    }
    group.finish();
}

criterion_group!(benches, segmentation);
criterion_main!(benches);
