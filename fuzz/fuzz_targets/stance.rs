//! Fuzz target: the `stance` extractor (with the layers it requires) on arbitrary
//! UTF-8 never panics and only produces spans on char boundaries.
#![no_main]

use depeche_runner::{InputDoc, Pipeline, Registry};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::new(Registry::builtin(), &["stance"]).expect("plan"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(message) = pipeline().analyse(InputDoc::from_text("fuzz", text)) {
        // Empty documents are refused by design; anything else is a bug.
        assert!(message.starts_with("empty document"), "{message}");
    }
});
