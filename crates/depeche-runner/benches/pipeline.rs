//! End-to-end throughput: every built-in extractor over the seed article and,
//! when `../shared/data/corpus` is present, a fixed sample of French and
//! English news (Throughput::Bytes). Also the pipeline without stance, so the
//! cost of each stage can be read off.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use depeche_runner::{InputDoc, Pipeline, Registry, DEMO_ARTICLE};

fn bench_texts(c: &mut Criterion, name: &str, texts: &[String]) {
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    for (label, extractors) in [
        ("all", &["entities", "quotes", "numbers", "stance"][..]),
        ("without_stance", &["entities", "quotes", "numbers"][..]),
        ("entities", &["entities"][..]),
        ("quotes", &["quotes"][..]),
        ("numbers", &["numbers"][..]),
    ] {
        let pipeline = Pipeline::new(Registry::builtin(), extractors).expect("plan");
        group.bench_function(label, |b| {
            b.iter(|| {
                for (i, text) in texts.iter().enumerate() {
                    let _ = pipeline.analyse(InputDoc::from_text(i.to_string(), text.as_str()));
                }
            })
        });
    }
    group.finish();
}

fn pipeline(c: &mut Criterion) {
    bench_texts(c, "pipeline_seed", &[DEMO_ARTICLE.to_string()]);
    for lang in ["fr", "en"] {
        if let Some(texts) = depeche_testdata::corpus_sample(lang, 1_000_000) {
            bench_texts(c, &format!("pipeline_corpus_{lang}"), &texts);
        }
    }
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
