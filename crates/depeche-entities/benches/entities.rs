//! Throughput of the entities extractor alone (segmentation excluded): the
//! seed article, and a sample of real French news when
//! `../shared/data/corpus/fr-news.jsonl.gz` exists. Prints tokens/s.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use depeche_core::{Document, Lang};
use std::time::Instant;

fn report_tokens_per_second(name: &str, docs: &[Document]) {
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    let started = Instant::now();
    let mut rounds = 0;
    while started.elapsed().as_secs_f64() < 2.0 {
        for d in docs {
            std::hint::black_box(depeche_entities::entities(d));
        }
        rounds += 1;
    }
    let rate = (tokens * rounds) as f64 / started.elapsed().as_secs_f64();
    println!("{name}: {tokens} tokens per round, {rate:.0} tokens/s (entities alone, one core)");
}

fn bench(c: &mut Criterion) {
    let seed = include_str!("../../../fixtures/000_ee3f1e022047f0f8.txt");
    let seed_doc = vec![Document::new("seed", seed, Some(Lang::Fr))];
    let _ = depeche_entities::entities(&seed_doc[0]); // load the model outside timing
    let mut group = c.benchmark_group("entities");
    group.throughput(Throughput::Bytes(seed.len() as u64));
    group.bench_function("seed article", |b| b.iter(|| depeche_entities::entities(&seed_doc[0])));
    report_tokens_per_second("seed article", &seed_doc);
    if let Some(texts) = depeche_testdata::corpus_sample("fr", 800_000) {
        let docs: Vec<Document> = texts.iter().map(|t| Document::new("c", t.as_str(), Some(Lang::Fr))).collect();
        let bytes: usize = texts.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.sample_size(10);
        group.bench_function("fr-news sample", |b| {
            b.iter(|| {
                for d in &docs {
                    std::hint::black_box(depeche_entities::entities(d));
                }
            })
        });
        report_tokens_per_second("fr-news sample (300 articles)", &docs);
    } else {
        println!("fr-news corpus not found: corpus sample skipped");
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
