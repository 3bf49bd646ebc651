//! Prints the sentences and tokens of a text file: `cargo run -p depeche-core --example segment FILE`.

fn main() {
    let path = std::env::args().nth(1).expect("usage: segment FILE");
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let doc = depeche_core::Document::new("file", text, None);
    println!(
        "lang {} · {} paragraphs · {} sentences · {} tokens",
        doc.lang.as_str(),
        doc.paragraphs.len(),
        doc.sentences.len(),
        doc.tokens.len()
    );
    for s in &doc.sentences {
        let tokens: Vec<&str> = s.tokens.clone().map(|i| doc.token_text(i)).collect();
        println!("- {}", tokens.join(" | "));
    }
}
