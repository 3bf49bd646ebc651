//! Property tests of the text model on arbitrary Unicode: segmentation never
//! panics, always terminates, and every span lies on char boundaries, in
//! order, and covers all non-space text.

use depeche_core::{Document, Lang};
use proptest::prelude::*;

/// Strings mixing news punctuation, digits, separators and arbitrary chars.
fn news_like() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("«".to_string()),
        Just("»".to_string()),
        Just("’".to_string()),
        Just("'".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just(". ".to_string()),
        Just("...".to_string()),
        Just("M.".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{202f}".to_string()),
        Just("\n\n".to_string()),
        Just("-".to_string()),
        Just("l’".to_string()),
        Just("800 000".to_string()),
        Just("3,5".to_string()),
        Just("½".to_string()),
        Just("@".to_string()),
        Just("#".to_string()),
        Just("http://a.b".to_string()),
        Just("🙂".to_string()),
        Just("U.S.".to_string()),
        "[a-zA-Zéà0-9 ]{1,8}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn check_invariants(text: &str) {
    let doc = Document::new("p", text, None);
    let mut last_end = 0;
    for t in &doc.tokens {
        assert!(t.span.start >= last_end && t.span.start < t.span.end, "tokens out of order in {text:?}");
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        last_end = t.span.end;
    }
    let covered: usize = doc.tokens.iter().map(|t| t.span.len()).sum();
    let non_space: usize = text
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{ad}'))
        .map(char::len_utf8)
        .sum();
    assert!(covered >= non_space, "tokens miss text in {text:?}");
    let mut next_token = 0;
    for s in &doc.sentences {
        assert_eq!(s.tokens.start, next_token, "sentences must tile the tokens");
        assert!(s.tokens.end > s.tokens.start);
        next_token = s.tokens.end;
    }
    assert_eq!(next_token, doc.tokens.len());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn segmentation_invariants_on_news_like_text(text in news_like()) {
        check_invariants(&text);
    }

    #[test]
    fn segmentation_invariants_on_any_string(text in any::<String>()) {
        check_invariants(&text);
    }

    #[test]
    fn pretokenized_documents_keep_tokens(words in prop::collection::vec("[^ ]{1,6}", 0..20)) {
        let doc = Document::from_tokens("t", &words, Some(Lang::Fr));
        let kept: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.token_text(i)).collect();
        prop_assert_eq!(kept, words.iter().map(String::as_str).collect::<Vec<_>>());
    }
}

#[test]
fn pathological_inputs_finish() {
    for text in [
        "1".repeat(100_000),
        "1 ".repeat(100_000),
        "«".repeat(20_000),
        "\"".repeat(20_000),
        "a-".repeat(50_000),
        "M. ".repeat(30_000),
        "l’".repeat(30_000),
        "U.".repeat(30_000),
        ". ".repeat(100_000),
        "» . ".repeat(50_000),
    ] {
        let started = std::time::Instant::now();
        let doc = Document::new("p", text.as_str(), None);
        assert!(!doc.tokens.is_empty());
        // Linear work on 200 kB is milliseconds; quadratic work would take minutes.
        assert!(started.elapsed().as_secs() < 5, "{:?}… took {:?}", &text[..10], started.elapsed());
    }
}
