//! End-to-end snapshots of `depeche run` over the fixtures, and the offset
//! contract: every span of every layer slices the input (by Unicode scalar
//! values) back to its `text`. Review changes with `cargo insta review`.

mod common;
use common::*;

fn run_fixture(args: &[&str]) -> Vec<serde_json::Value> {
    let out = depeche(args, b"");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    records(&out)
}

/// The stdout of `depeche ARGS` as text.
fn pretty_output(args: &[&str]) -> String {
    String::from_utf8(depeche(args, b"").stdout).unwrap()
}

/// The input text of a record (`text`, or `tokens` joined by spaces).
fn input_text(line: &serde_json::Value) -> String {
    match line.get("text") {
        Some(t) => t.as_str().unwrap().to_string(),
        None => line["tokens"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect::<Vec<_>>().join(" "),
    }
}

#[test]
fn demo_article_snapshot_and_offsets() {
    let recs = run_fixture(&["run", "-q"]);
    assert_eq!(recs.len(), 1);
    let chars: Vec<char> = depeche_runner::DEMO_ARTICLE.chars().collect();
    assert_spans_slice_back(&recs[0], &chars, "demo");
    // The full output, keys in output order: the `json` format is the same records pretty-printed.
    insta::assert_snapshot!("demo_article", pretty_output(&["run", "-q", "--format", "json"]));
}

#[test]
fn snippets_snapshot_and_offsets() {
    let path = fixtures().join("snippets.jsonl");
    let recs = run_fixture(&["run", path.to_str().unwrap(), "-q"]);
    let inputs: Vec<serde_json::Value> =
        std::fs::read_to_string(&path).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(recs.len(), inputs.len());
    for (rec, input) in recs.iter().zip(&inputs) {
        assert!(rec.get("error").is_none(), "{rec}");
        let chars: Vec<char> = input_text(input).chars().collect();
        assert_spans_slice_back(rec, &chars, rec["id"].as_str().unwrap());
    }
    insta::assert_snapshot!("snippets", pretty_output(&["run", path.to_str().unwrap(), "-q", "--format", "json"]));
}

#[test]
fn other_formats_render() {
    let tsv = depeche(&["run", "-q", "--format", "tsv"], b"");
    let tsv = String::from_utf8(tsv.stdout).unwrap();
    assert!(tsv.starts_with("id\tlayer\tstart\tend\ttext\tlabel\tdetail\n"));
    assert!(tsv.lines().skip(1).all(|l| l.split('\t').count() == 7), "{tsv}");
    let json = depeche(&["run", "-q", "--format", "json"], b"");
    let parsed: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json format is one JSON array");
    assert_eq!(parsed.as_array().unwrap().len(), 1);
    let html = String::from_utf8(depeche(&["run", "-q", "--format", "html"], b"").stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    assert!(html.contains("Pyongyang"));
}
