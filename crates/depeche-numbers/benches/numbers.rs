//! Throughput of the numbers extractor alone, on the seed article and (when
//! the corpus is present) ~2 MB of French news from `fr-news.jsonl.gz`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use depeche_core::Lang;
use std::io::BufRead;

const SEED: &str = include_str!("../../../fixtures/000_ee3f1e022047f0f8.txt");
const CORPUS: &str = "/work/shared/data/corpus/fr-news.jsonl.gz";
const SAMPLE_BYTES: usize = 2_000_000;

/// About 2 MB of article texts from the corpus, or `None` when it is absent.
fn corpus_sample() -> Option<Vec<String>> {
    let file = std::fs::File::open(CORPUS).ok()?;
    let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(file));
    let mut texts = Vec::new();
    let mut total = 0;
    for line in reader.lines().map_while(Result::ok) {
        let value: serde_json::Value = serde_json::from_str(&line).ok()?;
        if let Some(text) = value.get("text").and_then(|t| t.as_str()) {
            total += text.len();
            texts.push(text.to_string());
        }
        if total >= SAMPLE_BYTES {
            break;
        }
    }
    Some(texts)
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("numbers");
    group.throughput(Throughput::Bytes(SEED.len() as u64));
    group.bench_function("seed article", |b| b.iter(|| depeche_numbers::find(SEED, Lang::Fr)));
    if let Some(texts) = corpus_sample() {
        let bytes: usize = texts.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.sample_size(10);
        group.bench_function("fr-news 2 MB", |b| {
            b.iter(|| texts.iter().map(|t| depeche_numbers::find(t, Lang::Fr).len()).sum::<usize>())
        });
    } else {
        eprintln!("note: {CORPUS} is missing; corpus bench skipped");
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
