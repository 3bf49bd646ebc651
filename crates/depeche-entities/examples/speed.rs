//! Times the extractor on a corpus sample (profiling aid): `cargo run --release --example speed`.
use depeche_core::{Document, Lang};
use std::io::{BufRead, BufReader};
fn main() {
    let t = std::time::Instant::now();
    let _ = depeche_entities::model_for(Lang::Fr);
    let fr_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = std::time::Instant::now();
    let _ = depeche_entities::model_for(Lang::En);
    println!("model load: fr {fr_ms:.1} ms, en {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/corpus/fr-news.jsonl.gz");
    let Ok(file) = std::fs::File::open(path) else {
        println!("corpus not found");
        return;
    };
    let docs: Vec<Document> = BufReader::new(flate2::read::GzDecoder::new(file))
        .lines()
        .map_while(Result::ok)
        .take(1000)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(&l).ok())
        .filter_map(|v| v["text"].as_str().map(|t| Document::new("c", t, Some(Lang::Fr))))
        .collect();
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    let started = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..5 {
        for d in &docs {
            n += depeche_entities::entities(d).len();
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!("{} tokens x5 in {secs:.2}s: {:.0} tokens/s ({n} entities)", tokens, 5.0 * tokens as f64 / secs);
}
