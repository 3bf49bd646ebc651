//! Extractor tests: annotated snippets through the real extractor, the seed
//! article, the committed models, robustness on hostile input.

use super::*;
use std::time::{Duration, Instant};

/// Runs the extractor on raw text.
fn run(text: &str, lang: Lang) -> Vec<Entity> {
    let doc = Document::new("t", text, Some(lang));
    let out = entities(&doc);
    for e in &out {
        assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
        assert!(e.span.start < e.span.end);
    }
    out
}

/// `expected`: `(mention text, label, canonical)` for every mention, in order.
fn check(input: &str, lang: Lang, expected: &[(&str, EntityLabel, &str)]) {
    let got: Vec<(&str, EntityLabel, &str)> = run(input, lang)
        .iter()
        .map(|e| (&input[e.span.start..e.span.end], e.label, e.canonical.as_str()))
        .map(|(t, l, c)| (t, l, leak(c)))
        .collect();
    assert_eq!(got, expected, "input: {input}");
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

use EntityLabel::*;

#[test]
fn french_news_snippets() {
    check(
        "Le président russe Vladimir Poutine a reçu à Moscou le chef de l’OTAN. Poutine a salué l’accord.",
        Lang::Fr,
        &[
            ("Vladimir Poutine", PER, "Vladimir Poutine"),
            ("Moscou", LOC, "Moscou"),
            ("OTAN", ORG, "OTAN"),
            ("Poutine", PER, "Vladimir Poutine"),
        ],
    );
    check(
        "Emmanuel Macron s’est rendu en Allemagne. M.\u{a0}Macron a rencontré le chancelier à Berlin.",
        Lang::Fr,
        &[
            ("Emmanuel Macron", PER, "Emmanuel Macron"),
            ("Allemagne", LOC, "Allemagne"),
            ("Macron", PER, "Emmanuel Macron"),
            ("Berlin", LOC, "Berlin"),
        ],
    );
}

#[test]
fn english_news_snippets() {
    check(
        "President Joe Biden met NATO leaders in Brussels on Monday. Biden said the alliance was united.",
        Lang::En,
        &[
            ("Joe Biden", PER, "Joe Biden"),
            ("NATO", ORG, "NATO"),
            ("Brussels", LOC, "Brussels"),
            ("Biden", PER, "Joe Biden"),
        ],
    );
}

#[test]
fn entity_ids_follow_first_mentions() {
    let out = run("La Russie et la Corée du Nord. Andrei Belousov à Pyongyang. Belousov et la Russie.", Lang::Fr);
    let ids: Vec<u32> = out.iter().map(|e| e.entity_id).collect();
    assert_eq!(ids, [0, 1, 2, 3, 2, 0]);
}

#[test]
fn seed_article_meets_its_bar() {
    let text = include_str!("../../../fixtures/000_ee3f1e022047f0f8.txt");
    let gold: serde_json::Value =
        serde_json::from_str(include_str!("../../../fixtures/000_ee3f1e022047f0f8.gold.json")).unwrap();
    let doc = Document::new("seed", text, Some(Lang::Fr));
    let map = doc.char_map();
    let got: Vec<(usize, usize, &str, String)> = entities(&doc)
        .into_iter()
        .map(|e| (map.to_char(e.span.start), map.to_char(e.span.end), e.label.as_str(), e.canonical))
        .collect();
    let golds = gold["entities"].as_array().unwrap();
    let (mut exact, mut canonical_ok) = (0, 0);
    for g in golds {
        let n = |v: &serde_json::Value| v.as_u64().unwrap() as usize;
        let mut spans = vec![(n(&g["start"]), n(&g["end"]))];
        for a in g["accept"].as_array().into_iter().flatten() {
            spans.push((n(&a["start"]), n(&a["end"])));
        }
        if let Some(p) = got.iter().find(|p| spans.contains(&(p.0, p.1)) && p.2 == g["label"]) {
            exact += 1;
            canonical_ok += (p.3 == g["canonical"].as_str().unwrap()) as usize;
        }
    }
    assert!(exact >= 40, "{exact} of {} exact", golds.len());
    assert_eq!(canonical_ok, exact, "every canonical right");
}

#[test]
fn committed_models_load_fast_and_record_their_data() {
    for (lang, files) in [
        (Lang::Fr, &["wikineural-dev", "hipe2020-train", "europeana-train", "newseye-dev2"][..]),
        (Lang::En, &["conll2003-train", "wikineural-dev"][..]),
    ] {
        let bytes: &[u8] = match lang {
            Lang::En => include_bytes!("../models/en.bin"),
            _ => include_bytes!("../models/fr.bin"),
        };
        let started = Instant::now();
        let model = Model::from_bytes(bytes).expect("committed model parses");
        assert!(started.elapsed() < Duration::from_millis(300));
        assert!(bytes.len() <= 25_000_000);
        let meta = &model.metadata;
        assert!(meta.contains(&format!("lang={}", lang.as_str())), "{meta}");
        // The data hashes recorded are those of the files in ../shared/data, when present.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ner").join(lang.as_str());
        for f in files {
            let Ok(data) = std::fs::read(dir.join(format!("{f}.conll"))) else {
                assert!(meta.contains(&format!("{f}:")), "{meta}");
                continue;
            };
            let recorded = format!("{f}:{}", train::data_hash(&data));
            assert!(meta.contains(&recorded), "{meta} lacks {recorded}");
        }
        assert!(model.weights.iter().any(|&w| w != 0));
    }
}

#[test]
fn multibyte_text_keeps_offsets_on_boundaries() {
    let text =
        "« Le président russe Vladimir Poutine » a reçu l’OTAN à Moscou\u{a0}; 🙂 Kim Jong-un\u{202f}! Ça va, Zoë ?";
    let out = run(text, Lang::Fr);
    assert!(out.iter().any(|e| &text[e.span.start..e.span.end] == "Vladimir Poutine"));
}

#[test]
fn headlines_in_capitals_still_find_names() {
    let out = run("LA RUSSIE ET LA CORÉE DU NORD SIGNENT UN TRAITÉ À PYONGYANG", Lang::Fr);
    let names: Vec<&str> = out.iter().map(|e| e.canonical.as_str()).collect();
    assert!(names.contains(&"RUSSIE"), "{names:?}");
}

#[test]
fn hostile_input_does_not_panic() {
    let no_spaces = "LaRussieetlaCoréeduNordontsignéuntraité".repeat(200);
    let ocr = "M . Emile Lau¬ rent, à Lau- sanne ,, l'Impar- tial ;; 1Ö0 fr. «» ’’ — ∑ \u{0} \u{feff}";
    for text in [no_spaces.as_str(), ocr, "", " ", "\n\n\n", "É", "🙂🙂🙂", "M.", "A B C D E F G"] {
        run(text, Lang::Fr);
        run(text, Lang::En);
    }
    let doc = Document::from_tokens("t", &["", "Paris", "\u{a0}", "🙂"], Some(Lang::Fr));
    entities(&doc);
}

#[test]
fn one_long_paragraph_runs_in_linear_time() {
    let sentence = "Le ministre Andrei Belousov a rencontré Kim Jong-un à Pyongyang, a rapporté l’agence TASS ";
    let time = |n: usize| {
        let text = sentence.repeat(n);
        let started = Instant::now();
        let found = run(&text, Lang::Fr).len();
        (started.elapsed(), found)
    };
    let (small, found_small) = time(1_000);
    let (big, found_big) = time(4_000);
    assert!(found_big >= found_small * 3);
    // Four times the text should take about four times as long, far from sixteen.
    assert!(big < small * 10 + Duration::from_millis(50), "{small:?} -> {big:?}");
}

#[test]
fn named_ministries_are_organizations_and_portfolios_are_not_names() {
    let out = run("Selon le ministère français de l’Intérieur, la réunion a eu lieu à Paris.", Lang::Fr);
    let found: Vec<(&str, EntityLabel)> = out
        .iter()
        .map(|e| {
            (
                &"Selon le ministère français de l’Intérieur, la réunion a eu lieu à Paris."[e.span.start..e.span.end],
                e.label,
            )
        })
        .collect();
    assert!(found.contains(&("ministère français de l’Intérieur", ORG)), "{found:?}");
    let out = run("ministère de la Défense (Russie)", Lang::Fr);
    assert_eq!(out.first().map(|e| e.canonical.as_str()), Some("ministère de la Défense"));
    let text = "Le ministre de la Culture Jean Dupuis Martin a parlé. Jean Dupuis Martin est arrivé à Lyon.";
    let people: Vec<&str> =
        run(text, Lang::Fr).into_iter().filter(|e| e.label == PER).map(|e| &text[e.span.start..e.span.end]).collect();
    assert!(people.iter().all(|p| !p.contains("Culture")), "{people:?}");
}

#[test]
fn unknown_language_picks_the_model_whose_lexicon_fits() {
    let en = Document::from_tokens("t", &["SOCCER", "-", "JAPAN", "GET", "LUCKY", "WIN", "."], Some(Lang::Other));
    assert!(std::ptr::eq(model_for_document(&en), model_for(Lang::En)));
    let fr = Document::from_tokens("t", &["Le", "maire", "de", "Quimper", "quitte", "le", "parti"], Some(Lang::Other));
    assert!(std::ptr::eq(model_for_document(&fr), model_for(Lang::Fr)));
}

#[test]
fn facilities_are_places_with_their_noun() {
    let text = "L’avion s’est posé à l’aéroport international de Genève dans la soirée.";
    let got: Vec<(&str, EntityLabel)> =
        run(text, Lang::Fr).iter().map(|e| (&text[e.span.start..e.span.end], e.label)).collect();
    assert_eq!(got, [("aéroport international de Genève", LOC)]);
}

/// `windows` over the whole text taken as one sentence: the token texts that
/// open each window after the first.
fn check_cuts(text: &str, expected_openers: &[&str]) {
    let doc = Document::new("t", text, Some(Lang::Fr));
    let all = 0..doc.tokens.len();
    let windows: Vec<Range<usize>> = windows(&doc, all.clone()).collect();
    assert_eq!(windows.first().map(|w| w.start), Some(0));
    assert_eq!(windows.last().map(|w| w.end), Some(all.end));
    for pair in windows.windows(2) {
        assert_eq!(pair[0].end, pair[1].start, "windows must tile the sentence");
    }
    assert!(windows.iter().all(|w| !w.is_empty() && w.len() <= MAX_WINDOW));
    let openers: Vec<&str> = windows[1..].iter().map(|w| doc.token_text(w.start)).collect();
    assert_eq!(openers, expected_openers);
}

#[test]
fn sentences_without_stops_are_tagged_in_bounded_windows() {
    // Short sentences are one window.
    check_cuts("Jean Dupont est à Paris", &[]);
    // 400 tokens of names: no safe cut, so a hard cut at the limit.
    check_cuts(&"Jean Dupont ".repeat(200), &["Jean"]);
    // A comma near the limit takes the cut; a particle (`de`) never does.
    let unit = "Charles de Gaulle de Paris , ";
    check_cuts(&unit.repeat(110), &[",", ","]);
    // Names on both sides of the cuts are still found, with their offsets.
    let text = "Emmanuel Macron a rencontré Olaf Scholz à Berlin et ".repeat(60);
    let found = run(&text, Lang::Fr);
    assert_eq!(found.iter().filter(|e| &text[e.span.start..e.span.end] == "Olaf Scholz").count(), 60);
}
