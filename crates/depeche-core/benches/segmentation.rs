//! Segmentation throughput (paragraphs, sentences, tokens, language id) on the
//! seed article and, when `../shared/data/corpus` is present, on the first
//! megabyte of French and English news.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use depeche_core::{Document, Lang};

const SEED: &str = include_str!("../../../fixtures/000_ee3f1e022047f0f8.txt");

fn segmentation(c: &mut Criterion) {
    let mut group = c.benchmark_group("segmentation");
    group.throughput(Throughput::Bytes(SEED.len() as u64));
    group.bench_function("seed_article", |b| b.iter(|| Document::new("seed", SEED, Some(Lang::Fr))));
    group.bench_function("seed_article_with_lang_id", |b| b.iter(|| Document::new("seed", SEED, None)));
    for lang in ["fr", "en"] {
        let Some(texts) = depeche_testdata::corpus_sample(lang, 1_000_000) else {
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
