//! Worst-case inputs stay linear: throughput (bytes per second) of the whole
//! pipeline on adversarial texts of 1, 4, 16 and 64 MB should stay flat.
//! Run alone: `cargo bench -p depeche-runner --bench adversarial`.

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use depeche_runner::{InputDoc, Pipeline, Registry};
use depeche_testdata::{repeat_to, ADVERSARIAL_PATTERNS};
use std::time::Duration;

const MB: usize = 1 << 20;

fn adversarial(c: &mut Criterion) {
    let mut pipeline = Pipeline::new(Registry::builtin(), &["entities", "quotes", "numbers", "stance"]).unwrap();
    pipeline.max_doc_bytes = usize::MAX;
    for (name, unit) in ADVERSARIAL_PATTERNS {
        let mut group = c.benchmark_group(format!("adversarial_{name}"));
        // Ten timed runs per size (64 MB runs take seconds each): flat
        // sampling, no minimum measurement time.
        group.sample_size(10).sampling_mode(SamplingMode::Flat).measurement_time(Duration::from_secs(1));
        group.warm_up_time(Duration::from_millis(1));
        for size in [MB, 4 * MB, 16 * MB, 64 * MB] {
            let text = repeat_to(unit, size);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_function(format!("{}MB", size / MB), |b| {
                b.iter(|| pipeline.analyse(InputDoc::from_text("adv", text.as_str())).map(|_| ()))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, adversarial);
criterion_main!(benches);
