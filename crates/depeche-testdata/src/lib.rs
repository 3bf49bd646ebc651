//! Inputs shared by the benches and examples of every depeche crate (a
//! dev-dependency only): the seed article, and samples of the news corpus in
//! `../shared/data/corpus` (or `$DEPECHE_SHARED/data/corpus`) when present.
//! A clone without `../shared` gets `None` and the benches skip those groups.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;

/// The seed article of the project (French), also the demo of `depeche run`.
pub const SEED_ARTICLE: &str = include_str!("../../../fixtures/000_ee3f1e022047f0f8.txt");

/// The corpus file for `lang` (`fr` or `en`), whether or not it exists.
pub fn corpus_path(lang: &str) -> PathBuf {
    let shared = std::env::var_os("DEPECHE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    shared.join("data/corpus").join(format!("{lang}-news.jsonl.gz"))
}

/// Article texts from the start of the `lang` corpus, about `max_bytes` in
/// all (always the same ones), or `None` when the corpus is absent.
pub fn corpus_sample(lang: &str, max_bytes: usize) -> Option<Vec<String>> {
    let file = std::fs::File::open(corpus_path(lang)).ok()?;
    let reader = BufReader::new(flate2::read::MultiGzDecoder::new(file));
    let mut texts = Vec::new();
    let mut total = 0;
    for line in reader.lines().map_while(Result::ok) {
        let value: serde_json::Value = serde_json::from_str(&line).ok()?;
        if let Some(text) = value.get("text").and_then(|t| t.as_str()) {
            total += text.len();
            texts.push(text.to_string());
        }
        if total >= max_bytes {
            break;
        }
    }
    Some(texts)
}
