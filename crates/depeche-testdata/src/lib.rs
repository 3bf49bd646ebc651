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

/// Worst-case texts for the whole pipeline, as (name, unit repeated to size):
/// a line of digits, `1 2 3 …`, nested `entre … et`, unmatched quotes,
/// capitals without full stops (every word a name, one endless sentence),
/// text without spaces. Time per byte must stay flat as they grow.
pub const ADVERSARIAL_PATTERNS: [(&str, &str); 6] = [
    ("digits", "1234567890"),
    ("spaced_numbers", "1 2 3 4 5 6 7 8 9 "),
    ("nested_ranges", "entre 10 et entre 20 et "),
    ("unmatched_guillemets", "« a « b \" c "),
    ("all_caps_no_stop", "LE PRÉSIDENT EMMANUEL MACRON A DIT QUE LA FRANCE "),
    ("no_spaces", "Paris,Londres,Berlin;Macron:«oui»"),
];

/// `unit` repeated up to `size` bytes, cut on a char boundary.
pub fn repeat_to(unit: &str, size: usize) -> String {
    let mut text = unit.repeat(size / unit.len() + 1);
    let mut end = size.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}
