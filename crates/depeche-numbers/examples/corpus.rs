//! Runs the numbers extractor over a `.jsonl.gz` corpus (field `text`):
//! `corpus fr /work/shared/data/corpus/fr-news.jsonl.gz` prints MB/s and counts per kind.

use depeche_core::Lang;
use std::collections::BTreeMap;
use std::io::BufRead;

fn main() {
    let mut args = std::env::args().skip(1);
    let lang = args.next().and_then(|l| Lang::parse(&l)).unwrap_or(Lang::Other);
    let path = args.next().expect("usage: corpus LANG FILE.jsonl.gz");
    let file = std::fs::File::open(&path).expect("corpus file");
    let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(file));
    let texts: Vec<String> = reader
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(&l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    let start = std::time::Instant::now();
    for text in &texts {
        for m in depeche_numbers::find(text, lang) {
            *kinds.entry(m.kind.as_str()).or_default() += 1;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} docs, {:.1} MB in {secs:.2} s: {:.1} MB/s",
        texts.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs
    );
    println!("{kinds:?}");
}
