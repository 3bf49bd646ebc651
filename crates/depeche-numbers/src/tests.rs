//! Tests as data: annotated snippets checked by one helper, plus bad input.

use crate::find;
use depeche_core::{Bound, Lang, NumberValue};

/// `expected`: (span text, kind, value) for every figure, in text order;
/// `None` values are intervals, relative ordinals or dates.
fn check(lang: Lang, input: &str, expected: &[(&str, &str, Option<f64>)]) {
    let found = find(input, lang);
    for m in &found {
        assert!(input.is_char_boundary(m.span.start) && input.is_char_boundary(m.span.end));
    }
    let got: Vec<(&str, &str, Option<f64>)> = found
        .iter()
        .map(|m| {
            let v = match m.value {
                NumberValue::Number(x) => Some(x),
                _ => None,
            };
            (m.span.slice(input), m.kind.as_str(), v)
        })
        .collect();
    assert_eq!(got, expected, "in {input:?}");
}

const FR: Lang = Lang::Fr;
const EN: Lang = Lang::En;

#[test]
fn digits_with_every_separator() {
    check(FR, "800 000", &[("800 000", "cardinal", Some(800000.0))]);
    check(FR, "800\u{a0}000", &[("800\u{a0}000", "cardinal", Some(800000.0))]);
    check(FR, "800\u{202f}000", &[("800\u{202f}000", "cardinal", Some(800000.0))]);
    check(FR, "1.234.567", &[("1.234.567", "cardinal", Some(1234567.0))]);
    check(EN, "1,234,567", &[("1,234,567", "cardinal", Some(1234567.0))]);
    check(FR, "3,5", &[("3,5", "cardinal", Some(3.5))]);
    check(EN, "3.5", &[("3.5", "cardinal", Some(3.5))]);
    check(FR, "il fait -0,8", &[("-0,8", "cardinal", Some(-0.8))]);
    check(
        EN,
        "22,24,26",
        &[("22", "cardinal", Some(22.0)), ("24", "cardinal", Some(24.0)), ("26", "cardinal", Some(26.0))],
    );
}

#[test]
fn french_words() {
    check(FR, "quatre-vingt-dix-neuf", &[("quatre-vingt-dix-neuf", "cardinal", Some(99.0))]);
    check(FR, "vingt-et-un", &[("vingt-et-un", "cardinal", Some(21.0))]);
    check(FR, "soixante et onze", &[("soixante et onze", "cardinal", Some(71.0))]);
    check(FR, "cent-quarante-sept-mille", &[("cent-quarante-sept-mille", "cardinal", Some(147000.0))]);
    check(FR, "septante-deux", &[("septante-deux", "cardinal", Some(72.0))]);
    check(FR, "nonante", &[("nonante", "cardinal", Some(90.0))]);
    check(FR, "deux mille", &[("deux mille", "cardinal", Some(2000.0))]);
    check(FR, "un traité et une étape", &[]);
    check(FR, "un million", &[("un million", "cardinal", Some(1e6))]);
}

#[test]
fn english_words() {
    check(EN, "twenty-one", &[("twenty-one", "cardinal", Some(21.0))]);
    check(EN, "a hundred and five", &[("a hundred and five", "cardinal", Some(105.0))]);
    check(EN, "one thousand", &[("one thousand", "cardinal", Some(1000.0))]);
}

#[test]
fn scales_and_currencies() {
    check(FR, "1,5 million d’euros", &[("1,5 million d’euros", "currency", Some(1.5e6))]);
    check(FR, "2 milliards", &[("2 milliards", "cardinal", Some(2e9))]);
    check(FR, "3 Md€", &[("3 Md€", "currency", Some(3e9))]);
    check(EN, "1.5bn", &[("1.5bn", "cardinal", Some(1.5e9))]);
    check(EN, "$4.5m", &[("$4.5m", "currency", Some(4.5e6))]);
    check(EN, "£5", &[("£5", "currency", Some(5.0))]);
    check(FR, "200 francs suisses", &[("200 francs suisses", "currency", Some(200.0))]);
    let m = &find("€3", FR)[0];
    assert_eq!(m.iso.as_deref(), Some("EUR"));
}

#[test]
fn ordinals() {
    check(FR, "la troisième guerre", &[("troisième", "ordinal", Some(3.0))]);
    check(FR, "le 2e et le 2ème", &[("2e", "ordinal", Some(2.0)), ("2ème", "ordinal", Some(2.0))]);
    check(FR, "au XXIe siècle", &[("XXIe", "ordinal", Some(21.0))]);
    check(FR, "le Premier ministre", &[]);
    check(EN, "the 21st and third", &[("21st", "ordinal", Some(21.0)), ("third", "ordinal", Some(3.0))]);
    check(FR, "l’avant-dernier", &[("l’avant-dernier", "ordinal_relative", None)]);
    check(FR, "la semaine dernière", &[("dernière", "date", None)]);
}

#[test]
fn fractions_and_percents() {
    check(FR, "trois quarts", &[("trois quarts", "fraction", Some(0.75))]);
    check(FR, "deux tiers", &[("deux tiers", "fraction", Some(2.0 / 3.0))]);
    check(FR, "un et demi", &[("un et demi", "fraction", Some(1.5))]);
    check(EN, "3/4", &[("3/4", "fraction", Some(0.75))]);
    check(EN, "two-thirds", &[("two-thirds", "fraction", Some(2.0 / 3.0))]);
    check(FR, "30 %", &[("30 %", "percent", Some(30.0))]);
    check(FR, "trente pour cent", &[("trente pour cent", "percent", Some(30.0))]);
    check(EN, "30 per cent", &[("30 per cent", "percent", Some(30.0))]);
}

#[test]
fn ranges_and_bounds() {
    check(FR, "entre 10 et 20", &[("entre 10 et 20", "range", None)]);
    check(EN, "between 3 and 4", &[("between 3 and 4", "range", None)]);
    check(EN, "10-12", &[("10-12", "range", None)]);
    check(FR, "plus de 30", &[("plus de 30", "range", None), ("30", "cardinal", Some(30.0))]);
    check(EN, "about 40", &[("40", "cardinal", Some(40.0))]);
    let found = find("jusqu’à 800 000 troupes", FR);
    let m = found.iter().find(|m| m.kind.as_str() == "cardinal").unwrap();
    assert_eq!(m.bound, Some(Bound::Max));
    assert_eq!(m.qualifier.as_deref(), Some("jusqu’à"));
    assert_eq!(m.unit.as_deref(), Some("troupes"));
    let r = found.iter().find(|m| m.kind.as_str() == "range").unwrap();
    assert_eq!((r.min, r.max), (None, Some(800000.0)));
}

#[test]
fn units_ages_durations() {
    check(FR, "cinq mois", &[("cinq mois", "duration", Some(5.0))]);
    check(EN, "3 years", &[("3 years", "duration", Some(3.0))]);
    check(FR, "âgé de 45 ans", &[("45 ans", "age", Some(45.0))]);
    check(EN, "a 45-year-old man", &[("45-year-old", "age", Some(45.0))]);
    check(FR, "12 km", &[("12 km", "dimension", Some(12.0))]);
    check(FR, "20 °C", &[("20 °C", "temperature", Some(20.0))]);
}

#[test]
fn calendar_is_set_apart() {
    check(FR, "le 12 mars 2024", &[("12 mars 2024", "date", None)]);
    check(FR, "en 2019", &[("2019", "date", None)]);
    check(FR, "à 14h30", &[("14h30", "time", None)]);
    check(EN, "won 3-1", &[("3-1", "score", None)]);
    check(FR, "01 23 45 67 89", &[("01 23 45 67 89", "other", None)]);
}

#[test]
fn multibyte_text_keeps_char_boundaries() {
    check(FR, "« 🙂 » 3,5 km — é’", &[("3,5 km", "dimension", Some(3.5))]);
}

#[test]
fn words_that_are_not_numbers() {
    check(FR, "un bâtiment neuf", &[]);
    check(FR, "les neuf députés", &[("neuf", "cardinal", Some(9.0))]);
    check(FR, "attendez une seconde", &[]);
    check(FR, "la seconde guerre", &[("seconde", "ordinal", Some(2.0))]);
    check(FR, "le Covid-19 et TF1", &[("19", "other", None), ("1", "other", None)]);
    check(FR, "ce dernier", &[]);
    check(EN, "almost 30m euros", &[("30m euros", "currency", Some(3e7))]);
}

// ------------------------------------------------------------- bad input

#[test]
fn pathological_inputs_finish_with_sensible_output() {
    let digits = "9".repeat(100_000);
    let found = find(&digits, FR);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].span.len(), 100_000);

    let counting: String = (0..50_000).map(|i| format!("{} ", i % 10)).collect();
    assert_eq!(find(&counting, FR).len(), 50_000);

    let nested = format!("{}{}", "entre ".repeat(10_000), "1 et 2 ".repeat(10_000));
    assert!(!find(&nested, FR).is_empty());

    let separators = format!("1{}", " 000".repeat(100_000));
    let found = find(&separators, FR);
    assert_eq!(found.len(), 1);
}

#[test]
fn time_grows_linearly() {
    let unit = "Il y a entre 10 et 20 morts, jusqu’à 800 000 troupes, 1,5 million d’euros. ";
    let small = unit.repeat(200);
    let large = unit.repeat(2_000);
    let t0 = std::time::Instant::now();
    let a = find(&small, FR).len();
    let t_small = t0.elapsed();
    let t1 = std::time::Instant::now();
    let b = find(&large, FR).len();
    let t_large = t1.elapsed();
    assert_eq!(a * 10, b);
    assert!(t_large < t_small * 40 + std::time::Duration::from_millis(50));
}

#[test]
fn never_panics_on_token_soup() {
    const PIECES: &[&str] = &[
        "1",
        "22",
        "2019",
        "1 000",
        "3,5",
        "-",
        "–",
        "/",
        "%",
        "$",
        "€",
        "£",
        "°",
        "a",
        "an",
        "un",
        "une",
        "et",
        "and",
        "de",
        "d’",
        "l’",
        "entre",
        "between",
        "plus de",
        "jusqu’à",
        "ou plus",
        "or less",
        "égal à",
        "half",
        "demi",
        "quart",
        "tiers",
        "sur",
        "over",
        "point",
        "virgule",
        "moins",
        "minus",
        "vingt",
        "quatre",
        "cent",
        "mille",
        "million",
        "twenty",
        "hundred",
        "third",
        "fifths",
        "premier",
        "XXIe",
        "dernier",
        "avant",
        "last",
        "next",
        "one",
        "ans",
        "years",
        "old",
        "km",
        "h",
        "mars",
        "May",
        "(",
        ")",
        ".",
        ",",
        "é",
        "🙂",
        "\u{a0}",
        "\u{202f}",
        "k",
        "M",
        "bn",
        "USD",
        "à",
        "to",
        "la",
    ];
    let mut state: u64 = 42;
    for _ in 0..3_000 {
        let mut text = String::new();
        for _ in 0..8 {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let piece = PIECES[(state >> 33) as usize % PIECES.len()];
            let glue = (state >> 20).is_multiple_of(3);
            if !glue {
                text.push(' ');
            }
            text.push_str(piece);
        }
        for lang in [FR, EN, Lang::Other] {
            for m in find(&text, lang) {
                assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
                assert!(m.span.start < m.span.end, "{text:?}");
            }
            find(text.trim_end_matches(|c: char| !c.is_ascii_digit()), lang);
        }
    }
}

#[test]
fn change_verbs_give_step_and_level_not_range() {
    check(
        EN,
        "The Bank of England cut rates by 0.25 percentage points to 4.5%",
        &[("0.25 percentage points", "percent", Some(0.25)), ("4.5%", "percent", Some(4.5))],
    );
    check(FR, "Le chômage a baissé de 8 % à 7,5 %", &[("8 %", "percent", Some(8.0)), ("7,5 %", "percent", Some(7.5))]);
    check(EN, "sales rose 2% to $11.1bn", &[("2%", "percent", Some(2.0)), ("$11.1bn", "currency", Some(11.1e9))]);
    check(EN, "from 5% to 7%", &[("from 5% to 7", "range", None)]);
    check(FR, "de 5 à 8 ans", &[("5 à 8", "range", None)]);
    check(EN, "between 3 and 4 metres", &[("between 3 and 4", "range", None)]);
}

#[test]
fn degrees_are_angles_near_angle_words() {
    check(EN, "rotate 90 degrees", &[("90 degrees", "dimension", Some(90.0))]);
    check(EN, "turn a 45 degrees angle", &[("45 degrees", "dimension", Some(45.0))]);
    check(FR, "tourner à gauche à 45 degrés", &[("45 degrés", "dimension", Some(45.0))]);
    check(FR, "il fait 45 degrés à l’ombre", &[("45 degrés", "temperature", Some(45.0))]);
    check(EN, "The angle is 0.8rad", &[("0.8rad", "dimension", Some(0.8))]);
}

#[test]
fn compound_measures() {
    check(EN, "he is 5 ft 2 in", &[("5 ft 2 in", "dimension", Some(5.0 + 2.0 / 12.0))]);
    check(EN, "a 6 lb 4 oz baby", &[("6 lb 4 oz", "dimension", Some(6.25))]);
    check(EN, "12 ft in 2 days", &[("12 ft", "dimension", Some(12.0)), ("2 days", "duration", Some(2.0))]);
}

#[test]
fn digits_with_descending_scales() {
    check(EN, "4 thousand 3 hundred", &[("4 thousand 3 hundred", "cardinal", Some(4300.0))]);
    check(EN, "2 million 500 thousand", &[("2 million 500 thousand", "cardinal", Some(2_500_000.0))]);
    check(
        EN,
        "3 hundred 4 thousand",
        &[("3 hundred", "cardinal", Some(300.0)), ("4 thousand", "cardinal", Some(4000.0))],
    );
}

#[test]
fn before_the_last() {
    check(EN, "Show me the one before the last one.", &[("the one before the last one", "ordinal_relative", None)]);
    check(EN, "Show me the second to last.", &[("the second to last", "ordinal_relative", None)]);
    check(FR, "Montrez-moi celle d’avant la dernière.", &[("celle d’avant la dernière", "ordinal_relative", None)]);
    check(FR, "Celui d'avant le dernier est correct", &[("Celui d'avant le dernier", "ordinal_relative", None)]);
}

#[test]
fn digits_naming_things_are_not_quantities() {
    check(FR, "la présentation d'un Boeing 747 aux couleurs", &[("747", "other", None)]);
    check(EN, "under Article 50.", &[("50", "other", None)]);
    check(FR, "Environ 50 personnes", &[("50", "cardinal", Some(50.0))]);
    check(EN, "I count 6 crore", &[("6 crore", "cardinal", Some(6e7))]);
}

#[test]
fn million_currency_codes() {
    check(EN, "losses in excess of 30 MUSD were", &[("30 MUSD", "currency", Some(3e7))]);
    check(EN, "revenues of about MAUD 60", &[("MAUD 60", "currency", Some(6e7))]);
    check(EN, "totalling twenty MEUR", &[("twenty MEUR", "currency", Some(2e7))]);
    check(EN, "the MUST 60", &[("60", "other", None)]);
}

#[test]
fn digits_hundred_and_units() {
    check(EN, "3 hundred and 21 votes", &[("3 hundred and 21", "cardinal", Some(321.0))]);
}

#[test]
fn french_ages_beyond_il_a() {
    check(FR, "le bébé était seulement dix mois.", &[("dix mois", "age", Some(10.0))]);
    check(FR, "ils étaient plus jeunes que trois mois", &[("trois mois", "age", Some(3.0))]);
    check(FR, "il est parti depuis trois mois", &[("trois mois", "duration", Some(3.0))]);
}

#[test]
fn rates_over_time() {
    check(EN, "50 meters per millisecond", &[("50 meters per millisecond", "dimension", Some(50.0))]);
    check(EN, "50 km/ms all", &[("50 km/ms", "dimension", Some(50.0))]);
    check(EN, "50 centimeters/millisecond, or", &[("50 centimeters/millisecond", "dimension", Some(50.0))]);
    check(FR, "10 tonnes par jour", &[("10 tonnes", "dimension", Some(10.0))]);
}

#[test]
fn fractions_of_a_scale_and_symbol_cents() {
    check(EN, "two thirds of a million", &[("two thirds of a million", "fraction", Some(2e6 / 3.0))]);
    check(FR, "les deux tiers d'un million", &[("deux tiers d'un million", "fraction", Some(2e6 / 3.0))]);
    check(EN, "10 $ 30 cent", &[("10 $ 30 cent", "currency", Some(10.3))]);
    check(EN, "a third of the votes", &[("a third", "fraction", Some(1.0 / 3.0))]);
}

#[test]
fn new_english_paths_grow_linearly() {
    let unit = "the second to last, 4 thousand 3 hundred and 21, 5 ft 2 in, 30 MUSD, rose by 2% to 3%, 50 km/ms. ";
    let small = unit.repeat(200);
    let large = unit.repeat(2_000);
    let t0 = std::time::Instant::now();
    let a = find(&small, EN).len();
    let t_small = t0.elapsed();
    let t1 = std::time::Instant::now();
    let b = find(&large, EN).len();
    let t_large = t1.elapsed();
    assert_eq!(a * 10, b);
    assert!(t_large < t_small * 40 + std::time::Duration::from_millis(50));
}
