//! Fuzz target: segmentation of arbitrary UTF-8 never panics and keeps its invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let doc = depeche_core::Document::new("fuzz", text, None);
    let mut last = 0;
    for t in &doc.tokens {
        assert!(t.span.start >= last && t.span.start < t.span.end);
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        last = t.span.end;
    }
    let tiled: usize = doc.sentences.iter().map(|s| s.tokens.len()).sum();
    assert_eq!(tiled, doc.tokens.len());
});
