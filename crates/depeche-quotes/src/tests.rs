//! Tests as data: a text, the entities to put in its layer (every occurrence
//! of a surface form), and the quotes expected, one line each:
//! `kind: content | speaker | speaker_name | speaker_type | cue | reported_by`.

use super::*;
use depeche_core::{Entity, EntityLabel, Span};

fn entities_for(text: &str, given: &[(&str, &str, &str)]) -> Vec<Entity> {
    let mut out = Vec::new();
    for (id, (surface, label, canonical)) in given.iter().enumerate() {
        for (at, _) in text.match_indices(surface) {
            out.push(Entity {
                span: Span::new(at, at + surface.len()),
                label: EntityLabel::parse(label).expect("label"),
                canonical: canonical.to_string(),
                entity_id: id as u32,
                score: None,
            });
        }
    }
    out.sort_by_key(|e| e.span.start);
    out
}

fn render(doc: &Document, q: &Quote) -> String {
    let part = |s: Option<Span>| s.map_or("-".to_string(), |s| doc.slice(s).to_string());
    format!(
        "{}: {} | {} | {} | {} | {} | {}",
        serde_json::to_value(q.kind).unwrap().as_str().unwrap(),
        doc.slice(q.span),
        part(q.speaker),
        q.speaker_name.as_deref().unwrap_or("-"),
        q.speaker_type.map(|t| serde_json::to_value(t).unwrap().as_str().unwrap().to_string()).unwrap_or("-".into()),
        part(q.cue),
        part(q.reported_by),
    )
}

fn check(text: &str, entities: &[(&str, &str, &str)], expected: &[&str]) {
    let doc = Document::new("t", text, None);
    let mut layers = Layers { entities: Some(entities_for(text, entities)), ..Layers::default() };
    QuotesExtractor.extract(&doc, &mut layers).unwrap();
    let got: Vec<String> = layers.quotes().iter().map(|q| render(&doc, q)).collect();
    for q in layers.quotes() {
        for s in [Some(q.span), q.speaker, q.cue, q.reported_by].into_iter().flatten() {
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
    assert_eq!(got, expected, "\ntext: {text}");
}

const SEED: &str = include_str!("../../../fixtures/000_ee3f1e022047f0f8.txt");

#[test]
fn seed_article() {
    let entities = [
        ("Andrei Belousov", "PER", "Andrei Belousov"),
        ("Belousov", "PER", "Andrei Belousov"),
        ("TASS", "ORG", "TASS"),
        ("Vladimir Poutine", "PER", "Vladimir Poutine"),
    ];
    let doc = Document::new("seed", SEED, None);
    let mut layers = Layers { entities: Some(entities_for(SEED, &entities)), ..Layers::default() };
    QuotesExtractor.extract(&doc, &mut layers).unwrap();
    let got: Vec<String> = layers.quotes().iter().map(|q| render(&doc, q)).collect();
    let expected = [
        "direct: la Russie et la Corée du Nord sont de bons voisins et de vieux amis | Belousov | Andrei Belousov | person | a déclaré | TASS",
        "indirect: l’Allemagne a commencé à planifier le déploiement potentiel de jusqu’à 800 000 troupes de l’OTAN en Ukraine, y compris des forces américaines | Des documents secrets récemment révélés | - | document | ont indiqué | -",
        "fragment: vieille amitié | - | Andrei Belousov | person | - | -",
    ];
    assert_eq!(got, expected);
}

#[test]
fn french_direct_quotes_with_inversion_and_incise() {
    check(
        "« Nous ne céderons pas », a affirmé Marie Dupont jeudi. « C’est notre devoir, a-t-elle ajouté, et nous le ferons. »",
        &[("Marie Dupont", "PER", "Marie Dupont")],
        &[
            "direct: Nous ne céderons pas | Marie Dupont | Marie Dupont | person | a affirmé | -",
            "direct: C’est notre devoir, a-t-elle ajouté, et nous le ferons. | elle | Marie Dupont | person | a-t-elle ajouté | -",
        ],
    );
}

#[test]
fn french_reported_speech_and_sources() {
    check(
        "Selon le ministère, la croissance ralentira en 2025. Le chômage va baisser, estime Jean Martin. Une source proche du dossier a indiqué que l’accord était prêt.",
        &[("Jean Martin", "PER", "Jean Martin")],
        &[
            "indirect: la croissance ralentira en 2025 | le ministère | - | organization | Selon | -",
            "indirect: Le chômage va baisser | Jean Martin | Jean Martin | person | estime | -",
            "indirect: l’accord était prêt | Une source proche du dossier | - | anonymous | a indiqué | -",
        ],
    );
}

#[test]
fn english_quotes_said_told_according_to() {
    check(
        "\"We will win,\" Trump said on Tuesday. \"They know it.\"\n\nClinton told reporters that the plan was a disaster. The economy grew, according to the report.",
        &[("Trump", "PER", "Donald Trump"), ("Clinton", "PER", "Hillary Clinton")],
        &[
            "direct: We will win,\" Trump said on Tuesday. \"They know it. | Trump | Donald Trump | person | said | -",
            "indirect: the plan was a disaster | Clinton | Hillary Clinton | person | told | -",
            "indirect: The economy grew | the report | - | document | according to | -",
        ],
    );
}

#[test]
fn english_relative_clauses_adverbial_tails_and_typewriter_marks() {
    check(
        "Jane Roe, who said the vote was rigged, left early. ''It is over,'' Mr. Smith said in a statement. The United States said nothing.",
        &[],
        &[
            "indirect: the vote was rigged | who | Jane Roe | person | said | -",
            "direct: It is over, | Mr. Smith | Smith | person | said | -",
        ],
    );
}

#[test]
fn french_impersonal_sources_secondary_media_and_pour() {
    check(
        "Le président recevra mercredi son homologue, a-t-on appris auprès de l'entourage du président. \
         « On peut gagner des mairies », a précisé au Monde, daté de mardi, Florian Philippot, vice-président du parti. \
         Pour Jean Dupont, il faut que l'UMP ait réglé « 80 % des investitures » en juin.",
        &[],
        &[
            "indirect: Le président recevra mercredi son homologue | l'entourage du président | - | - | a-t-on appris | -",
            "direct: On peut gagner des mairies | Florian Philippot | Florian Philippot | person | a précisé | Monde",
            "mixed: il faut que l'UMP ait réglé « 80 % des investitures » en juin | Jean Dupont | Jean Dupont | person | Pour | -",
        ],
    );
}

#[test]
fn french_fragments_after_an_infinitive_cue() {
    check(
        "Moaz al-Khatib a succédé à Ali, qui avait démissionné pour dénoncer « l'inaction » de la communauté.",
        &[("Ali", "PER", "Ali Baba")],
        &["fragment: l'inaction | qui | Ali Baba | person | dénoncer | -"],
    );
}

#[test]
fn attributions_between_commas_report_the_whole_sentence() {
    check(
        "The latest test, North Korea said, was its biggest yet.",
        &[("North Korea", "LOC", "North Korea")],
        &["indirect: The latest test, North Korea said, was its biggest yet | North Korea | North Korea | organization | said | -"],
    );
    check(
        "La croissance de la France, a-t-il dit, ralentira fortement dans les mois qui viennent.",
        &[],
        &["indirect: La croissance de la France, a-t-il dit, ralentira fortement dans les mois qui viennent | il | - | person | a-t-il dit | -"],
    );
}

#[test]
fn speakers_are_named_without_an_entities_layer() {
    check(
        "Le ministre Jean-Pierre Raffin a visité Lyon. Raffin a déclaré que « tout va bien ».",
        &[],
        &["direct: tout va bien | Raffin | Jean-Pierre Raffin | person | a déclaré | -"],
    );
}

#[test]
fn multibyte_and_odd_spaces_keep_offsets() {
    check(
        "«\u{202f}Ça marche 🙂\u{202f}», a dit l’élève.",
        &[],
        &["direct: Ça marche 🙂 | l’élève | - | - | a dit | -"],
    );
}

#[test]
fn never_panics_and_stays_linear_on_pathological_input() {
    for unit in [
        "« ",
        "\" ",
        "“ a ",
        "selon ",
        "a déclaré que ",
        ", said ",
        "— ",
        "Smith: ",
        "he said ",
        "according to ",
        "« a » a-t-il dit ",
        "Jean Dupont, a dit jeudi ",
        "(a) — said ",
    ] {
        let text = unit.repeat(10_000);
        let started = std::time::Instant::now();
        let doc = Document::new("p", text, Some(Lang::Fr));
        let _ = extract_quotes(&doc, &[]);
        assert!(started.elapsed().as_millis() < 1_000, "{unit:?}");
    }
    let many_quotes = "Jean Dupont a dit que tout va bien. Il a ajouté : « Oui ». ".repeat(3_000);
    let started = std::time::Instant::now();
    let doc = Document::new("q", many_quotes, Some(Lang::Fr));
    assert_eq!(extract_quotes(&doc, &[]).len(), 6_000);
    assert!(started.elapsed().as_millis() < 2_000);
    for text in ["", "«", "»", "« »", "\"", "a-t-il", "selon", "— ", "said"] {
        let doc = Document::new("p", text, None);
        let _ = extract_quotes(&doc, &[]);
    }
}

#[test]
fn inverted_subject_after_time_words_and_adverbial_groups() {
    check(
        "« Nous ne céderons pas », a déclaré jeudi Emmanuel Macron à Bruxelles.",
        &[("Emmanuel Macron", "PER", "Emmanuel Macron")],
        &["direct: Nous ne céderons pas | Emmanuel Macron | Emmanuel Macron | person | a déclaré | -"],
    );
    check(
        "« Le texte sera voté », a assuré mardi soir devant la presse le Premier ministre.",
        &[],
        &["direct: Le texte sera voté | le Premier ministre | - | person | a assuré | -"],
    );
}

#[test]
fn speech_like_quotations_next_to_a_cue_are_direct_without_a_speaker() {
    check(
        "« Nous irons jusqu’au bout », a déclaré hier soir.",
        &[],
        &["direct: Nous irons jusqu’au bout | - | - | - | a déclaré | -"],
    );
    check(
        "The crowd grew. Then, loudly: \"Go home now, all of you.\"",
        &[],
        &["direct: Go home now, all of you. | - | - | - | : | -"],
    );
}

#[test]
fn inverted_pronoun_refers_to_the_subject_of_the_preceding_clause() {
    check(
        "Kim Jong-un a reçu Vladimir Poutine à Pyongyang 🇰🇵 : « C’est un honneur », a-t-il dit… Coût : 3\u{202f}000\u{a0}€.",
        &[("Kim Jong-un", "PER", "Kim Jong-un"), ("Vladimir Poutine", "PER", "Vladimir Poutine")],
        &["direct: C’est un honneur | il | Kim Jong-un | person | a-t-il dit | -"],
    );
    check(
        "Marie Curie a visité Lyon avec Paul Durand. « Je reviendrai », a-t-elle promis.",
        &[],
        &["direct: Je reviendrai | elle | Marie Curie | person | a-t-elle promis | -"],
    );
}

#[test]
fn english_subject_with_appositions_before_the_cue() {
    check(
        "But Jane Roe, acting director of the group, which organized the letter, said Smith's answer was weak.",
        &[],
        &["indirect: Smith's answer was weak | Jane Roe, acting director of the group, which organized the letter | Jane Roe | person | said | -"],
    );
    check(
        "\"It is over,\" said conservative activist Bob Klaus, who backs no one.",
        &[],
        &["direct: It is over, | conservative activist Bob Klaus | Bob Klaus | person | said | -"],
    );
}
