//! Worst-case inputs stay linear, checked in the normal test suite: for each
//! adversarial pattern, four times the text may cost at most eight times the
//! time (work quadratic in the text would cost sixteen). The criterion bench
//! `benches/adversarial.rs` measures the same patterns from 1 to 64 MB; this
//! test keeps sizes small so that it runs in seconds.

use depeche_runner::{InputDoc, Pipeline, Registry};
use depeche_testdata::{repeat_to, ADVERSARIAL_PATTERNS};
use std::time::Instant;

const SMALL: usize = 32 << 10;
const LARGE: usize = 4 * SMALL;

/// Fastest of three runs of the whole pipeline on `text`, in seconds.
fn seconds(pipeline: &Pipeline, text: &str) -> f64 {
    (0..3)
        .map(|_| {
            let started = Instant::now();
            pipeline.analyse(InputDoc::from_text("adv", text)).expect("adversarial text is analysed");
            started.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

#[test]
fn adversarial_inputs_cost_time_in_proportion_to_their_size() {
    let pipeline = Pipeline::new(Registry::builtin(), &["entities", "quotes", "numbers", "stance"]).unwrap();
    // Models and tables load on first use: not part of either measure.
    seconds(&pipeline, "Le président Emmanuel Macron a dit « oui » à 3 %.");
    for (name, unit) in ADVERSARIAL_PATTERNS {
        let small = seconds(&pipeline, &repeat_to(unit, SMALL));
        let large = seconds(&pipeline, &repeat_to(unit, LARGE));
        let ratio = large / small;
        assert!(ratio < 8.0, "{name}: 4× the text took {ratio:.1}× the time ({small:.4} s → {large:.4} s)");
    }
}
