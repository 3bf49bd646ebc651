//! Throughput of the numbers extractor alone, on the seed article and (when
//! the corpus is present) ~2 MB of French news from `fr-news.jsonl.gz`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use depeche_core::Lang;

const SEED: &str = include_str!("../../../fixtures/000_ee3f1e022047f0f8.txt");
const SAMPLE_BYTES: usize = 2_000_000;

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("numbers");
    group.throughput(Throughput::Bytes(SEED.len() as u64));
    group.bench_function("seed article", |b| b.iter(|| depeche_numbers::find(SEED, Lang::Fr)));
    if let Some(texts) = depeche_testdata::corpus_sample("fr", SAMPLE_BYTES) {
        let bytes: usize = texts.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.sample_size(10);
        group.bench_function("fr-news 2 MB", |b| {
            b.iter(|| texts.iter().map(|t| depeche_numbers::find(t, Lang::Fr).len()).sum::<usize>())
        });
    } else {
        eprintln!("note: {} is missing; corpus bench skipped", depeche_testdata::corpus_path("fr").display());
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
