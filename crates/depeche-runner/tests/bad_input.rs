//! Bad input never stops a run and never loses a document: each bad record
//! becomes an error record naming it, and the exit code says so.

mod common;
use common::*;
use depeche_core::{Description, Document, ExtractError, Extractor, LayerKind, Layers};
use depeche_runner::{InputDoc, Pipeline, Record, Registry};

/// Runs `depeche run - --extractors numbers` on `stdin` and checks the
/// record ids (or `error:ID`) in order and the exit code.
fn check(stdin: &[u8], expected: &[&str], exit_code: i32) {
    let out = depeche(&["run", "-", "--extractors", "numbers", "--quiet"], stdin);
    let got: Vec<String> = records(&out)
        .iter()
        .map(|r| match r.get("error") {
            Some(_) => format!("error:{}", r["id"].as_str().unwrap()),
            None => r["id"].as_str().unwrap().to_string(),
        })
        .collect();
    assert_eq!(got, expected, "stderr: {}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(exit_code));
}

#[test]
fn good_records_pass_and_exit_zero() {
    check(b"{\"id\":\"a\",\"text\":\"Un.\"}\n\n{\"id\":\"b\",\"text\":\"Deux.\"}\n", &["a", "b"], 0);
}

#[test]
fn each_bad_line_is_an_error_record_and_the_run_goes_on() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"id\":\"ok1\",\"text\":\"Bonjour.\"}\n");
    input.extend_from_slice(b"{\"id\":\"utf8\",\"text\":\"caf\xe9\"}\n"); // invalid UTF-8
    input.extend_from_slice(b"{\"id\": \"broken\", \n"); // malformed JSON
    input.extend_from_slice(b"{\"id\":\"notext\"}\n");
    input.extend_from_slice(b"{\"id\":\"empty\",\"text\":\"  \"}\n");
    input.extend_from_slice(b"{\"id\":\"badtarget\",\"text\":\"abc\",\"targets\":[{\"start\":2,\"end\":9}]}\n");
    input.extend_from_slice(b"{\"id\":\"ok2\",\"text\":\"Fin.\"}\n");
    check(
        &input,
        &["ok1", "error:<stdin>:2", "error:<stdin>:3", "error:notext", "error:empty", "error:badtarget", "ok2"],
        1,
    );
}

#[test]
fn files_directories_and_unreadable_paths() {
    let dir = scratch("files");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("b.txt"), "Deuxième article.").unwrap();
    std::fs::write(dir.join("sub/a.jsonl"), "{\"id\":\"j1\",\"text\":\"Un.\"}\n").unwrap();
    std::fs::write(dir.join("bad.txt"), b"caf\xe9").unwrap();
    std::fs::write(dir.join("ignored.csv"), "x").unwrap();
    let missing = dir.join("missing.jsonl");
    let out = depeche(&["run", dir.to_str().unwrap(), missing.to_str().unwrap(), "--extractors", "numbers", "-q"], b"");
    let recs = records(&out);
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let d = dir.display();
    assert_eq!(ids, [format!("{d}/b.txt"), format!("{d}/bad.txt"), "j1".to_string(), missing.display().to_string()]);
    assert!(recs[1]["error"].as_str().unwrap().contains("invalid UTF-8"));
    assert!(recs[3]["error"].as_str().unwrap().contains("cannot open"));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_fifty_megabyte_document_is_refused_without_being_loaded() {
    let dir = scratch("big");
    let path = dir.join("big.jsonl");
    let big = format!(
        "{{\"id\":\"big\",\"text\":\"{}\"}}\n{{\"id\":\"after\",\"text\":\"Ensuite.\"}}\n",
        "a ".repeat(25_000_000)
    );
    std::fs::write(&path, big).unwrap();
    let out = depeche(&["run", path.to_str().unwrap(), "--extractors", "numbers", "-q"], b"");
    let recs = records(&out);
    assert_eq!(recs.len(), 2);
    assert!(recs[0]["error"].as_str().unwrap().contains("over the limit"), "{}", recs[0]);
    assert_eq!(recs[1]["id"], "after");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn gzip_input_is_streamed() {
    use std::io::Write;
    let dir = scratch("gz");
    let path = dir.join("docs.jsonl.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    for i in 0..50 {
        writeln!(gz, "{{\"id\":\"d{i}\",\"text\":\"Article numéro {i}.\"}}").unwrap();
    }
    std::fs::write(&path, gz.finish().unwrap()).unwrap();
    let out = depeche(&["run", path.to_str().unwrap(), "--extractors", "numbers", "-q", "--batch", "7"], b"");
    let ids: Vec<String> = records(&out).iter().map(|r| r["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, (0..50).map(|i| format!("d{i}")).collect::<Vec<_>>());
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn usage_errors_exit_two() {
    assert_eq!(depeche(&["run", "--extractors", "nope"], b"").status.code(), Some(2));
    assert_eq!(depeche(&["run", "--format", "xml"], b"").status.code(), Some(2));
    assert_eq!(depeche(&["frobnicate"], b"").status.code(), Some(2));
}

/// An extractor that panics on documents containing "boom".
struct Fragile;

impl Extractor for Fragile {
    fn describe(&self) -> Description {
        Description {
            name: "fragile",
            version: "0",
            requires: &[],
            produces: &[LayerKind::Custom("fragile")],
            summary: "",
        }
    }
    fn extract(&self, doc: &Document, _layers: &mut Layers) -> Result<(), ExtractError> {
        if doc.text.contains("boom") {
            panic!("boom at {}", doc.id);
        }
        Ok(())
    }
}

#[test]
fn a_panicking_extractor_fails_only_that_document() {
    let pipeline = Pipeline::new(Registry::builtin().with(Box::new(Fragile)), &["numbers", "fragile"]).unwrap();
    let outcomes: Vec<Record> = ["calme", "boom !", "encore calme"]
        .iter()
        .enumerate()
        .map(|(i, t)| pipeline.process(Ok(InputDoc::from_text(format!("d{i}"), *t))).record)
        .collect();
    assert!(!outcomes[0].is_error() && !outcomes[2].is_error());
    match &outcomes[1] {
        Record::Error { id, error } => {
            assert_eq!(id, "d1");
            assert!(error.contains("extractor `fragile` panicked: boom at d1"), "{error}");
        }
        other => panic!("expected an error record, got {other:?}"),
    }
}

/// Puts an entity inside a token and a number across two tokens.
struct Splitter;

impl Extractor for Splitter {
    fn describe(&self) -> Description {
        Description { name: "splitter", version: "0", requires: &[], produces: &[LayerKind::Entities], summary: "" }
    }
    fn extract(&self, doc: &Document, layers: &mut Layers) -> Result<(), ExtractError> {
        use depeche_core::{Entity, EntityLabel, Span};
        let york = doc.text.find("York").unwrap();
        layers.entities = Some(vec![Entity {
            span: Span::new(york, york + 2),
            label: EntityLabel::LOC,
            canonical: "Yo".into(),
            entity_id: 0,
            score: None,
        }]);
        Ok(())
    }
}

#[test]
fn given_tokens_are_never_split() {
    let pipeline = Pipeline::new(Registry::empty().with(Box::new(Splitter)), &["splitter"]).unwrap();
    let input =
        InputDoc { id: "t".into(), tokens: Some(vec!["New".into(), "York-based".into()]), ..Default::default() };
    let (out, _) = pipeline.analyse(input).unwrap();
    let entity = &out.entities.as_ref().unwrap()[0];
    assert_eq!((entity.start, entity.end, entity.text.as_str()), (4, 14, "York-based"));
}
