//! Tests as data: annotated snippets and the stance records expected from them.
//!
//! Snippet syntax: `[Andrei Belousov|PER]` is an entity mention (canonical form
//! after a second `|` if it differs), `{{Trump}}` is a target (target mode),
//! `<<...>>` is a quote's content and the speaker is the entity marked `@`
//! (`[@Belousov|PER]`). Expected records read `holder -> target polarity`.

use crate::StanceExtractor;
use depeche_core::{Document, Entity, EntityLabel, Extractor, Holder, Lang, Layers, Polarity, Quote, QuoteKind, Span};

/// A parsed snippet: plain text, entities, quotes and targets.
struct Snippet {
    doc: Document,
    layers: Layers,
}

fn parse(annotated: &str, lang: Lang) -> Snippet {
    let mut text = String::new();
    let mut entities = Vec::new();
    let mut targets = Vec::new();
    let mut quote_spans = Vec::new();
    let mut speaker = None;
    let mut rest = annotated;
    let mut quote_start = 0;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("{{") {
            let end = r.find("}}").expect("closing }}");
            let start = text.len();
            text.push_str(&r[..end]);
            targets.push(Span::new(start, text.len()));
            rest = &r[end + 2..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']').expect("closing ]");
            let mut parts = r[..end].split('|');
            let mut surface = parts.next().unwrap();
            let is_speaker = surface.starts_with('@');
            surface = surface.trim_start_matches('@');
            let label = EntityLabel::parse(parts.next().unwrap()).unwrap();
            let canonical = parts.next().unwrap_or(surface).to_string();
            let start = text.len();
            text.push_str(surface);
            let span = Span::new(start, text.len());
            if is_speaker {
                speaker = Some(span);
            }
            entities.push(Entity { span, label, entity_id: entities.len() as u32, canonical, score: None });
            rest = &r[end + 1..];
        } else if let Some(r) = rest.strip_prefix("<<") {
            quote_start = text.len();
            rest = r;
        } else if let Some(r) = rest.strip_prefix(">>") {
            quote_spans.push(Span::new(quote_start, text.len()));
            rest = r;
        } else {
            let c = rest.chars().next().unwrap();
            text.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    let mut doc = Document::new("t", text, Some(lang));
    doc.targets = targets;
    let quotes = quote_spans
        .into_iter()
        .map(|span| Quote {
            span,
            kind: QuoteKind::Direct,
            speaker,
            speaker_name: None,
            speaker_type: None,
            cue: None,
            reported_by: None,
        })
        .collect();
    let layers = Layers { entities: Some(entities), quotes: Some(quotes), ..Layers::default() };
    Snippet { doc, layers }
}

fn polarity_word(p: Polarity) -> &'static str {
    match p {
        Polarity::Favor => "favor",
        Polarity::Against => "against",
        Polarity::Neutral => "neutral",
    }
}

/// Runs the extractor on a snippet and renders its records.
fn run(annotated: &str, lang: Lang) -> (Document, Layers) {
    let Snippet { doc, mut layers } = parse(annotated, lang);
    StanceExtractor.extract(&doc, &mut layers).unwrap();
    check_spans(&doc, &layers);
    (doc, layers)
}

fn render(doc: &Document, layers: &Layers) -> Vec<String> {
    layers
        .stance
        .as_deref()
        .unwrap_or(&[])
        .iter()
        .map(|s| {
            format!(
                "{} -> {} {}",
                s.holder.display_name(&doc.text),
                s.target.display_name(&doc.text),
                polarity_word(s.polarity)
            )
        })
        .collect()
}

/// Every span lies on char boundaries inside the text.
fn check_spans(doc: &Document, layers: &Layers) {
    let ok = |s: Span| {
        s.start <= s.end
            && s.end <= doc.text.len()
            && doc.text.is_char_boundary(s.start)
            && doc.text.is_char_boundary(s.end)
    };
    for st in layers.stance.as_deref().unwrap_or(&[]) {
        assert!(ok(st.target.span));
        assert!(st.cues.iter().all(|&c| ok(c)));
        if let Holder::Mention(m) = &st.holder {
            assert!(ok(m.span));
        }
    }
    if let Some(t) = &layers.tone {
        assert!(t.cues.iter().all(|&c| ok(c)));
    }
}

/// Open mode: the records found must be exactly `expected` (in any order).
fn check(annotated: &str, lang: Lang, expected: &[&str]) {
    let (doc, layers) = run(annotated, lang);
    let mut got = render(&doc, &layers);
    got.sort();
    let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(got, want, "in {annotated:?}");
}

/// Target mode: the polarity of each `{{target}}`, in order.
fn check_targets(annotated: &str, lang: Lang, expected: &[Polarity]) {
    let (_, layers) = run(annotated, lang);
    let got: Vec<Polarity> = layers.stance.unwrap().iter().map(|s| s.polarity).collect();
    assert_eq!(got, expected, "in {annotated:?}");
}

#[test]
fn open_mode_patterns_in_french() {
    use Lang::Fr;
    check(
        "[@Belousov|PER|Andrei Belousov] a déclaré que « <<la [Corée du Nord|LOC] est un vieil ami fidèle et précieux>> ».",
        Fr,
        &["Andrei Belousov -> Corée du Nord favor"],
    );
    check(
        "Des responsables militaires nord-coréens ont exprimé un soutien total à l’armée et au peuple russes.",
        Fr,
        &["Corée du Nord -> Russie favor"],
    );
    check("La vigilance s’impose face à l’agression continue de la [Russie|LOC].", Fr, &["(author) -> Russie against"]);
    check(
        "Les troupes aident la [Russie|LOC] dans sa guerre contre l’[Ukraine|LOC].",
        Fr,
        &["Russie -> Ukraine against"],
    );
    check(
        "La [Russie|LOC] et la [Corée du Nord|LOC] sont connues comme des adversaires des [États-Unis|LOC].",
        Fr,
        &["Russie -> États-Unis against"],
    );
    check(
        "[Macron|PER|Emmanuel Macron] condamne fermement l’[Iran|LOC] et salue le courage de l’[Ukraine|LOC].",
        Fr,
        &["Emmanuel Macron -> Iran against", "Emmanuel Macron -> Ukraine favor"],
    );
    check(
        "Le [Parti socialiste|ORG] ne soutient pas la [Commission européenne|ORG].",
        Fr,
        &["Parti socialiste -> Commission européenne against"],
    );
}

#[test]
fn open_mode_finds_holders_beyond_the_first_name() {
    use Lang::Fr;
    check(
        "Le renforcement des liens entre la [Russie|LOC] et la [Corée du Nord|LOC] a suscité des inquiétudes parmi les responsables américains.",
        Fr,
        &["États-Unis -> Russie against"],
    );
    check(
        "Sur les ondes de [RTL|ORG], [Aurélie Filippetti|PER], porte-parole de [Benoît Hamon|PER], a fustigé la tribune de [Manuel Valls|PER].",
        Fr,
        &["Aurélie Filippetti -> Manuel Valls against"],
    );
    check(
        "Cette charge n’a pas laissé indifférente [Cécile Duflot|PER], soutien de [Benoît Hamon|PER].",
        Fr,
        &["Cécile Duflot -> Benoît Hamon favor"],
    );
    check(
        "L’ancien ministre [Vincent Peillon|PER] a reçu le soutien de [Anne Hidalgo|PER].",
        Fr,
        &["Anne Hidalgo -> Vincent Peillon favor"],
    );
    check(
        "[Jean-Yves Le Drian|PER], ministre de [François Hollande|PER], va apporter son soutien à [Manuel Valls|PER].",
        Fr,
        &["Jean-Yves Le Drian -> Manuel Valls favor"],
    );
    check(
        "Les manifestants défilent à [Lyon|LOC] contre la réforme, et l’offensive menée depuis des mois contre [Taubira|PER] continue.",
        Fr,
        &[],
    );
}

#[test]
fn open_mode_patterns_in_english() {
    use Lang::En;
    check("[Biden|PER|Joe Biden] condemned [Moscow|LOC] on Tuesday.", En, &["Joe Biden -> Moscow against"]);
    check("Officials warned of Russian aggression near the border.", En, &["(author) -> Russia against"]);
    check("[Germany|LOC] voiced strong support for [Kyiv|LOC].", En, &["Germany -> Kyiv favor"]);
}

#[test]
fn open_mode_without_entities_falls_back_on_capitalized_names() {
    let (doc, mut layers) = {
        let doc = Document::new(
            "t",
            "Andrei Belousov est arrivé. Selon lui, Belousov dit que « la Corée du Nord est une amie fidèle et précieuse ».",
            Some(Lang::Fr),
        );
        (doc, Layers::default())
    };
    StanceExtractor.extract(&doc, &mut layers).unwrap();
    check_spans(&doc, &layers);
    assert_eq!(render(&doc, &layers), ["Andrei Belousov -> Corée du Nord favor"]);
}

#[test]
fn target_mode_gives_one_record_per_target_in_order() {
    use Polarity::{Against, Favor};
    check_targets(
        "Critics said {{Trump}} lied repeatedly and his policies were a disaster, while {{Obama}} was praised as a brilliant, admired leader.",
        Lang::En,
        &[Against, Favor],
    );
    check_targets("{{Le gouvernement}} est accusé d’un échec honteux et catastrophique.", Lang::Fr, &[Against]);
}

#[test]
fn spans_hold_on_multibyte_text() {
    let (doc, layers) = run(
        "🙂 [Ré\u{ad}mi|PER] a salué\u{a0}le travail\u{202f}remarquable de l’[Élysée|ORG] « <<formidable>> » 🎉.",
        Lang::Fr,
    );
    assert!(!render(&doc, &layers).is_empty());
    let (_, layers) = run("Le {{pôle Nord}} 🌍\u{a0}est magnifique ’’ « »", Lang::Fr);
    assert_eq!(layers.stance.unwrap().len(), 1);
}

#[test]
fn never_panics_and_stays_linear_on_odd_input() {
    let odd = [
        String::new(),
        "«««««".to_string(),
        "» contre".to_string(),
        "contre contre contre".repeat(2000),
        "A B C D E F G ".repeat(3000),
        "« ".repeat(5000) + &"» ".repeat(5000),
        "l’agression de la Russie, soutien à la Russie. ".repeat(1000),
    ];
    for text in odd {
        let doc = Document::new("odd", text, Some(Lang::Fr));
        let mut layers = Layers::default();
        let start = std::time::Instant::now();
        StanceExtractor.extract(&doc, &mut layers).unwrap();
        assert!(start.elapsed().as_secs() < 5);
        check_spans(&doc, &layers);
    }
}

#[test]
fn many_entities_in_one_sentence_without_stops_stay_linear() {
    // Every word an entity, no full stop: each target reads a bounded
    // context, not the whole "sentence" (this took minutes before).
    let text = "Paris soutient Londres contre Berlin ".repeat(4000);
    let doc = Document::new("caps", text, Some(Lang::Fr));
    let entities: Vec<Entity> = (0..doc.tokens.len())
        .filter(|&i| doc.token_text(i).starts_with(char::is_uppercase))
        .map(|i| Entity {
            span: doc.tokens[i].span,
            label: EntityLabel::LOC,
            canonical: doc.token_text(i).to_string(),
            entity_id: 0,
            score: None,
        })
        .collect();
    let mut layers = Layers { entities: Some(entities), quotes: Some(Vec::new()), ..Layers::default() };
    let start = std::time::Instant::now();
    StanceExtractor.extract(&doc, &mut layers).unwrap();
    assert!(start.elapsed().as_secs() < 5, "took {:?}", start.elapsed());
    check_spans(&doc, &layers);
}

#[test]
fn bad_spans_from_other_layers_are_ignored() {
    let doc = Document::new("t", "Élu à Paris, il condamne « l’Élysée ».", Some(Lang::Fr));
    let bad = Span::new(1, 3); // inside `É`
    let mut layers = Layers {
        entities: Some(vec![Entity {
            span: bad,
            label: EntityLabel::PER,
            canonical: String::new(),
            entity_id: 0,
            score: None,
        }]),
        quotes: Some(vec![Quote {
            span: Span::new(0, 400),
            kind: QuoteKind::Direct,
            speaker: Some(bad),
            speaker_name: None,
            speaker_type: None,
            cue: None,
            reported_by: None,
        }]),
        ..Layers::default()
    };
    StanceExtractor.extract(&doc, &mut layers).unwrap();
    check_spans(&doc, &layers);
}

#[test]
fn output_is_deterministic() {
    let text = "[Paris|LOC] condamne [Moscou|LOC] et soutient [Kiev|LOC]. [Berlin|LOC] salue [Kiev|LOC].";
    let a = run(text, Lang::Fr).1;
    let b = run(text, Lang::Fr).1;
    assert_eq!(a, b);
}
