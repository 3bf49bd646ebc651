//! Replays `fuzz/regressions/*`: inputs that once crashed or hung an extractor
//! (found by the fuzzers or on the corpus) go through the whole pipeline.

mod common;

#[test]
fn regression_inputs_run_through_every_extractor() {
    let dir = common::fixtures().join("../fuzz/regressions");
    let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
    paths.sort();
    assert!(!paths.is_empty());
    let pipeline = depeche_runner::Pipeline::new(
        depeche_runner::Registry::builtin(),
        &["entities", "quotes", "numbers", "stance"],
    )
    .unwrap();
    for path in paths {
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let started = std::time::Instant::now();
        let result = pipeline.analyse(depeche_runner::InputDoc::from_text(path.display().to_string(), text));
        if let Err(message) = result {
            assert!(message.starts_with("empty document"), "{}: {message}", path.display());
        }
        assert!(started.elapsed().as_secs() < 10, "{} is slow", path.display());
    }
}
