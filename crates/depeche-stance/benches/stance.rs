//! Stance throughput on the seed article: segmentation alone, segmentation +
//! stance (open mode, empty entity/quote layers so that the fallbacks run),
//! and target mode with every capitalized word as a target.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use depeche_core::{Document, Extractor, Lang, Layers, TokenKind};
use depeche_stance::StanceExtractor;

const SEED: &str = include_str!("../../../fixtures/000_ee3f1e022047f0f8.txt");

fn stance(c: &mut Criterion) {
    let mut group = c.benchmark_group("stance");
    group.throughput(Throughput::Bytes(SEED.len() as u64));
    group.bench_function("segmentation_only", |b| b.iter(|| Document::new("seed", SEED, Some(Lang::Fr))));
    group.bench_function("segmentation_and_open_stance", |b| {
        b.iter(|| {
            let doc = Document::new("seed", SEED, Some(Lang::Fr));
            let mut layers = Layers::default();
            StanceExtractor.extract(&doc, &mut layers).unwrap();
            layers
        })
    });
    let mut doc = Document::new("seed", SEED, Some(Lang::Fr));
    doc.targets = doc
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word && t.text(SEED).starts_with(char::is_uppercase))
        .map(|t| t.span)
        .collect();
    group.bench_function("target_mode_all_capitalized", |b| {
        b.iter(|| {
            let mut layers = Layers::default();
            StanceExtractor.extract(&doc, &mut layers).unwrap();
            layers
        })
    });
    group.finish();
}

criterion_group!(benches, stance);
criterion_main!(benches);
