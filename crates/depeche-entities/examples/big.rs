//! Times one huge single-paragraph document (robustness aid): `cargo run --release --example big -- MB [nospace|caps]`.
use depeche_core::{Document, Lang};
fn main() {
    let mb: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(5);
    let seed = include_str!("../../../fixtures/000_ee3f1e022047f0f8.txt").replace('\n', " ");
    // `nospace` as second argument: the same text without any spaces.
    let seed = match std::env::args().nth(2).as_deref() {
        Some("nospace") => seed.replace(' ', ""),
        Some("caps") => seed.to_uppercase(),
        _ => seed,
    };
    let mut text = String::new();
    while text.len() < mb * 1_000_000 {
        text.push_str(&seed);
    }
    let t0 = std::time::Instant::now();
    let doc = Document::new("big", text, Some(Lang::Fr));
    let t1 = std::time::Instant::now();
    let n = depeche_entities::entities(&doc).len();
    println!(
        "{} bytes, {} tokens: segmentation {:.2}s, entities {:.2}s, {n} entities",
        doc.text.len(),
        doc.tokens.len(),
        (t1 - t0).as_secs_f64(),
        t1.elapsed().as_secs_f64()
    );
}
