//! Property tests of the whole pipeline on arbitrary Unicode: no extractor
//! panics, every span of every layer slices the input back to its text, and
//! the output does not depend on the number of threads.

mod common;
use depeche_runner::{InputDoc, Pipeline, Record, Registry};
use once_cell::sync::Lazy;
use proptest::prelude::*;
use rayon::prelude::*;

static PIPELINE: Lazy<Pipeline> =
    Lazy::new(|| Pipeline::new(Registry::builtin(), &["entities", "quotes", "numbers", "stance"]).unwrap());

/// News-like text: words, names, figures, quotes of every style, separators, emoji, and arbitrary chars.
fn news_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("« "),
        Just(" »"),
        Just("“"),
        Just("”"),
        Just("\""),
        Just("’"),
        Just("'"),
        Just(". "),
        Just(", "),
        Just("M. "),
        Just("Emmanuel Macron "),
        Just("a déclaré "),
        Just("said "),
        Just("selon "),
        Just("Paris "),
        Just("la Russie "),
        Just("800 000 "),
        Just("1,5 million d’euros "),
        Just("jusqu’à "),
        Just("entre "),
        Just(" et "),
        Just("30 % "),
        Just("trois quarts "),
        Just("\u{a0}"),
        Just("\u{202f}"),
        Just("\n\n"),
        Just("— "),
        Just("🙂"),
        Just("contre "),
        Just("soutien à "),
        Just("ÉTATS-UNIS "),
        Just("é"),
    ]
    .prop_map(str::to_string);
    let any_piece = prop_oneof![4 => piece, 1 => any::<char>().prop_map(|c| c.to_string()), 1 => "[a-zA-Z0-9 ]{1,6}"];
    prop::collection::vec(any_piece, 0..40).prop_map(|v| v.concat())
}

fn check_record(text: &str, record: &Record) {
    match record {
        Record::Ok(out) => {
            let value = serde_json::to_value(out).unwrap();
            let chars: Vec<char> = text.chars().collect();
            common::assert_spans_slice_back(&value, &chars, "doc");
        }
        Record::Error { error, .. } => assert!(error.starts_with("empty document"), "{text:?}: {error}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn no_extractor_panics_and_spans_slice_back(text in news_like()) {
        let record = PIPELINE.process(Ok(InputDoc::from_text("p", text.as_str()))).record;
        check_record(&text, &record);
    }

    #[test]
    fn targets_anywhere_are_handled(text in news_like(), a in 0usize..60, len in 1usize..20) {
        let n = text.chars().count();
        prop_assume!(a + len <= n);
        let input = InputDoc { targets: vec![(a, a + len)], ..InputDoc::from_text("t", text.as_str()) };
        let record = PIPELINE.process(Ok(input)).record;
        check_record(&text, &record);
    }

    #[test]
    fn output_is_identical_with_one_and_four_threads(texts in prop::collection::vec(news_like(), 1..6)) {
        let run = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            pool.install(|| {
                texts
                    .par_iter()
                    .map(|t| serde_json::to_string(&PIPELINE.process(Ok(InputDoc::from_text("d", t.as_str()))).record).unwrap())
                    .collect::<Vec<_>>()
            })
        };
        prop_assert_eq!(run(1), run(4));
    }
}
