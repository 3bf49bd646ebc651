//! Prints the entities of a text file (debugging aid): `cargo run --example dump -- FILE [fr|en]`.
use depeche_core::{Document, Lang};
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).expect("file");
    let lang = args.get(2).and_then(|l| Lang::parse(l));
    let doc = Document::new("d", text, lang);
    for e in depeche_entities::entities(&doc) {
        println!("{:?} {:?} {} {:?} {:?}", doc.slice(e.span), e.label, e.entity_id, e.canonical, e.score);
    }
}
