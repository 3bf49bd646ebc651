//! End-to-end throughput: every built-in extractor over the seed article and,
//! when `../shared/data/corpus` is present, a fixed sample of French and
//! English news (Throughput::Bytes). Also the pipeline without stance, so the
//! cost of each stage can be read off.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use depeche_runner::{InputDoc, Pipeline, Registry, DEMO_ARTICLE};
use std::io::{BufRead, BufReader};
use std::path::Path;

/// The first `max_bytes` of article text from a corpus file, if it exists.
fn corpus_sample(path: &Path, max_bytes: usize) -> Option<Vec<String>> {
    let file = std::fs::File::open(path).ok()?;
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
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
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/corpus");
    for lang in ["fr", "en"] {
        if let Some(texts) = corpus_sample(&corpus.join(format!("{lang}-news.jsonl.gz")), 1_000_000) {
            bench_texts(c, &format!("pipeline_corpus_{lang}"), &texts);
        }
    }
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
