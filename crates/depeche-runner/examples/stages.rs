//! Times each stage (segmentation, every extractor, rendering, JSON) on one
//! adversarial document of a given size, to find what grows faster than the
//! input: `cargo run --release -p depeche-runner --example stages -- PATTERN MB`.
//! The patterns are `depeche_testdata::ADVERSARIAL_PATTERNS`, as in `benches/adversarial.rs`.

use depeche_core::output::render;
use depeche_core::{Document, Layers, Plan};
use depeche_runner::Registry;
use depeche_testdata::{repeat_to, ADVERSARIAL_PATTERNS};
use std::time::Instant;

fn main() {
    let name = std::env::args().nth(1).unwrap_or_else(|| "unmatched_guillemets".to_string());
    let megabytes: f64 = std::env::args().nth(2).and_then(|a| a.parse().ok()).unwrap_or(1.0);
    let unit = ADVERSARIAL_PATTERNS.iter().find(|(n, _)| *n == name).map(|(_, u)| *u).expect("unknown pattern");
    let text = repeat_to(unit, (megabytes * (1 << 20) as f64) as usize);

    let registry = Registry::builtin();
    let plan = Plan::build(&registry.descriptions(), &["entities", "quotes", "numbers", "stance"]).unwrap();
    let bytes = text.len();
    let started = Instant::now();
    let doc = Document::new("adv", text, None);
    report("segmentation", started, bytes);
    let mut layers = Layers::default();
    for &i in &plan.order {
        let extractor = registry.get(i);
        let started = Instant::now();
        extractor.extract(&doc, &mut layers).unwrap();
        report(extractor.describe().name, started, bytes);
    }
    let kinds: Vec<_> = registry.descriptions().iter().flat_map(|d| d.produces.iter().copied()).collect();
    let started = Instant::now();
    let out = render(&doc, &layers, &kinds);
    report("render", started, bytes);
    let started = Instant::now();
    let json = serde_json::to_string(&out).unwrap();
    report("json", started, bytes);
    println!("{} tokens, {} sentences, {} bytes of JSON", doc.tokens.len(), doc.sentences.len(), json.len());
}

fn report(stage: &str, started: Instant, bytes: usize) {
    let seconds = started.elapsed().as_secs_f64();
    println!("{stage:>14}: {seconds:8.3} s {:8.2} MB/s", bytes as f64 / 1e6 / seconds);
}
