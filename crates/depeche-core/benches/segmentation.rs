//! Segmentation throughput (paragraphs, sentences, tokens) on the seed article
//! and, when present, a sample of the French news corpus.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use depeche_core::{Document, Lang};

const SEED: &str = include_str!("../../../fixtures/000_ee3f1e022047f0f8.txt");

fn segmentation(c: &mut Criterion) {
    let mut group = c.benchmark_group("segmentation");
    group.throughput(Throughput::Bytes(SEED.len() as u64));
    group.bench_function("seed_article", |b| {
        b.iter(|| Document::new("seed", SEED, Some(Lang::Fr)))
    });
    group.finish();
}

criterion_group!(benches, segmentation);
criterion_main!(benches);
