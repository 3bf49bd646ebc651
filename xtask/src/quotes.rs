//! `cargo xtask eval quotes`: runs the entities then the quotes extractor on
//! `../shared/data/quotes/*.jsonl` and on the seed-format gold files in
//! `fixtures/` and `fixtures/quotes/` (plus `--gold` files), and scores them
//! with the rule of `../shared/data/quotes/README.md` (the same as
//! `../shared/tools/quotes_score.py`): content = alphanumeric char positions,
//! a match shares ≥ 50% of the longer one, one-to-one greedy by overlap.
//!
//! PolNeAR is reported whole and in two deterministic slices (documents whose
//! sorted index is ≡ 0 mod 5 are the "check" slice, kept out of tuning).

use anyhow::Result;
use depeche_core::{Document, Extractor, Lang, Layers, Quote};
use depeche_entities::EntitiesExtractor;
use depeche_quotes::QuotesExtractor;
use rayon::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use crate::common::{data_dir, fixtures_dir, gold_files_in, read_gold_doc, read_jsonl};
use crate::EvalArgs;

/// One document with gold and predicted quotes, offsets in chars.
struct Scored {
    id: String,
    text: Vec<char>,
    gold: Vec<Value>,
    pred: Vec<Value>,
    speaker_annotated: bool,
}

pub fn eval(args: &EvalArgs) -> Result<()> {
    let mut dumps: Vec<Value> = Vec::new();
    let quotes_dir = data_dir().join("quotes");
    if quotes_dir.is_dir() {
        for (file, lang) in [("polnear_en.jsonl", Lang::En), ("aads_fr_fiction.jsonl", Lang::Fr)] {
            if args.lang.as_deref().is_some_and(|l| l != lang.as_str()) {
                continue;
            }
            let path = quotes_dir.join(file);
            if !path.exists() {
                println!("{}: missing, skipped", path.display());
                continue;
            }
            let docs = score_jsonl(&path, lang)?;
            report(file, &docs);
            if lang == Lang::Fr {
                let marks_only = marks_only(&docs);
                report(&format!("{file}, direct-speech typography only (marks and dialogue dashes)"), &marks_only);
            }
            if file.starts_with("polnear") {
                let check: Vec<&Scored> = docs.iter().step_by(5).collect();
                let tune: Vec<&Scored> = docs.iter().enumerate().filter(|(i, _)| i % 5 != 0).map(|(_, d)| d).collect();
                report_refs("polnear_en tune slice (4/5)", &tune);
                report_refs("polnear_en check slice (1/5, not tuned on)", &check);
            }
            dumps.extend(docs.iter().map(dump_record));
        }
    } else {
        println!("note: {} is missing; the shared quote sets are skipped", quotes_dir.display());
    }
    let mut gold_paths = gold_files_in(&fixtures_dir());
    gold_paths.extend(gold_files_in(&fixtures_dir().join("quotes")));
    gold_paths.extend(args.gold.iter().cloned());
    let mut fixtures = Vec::new();
    for path in &gold_paths {
        if let Some(doc) = score_seed_file(path)? {
            fixtures.push(doc);
        }
    }
    dumps.extend(fixtures.iter().map(dump_record));
    let (fr, en): (Vec<&Scored>, Vec<&Scored>) = fixtures.iter().partition(|d| d.id.ends_with("#fr"));
    report_refs(&format!("fixtures, French ({} files)", fr.len()), &fr);
    if !en.is_empty() {
        report_refs(&format!("fixtures, English ({} files)", en.len()), &en);
    }
    if let Some(path) = &args.dump {
        let mut out = std::fs::File::create(path)?;
        for d in &dumps {
            writeln!(out, "{d}")?;
        }
        println!("predictions written to {}", path.display());
    }
    Ok(())
}

fn run_pipeline(id: &str, text: &str, lang: Option<Lang>) -> (Document, Vec<Quote>) {
    let doc = Document::new(id, text, lang);
    let mut layers = Layers::default();
    if EntitiesExtractor.extract(&doc, &mut layers).is_err() {
        layers.entities = Some(Vec::new());
    }
    let _ = QuotesExtractor.extract(&doc, &mut layers);
    let quotes = layers.quotes.take().unwrap_or_default();
    (doc, quotes)
}

/// A predicted quote as a scorer record (char offsets).
fn pred_record(doc: &Document, q: &Quote) -> Value {
    let map = doc.char_map();
    let span =
        |s: depeche_core::Span| json!({"start": map.to_char(s.start), "end": map.to_char(s.end), "text": doc.slice(s)});
    let mut v = json!({
        "start": map.to_char(q.span.start),
        "end": map.to_char(q.span.end),
        "text": doc.slice(q.span),
        "kind": q.kind,
        "speaker": q.speaker.map(span),
        "speaker_name": q.speaker_name,
        "speaker_type": q.speaker_type,
        "cue": q.cue.map(span),
    });
    if let Some(r) = q.reported_by {
        v["reported_by"] = span(r);
    }
    v
}

fn score_jsonl(path: &Path, lang: Lang) -> Result<Vec<Scored>> {
    let mut docs = read_jsonl(path)?;
    docs.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    Ok(docs
        .par_iter()
        .map(|d| {
            let id = d["id"].as_str().unwrap_or("").to_string();
            let text = d["text"].as_str().unwrap_or("");
            let (doc, quotes) = run_pipeline(&id, text, Some(lang));
            Scored {
                id,
                text: text.chars().collect(),
                gold: d["quotes"].as_array().cloned().unwrap_or_default(),
                pred: quotes.iter().map(|q| pred_record(&doc, q)).collect(),
                speaker_annotated: d["speaker_annotated"].as_bool() != Some(false),
            }
        })
        .collect())
}

/// A seed-format gold file (`quotes[].content`, `speaker_canonical`) as a
/// scored document; `None` when it has no `quotes` key.
fn score_seed_file(path: &Path) -> Result<Option<Scored>> {
    let gold_doc = read_gold_doc(path)?;
    let Some(quotes) = gold_doc.gold.get("quotes").and_then(Value::as_array) else {
        return Ok(None);
    };
    let lang = gold_doc.gold.get("lang").and_then(Value::as_str).and_then(Lang::parse);
    let gold = quotes
        .iter()
        .map(|q| {
            let c = &q["content"];
            json!({"start": c["start"], "end": c["end"], "text": c["text"], "kind": q["kind"],
                   "speaker": q["speaker"], "speaker_name": q["speaker_canonical"], "cue": q["cue"]})
        })
        .collect();
    let (doc, pred) = run_pipeline(&gold_doc.name, &gold_doc.text, lang);
    Ok(Some(Scored {
        id: format!("{}#{}", gold_doc.name, doc.lang.as_str()),
        text: gold_doc.text.chars().collect(),
        gold,
        pred: pred.iter().map(|q| pred_record(&doc, q)).collect(),
        speaker_annotated: true,
    }))
}

/// The same documents with every quotation found by marks or dialogue dashes
/// as a prediction, attributed or not: a check of French typography alone.
fn marks_only(docs: &[Scored]) -> Vec<Scored> {
    docs.iter()
        .map(|d| {
            let text: String = d.text.iter().collect();
            let doc = Document::new(&d.id, text.as_str(), Some(Lang::Fr));
            let map = doc.char_map();
            let pred = depeche_quotes::marks::find(&doc.text, &doc.paragraphs, true)
                .iter()
                .map(|m| json!({"start": map.to_char(m.content.start), "end": map.to_char(m.content.end), "kind": "direct"}))
                .collect();
            Scored {
                id: d.id.clone(),
                text: d.text.clone(),
                gold: d.gold.clone(),
                pred,
                speaker_annotated: d.speaker_annotated,
            }
        })
        .collect()
}

fn dump_record(d: &Scored) -> Value {
    json!({"id": d.id, "quotes": d.pred})
}

// ---------------------------------------------------------------- scoring

fn int(v: &Value) -> Option<usize> {
    v.as_u64().map(|n| n as usize)
}

/// Char ranges of a quote, speaker or cue (`spans`, else `start..end`).
fn ranges(v: &Value) -> Vec<(usize, usize)> {
    if let Some(spans) = v.get("spans").and_then(Value::as_array) {
        if !spans.is_empty() {
            return spans.iter().filter_map(|s| Some((int(&s[0])?, int(&s[1])?))).collect();
        }
    }
    match (int(&v["start"]), int(&v["end"])) {
        (Some(s), Some(e)) => vec![(s, e)],
        _ => Vec::new(),
    }
}

fn alnum_positions(text: &[char], v: &Value) -> Vec<usize> {
    let mut out: Vec<usize> = ranges(v)
        .into_iter()
        .flat_map(|(s, e)| s.min(text.len())..e.min(text.len()))
        .filter(|&i| text[i].is_alphanumeric())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn intersection(a: &[usize], b: &[usize]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

fn norm_name(s: Option<&str>) -> String {
    let s = s.unwrap_or("").to_lowercase();
    let s = s.trim_matches(|c: char| !c.is_alphanumeric());
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn has_speaker(p: &Value) -> bool {
    p["speaker"].is_object() || p["speaker_name"].as_str().is_some_and(|s| !s.is_empty())
}

/// Rule 5; for seed-format gold with no speaker span but a canonical name
/// (a fragment), the predicted name must equal it.
fn speaker_correct(text: &[char], g: &Value, p: &Value) -> Option<bool> {
    let gs = &g["speaker"];
    if !gs.is_object() {
        let name = norm_name(g["speaker_name"].as_str());
        if name.is_empty() {
            return None;
        }
        return Some(norm_name(p["speaker_name"].as_str()) == name);
    }
    let gpos = alnum_positions(text, gs);
    if p["speaker"].is_object() && intersection(&gpos, &alnum_positions(text, &p["speaker"])) > 0 {
        return Some(true);
    }
    let golds = [norm_name(g["speaker_name"].as_str()), norm_name(gs["text"].as_str())];
    let preds = [norm_name(p["speaker_name"].as_str()), norm_name(p["speaker"]["text"].as_str())];
    Some(preds.iter().filter(|s| !s.is_empty()).any(|s| golds.iter().any(|g| !g.is_empty() && g == s)))
}

fn cue_correct(text: &[char], g: &Value, p: &Value) -> Option<bool> {
    let (gc, pc) = (&g["cue"], &p["cue"]);
    if !gc.is_object() || !pc.is_object() {
        return None;
    }
    if intersection(&alnum_positions(text, gc), &alnum_positions(text, pc)) > 0 {
        return Some(true);
    }
    if gc["start"] == pc["start"] && gc["end"] == pc["end"] && !gc["start"].is_null() {
        return Some(true);
    }
    let gt = norm_name(gc["text"].as_str());
    Some(!gt.is_empty() && gt == norm_name(pc["text"].as_str()))
}

/// One-to-one greedy matches: (gold, pred, exact).
fn match_doc(d: &Scored) -> Vec<(usize, usize, bool)> {
    let gsets: Vec<Vec<usize>> = d.gold.iter().map(|q| alnum_positions(&d.text, q)).collect();
    let psets: Vec<Vec<usize>> = d.pred.iter().map(|q| alnum_positions(&d.text, q)).collect();
    let mut cands = Vec::new();
    for (gi, g) in gsets.iter().enumerate() {
        for (pi, p) in psets.iter().enumerate() {
            if g.is_empty() || p.is_empty() {
                continue;
            }
            let inter = intersection(g, p);
            let ratio = inter as f64 / g.len().max(p.len()) as f64;
            if inter > 0 && ratio >= 0.5 {
                cands.push((ratio, gi, pi));
            }
        }
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut used_g, mut used_p) = (vec![false; gsets.len()], vec![false; psets.len()]);
    let mut out = Vec::new();
    for (_, gi, pi) in cands {
        if used_g[gi] || used_p[pi] {
            continue;
        }
        used_g[gi] = true;
        used_p[pi] = true;
        out.push((gi, pi, gsets[gi] == psets[pi]));
    }
    out
}

#[derive(Default)]
struct Counts(BTreeMap<String, usize>);

impl Counts {
    fn add(&mut self, key: &str, n: usize) {
        *self.0.entry(key.to_string()).or_default() += n;
    }
    fn get(&self, key: &str) -> usize {
        self.0.get(key).copied().unwrap_or(0)
    }
}

fn count_doc(d: &Scored, c: &mut Counts) {
    let matches = match_doc(d);
    c.add("gold", d.gold.len());
    c.add("pred", d.pred.len());
    c.add("tp", matches.len());
    c.add("tp_exact", matches.iter().filter(|m| m.2).count());
    if d.speaker_annotated {
        c.add("gold_spk", d.gold.len());
        c.add("pred_spk", d.pred.len());
    }
    for g in &d.gold {
        c.add(&format!("gold_{}", g["kind"].as_str().unwrap_or("?")), 1);
    }
    for p in &d.pred {
        c.add(&format!("pred_{}", p["kind"].as_str().unwrap_or("?")), 1);
    }
    for &(gi, pi, _) in &matches {
        let (g, p) = (&d.gold[gi], &d.pred[pi]);
        c.add(&format!("tp_gold_{}", g["kind"].as_str().unwrap_or("?")), 1);
        if g["kind"] == p["kind"] {
            c.add("kind_ok", 1);
        }
        if d.speaker_annotated {
            let ok = match speaker_correct(&d.text, g, p) {
                None => !has_speaker(p),
                Some(ok) => {
                    c.add("spk_judged", 1);
                    c.add("spk_ok", usize::from(ok));
                    ok
                }
            };
            c.add("e2e_tp", usize::from(ok));
        }
        if let Some(ok) = cue_correct(&d.text, g, p) {
            c.add("cue_judged", 1);
            c.add("cue_ok", usize::from(ok));
        }
    }
}

fn prf(tp: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
    let p = if pred == 0 { 0.0 } else { tp as f64 / pred as f64 };
    let r = if gold == 0 { 0.0 } else { tp as f64 / gold as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

fn pct(num: usize, den: usize) -> String {
    if den == 0 {
        "n/a".into()
    } else {
        format!("{:.1}", 100.0 * num as f64 / den as f64)
    }
}

fn report(name: &str, docs: &[Scored]) {
    report_refs(name, &docs.iter().collect::<Vec<_>>());
}

fn report_refs(name: &str, docs: &[&Scored]) {
    let mut c = Counts::default();
    for d in docs {
        count_doc(d, &mut c);
    }
    let (p, r, f) = prf(c.get("tp"), c.get("pred"), c.get("gold"));
    let (_, _, fx) = prf(c.get("tp_exact"), c.get("pred"), c.get("gold"));
    println!("== quotes · {name}: {} docs, {} gold, {} predicted", docs.len(), c.get("gold"), c.get("pred"));
    println!("  quote F1 {:.3}  (P {:.3} R {:.3})   exact-span F1 {fx:.3}", f, p, r);
    if c.get("gold_spk") > 0 {
        let (ep, er, ef) = prf(c.get("e2e_tp"), c.get("pred_spk"), c.get("gold_spk"));
        println!(
            "  speaker accuracy {}% (n={})   end-to-end quote+speaker F1 {ef:.3} (P {ep:.3} R {er:.3})",
            pct(c.get("spk_ok"), c.get("spk_judged")),
            c.get("spk_judged")
        );
    }
    println!(
        "  cue accuracy {}% (n={})   kind accuracy {}%",
        pct(c.get("cue_ok"), c.get("cue_judged")),
        c.get("cue_judged"),
        pct(c.get("kind_ok"), c.get("tp"))
    );
    let kinds = ["direct", "indirect", "mixed", "fragment"]
        .iter()
        .filter(|k| c.get(&format!("gold_{k}")) > 0)
        .map(|k| {
            format!(
                "{k} {}% of {}",
                pct(c.get(&format!("tp_gold_{k}")), c.get(&format!("gold_{k}"))),
                c.get(&format!("gold_{k}"))
            )
        })
        .collect::<Vec<_>>();
    println!("  recall by gold kind: {}", kinds.join(", "));
}
