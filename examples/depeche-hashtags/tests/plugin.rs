//! The example plugin runs through the runner library like a built-in extractor.

use depeche_hashtags::SocialExtractor;
use depeche_runner::{InputDoc, Pipeline, Registry};

fn check(text: &str, expected: &[(&str, &str)]) {
    let registry = Registry::empty().with(Box::new(SocialExtractor));
    let pipeline = Pipeline::new(registry, &["social"]).expect("plan");
    let (out, _) = pipeline.analyse(InputDoc::from_text("t", text)).expect("analysis");
    let items = &out.custom["social"];
    let got: Vec<(&str, &str)> = items.iter().map(|i| (i.text.as_str(), i.label.as_str())).collect();
    assert_eq!(got, expected);
    let chars: Vec<char> = text.chars().collect();
    for item in items {
        assert_eq!(chars[item.start..item.end].iter().collect::<String>(), item.text);
    }
}

#[test]
fn finds_social_tokens_with_char_offsets() {
    check(
        "Écrivez à rédaction@journal.fr ou suivez @AFP et #GiletsJaunes 🙂 sur https://x.com/afp.",
        &[
            ("rédaction@journal.fr", "email"),
            ("@AFP", "handle"),
            ("#GiletsJaunes", "hashtag"),
            ("https://x.com/afp", "url"),
        ],
    );
    check("Rien à signaler.", &[]);
}

#[test]
fn plugs_in_next_to_builtin_extractors() {
    let registry = Registry::builtin().with(Box::new(SocialExtractor));
    assert!(registry.names().contains(&"social"));
    let pipeline = Pipeline::new(registry, &["numbers", "social"]).expect("plan");
    assert_eq!(pipeline.order(), ["numbers", "social"]);
}
