//! `cargo xtask eval numbers`: the number suites of `../shared/data/numbers`
//! scored as `numbers_score.py` does (scope filter, exact spans one-to-one,
//! value accuracy), per language and per kind; then the seed-format gold
//! articles (fixtures and `--gold` files).

use anyhow::Result;
use depeche_core::{CharMap, Lang, NumberKind, NumberMention, NumberValue};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use crate::common::{data_dir, fixtures_dir, gold_files_in, ratio, read_gold_doc, read_jsonl, Tally};
use crate::EvalArgs;

pub fn eval(args: &EvalArgs) -> Result<()> {
    let suite_dir = data_dir().join("numbers");
    if suite_dir.is_dir() {
        for lang in ["fr", "en"] {
            if args.lang.as_deref().is_some_and(|l| l != lang) {
                continue;
            }
            let path = suite_dir.join(format!("{lang}.jsonl"));
            if path.exists() {
                eval_suite(&path, lang, args.dump.as_deref())?;
            }
        }
    } else {
        println!("note: {} is missing; suite scores skipped", suite_dir.display());
    }
    let mut golds = gold_files_in(&fixtures_dir());
    golds.extend(args.gold.iter().cloned());
    eval_articles(&golds, args.dump.as_deref())
}

// ------------------------------------------------------------------ suites

/// One prediction in the scorer's format (char offsets).
fn to_json(m: &NumberMention, map: &CharMap) -> Value {
    let value = match &m.value {
        NumberValue::Number(x) => json!(x),
        NumberValue::Text(s) => json!(s),
        NumberValue::None => Value::Null,
    };
    json!({
        "start": map.to_char(m.span.start),
        "end": map.to_char(m.span.end),
        "kind": m.kind.as_str(),
        "value": value,
        "unit": m.unit,
        "iso": m.iso,
        "min": m.min,
        "max": m.max,
        "bound": m.bound.map(|b| format!("{b:?}").to_lowercase()),
        "qualifier": m.qualifier,
    })
}

fn fnum(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => {
            let s: String =
                s.trim().trim_end_matches('%').chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}')).collect();
            let s = if s.contains(',') && !s.contains('.') { s.replace(',', ".") } else { s };
            s.parse().ok()
        }
        _ => None,
    }
}

fn num_eq(a: &Value, b: &Value) -> bool {
    match (fnum(a), fnum(b)) {
        (None, None) => true,
        (Some(x), Some(y)) => x == y || (x - y).abs() <= 1e-6 * x.abs().max(y.abs()).max(1e-9 / 1e-6 * 1e-9),
        _ => false,
    }
}

fn value_ok(g: &Value, p: &Value) -> bool {
    let null = Value::Null;
    match g["kind"].as_str().unwrap_or("") {
        "range" => {
            num_eq(g.get("min").unwrap_or(&null), p.get("min").unwrap_or(&null))
                && num_eq(g.get("max").unwrap_or(&null), p.get("max").unwrap_or(&null))
        }
        "ordinal_relative" => {
            let norm = |v: &Value| v.as_str().unwrap_or("").replace(' ', "").to_lowercase();
            norm(&g["value"]) == norm(&p["value"])
        }
        _ => !g["value"].is_null() && num_eq(&g["value"], &p["value"]),
    }
}

#[derive(Default)]
struct Row {
    tally: Tally,
    value_ok: usize,
}

impl Row {
    fn line(&self, name: &str) -> String {
        format!(
            "{name:<18} {}  value {:.3} ({}/{})",
            self.tally.summary(),
            ratio(self.value_ok, self.tally.tp),
            self.value_ok,
            self.tally.tp
        )
    }
}

fn eval_suite(path: &Path, lang: &str, dump: Option<&Path>) -> Result<()> {
    let cases = read_jsonl(path)?;
    let lang_code = Lang::parse(lang).unwrap_or(Lang::Other);
    let mut all = Row::default();
    let mut by_kind: BTreeMap<String, Row> = BTreeMap::new();
    let mut lines = Vec::new();
    for case in &cases {
        let text = case["text"].as_str().unwrap_or("");
        let map = CharMap::new(text);
        let found: Vec<Value> = depeche_numbers::find(text, lang_code).iter().map(|m| to_json(m, &map)).collect();
        lines.push(json!({"id": case["id"], "found": found}).to_string());
        let scope: Vec<&str> = case["scope"].as_array().into_iter().flatten().filter_map(|v| v.as_str()).collect();
        let kept: Vec<&Value> = found.iter().filter(|p| scope.contains(&p["kind"].as_str().unwrap_or(""))).collect();
        let gold: Vec<&Value> = case["expected"].as_array().into_iter().flatten().collect();
        score_case(&gold, &kept, &mut all, &mut by_kind);
    }
    println!("numbers suite {lang} ({} cases)", cases.len());
    println!("  {}", all.line("all"));
    for (kind, row) in &by_kind {
        println!("  {}", row.line(kind));
    }
    if let Some(dir) = dump {
        std::fs::create_dir_all(dir)?;
        let out = dir.join(format!("numbers-{lang}.pred.jsonl"));
        let mut f = std::fs::File::create(&out)?;
        for l in lines {
            writeln!(f, "{l}")?;
        }
        println!("  predictions: {}", out.display());
    }
    Ok(())
}

fn score_case(gold: &[&Value], kept: &[&Value], all: &mut Row, by_kind: &mut BTreeMap<String, Row>) {
    let mut used = vec![false; kept.len()];
    let mut pairs: Vec<(&Value, &Value)> = Vec::new();
    for g in gold {
        let mut cands: Vec<usize> = (0..kept.len())
            .filter(|&pi| !used[pi] && kept[pi]["start"] == g["start"] && kept[pi]["end"] == g["end"])
            .collect();
        cands.sort_by_key(|&pi| kept[pi]["kind"] != g["kind"]);
        if let Some(&pi) = cands.first() {
            used[pi] = true;
            pairs.push((g, kept[pi]));
        }
    }
    all.tally.add(Tally { tp: pairs.len(), fp: kept.len() - pairs.len(), fn_: gold.len() - pairs.len() });
    all.value_ok += pairs.iter().filter(|(g, p)| value_ok(g, p)).count();
    let kind_of = |v: &Value| v["kind"].as_str().unwrap_or("").to_string();
    let mut kinds: Vec<String> = gold.iter().map(|g| kind_of(g)).chain(kept.iter().map(|p| kind_of(p))).collect();
    kinds.sort();
    kinds.dedup();
    for k in kinds {
        let gk = gold.iter().filter(|g| kind_of(g) == k).count();
        let pk = kept.iter().filter(|p| kind_of(p) == k).count();
        let tpk: Vec<_> = pairs.iter().filter(|(g, p)| kind_of(g) == k && kind_of(p) == k).collect();
        let row = by_kind.entry(k).or_default();
        row.tally.add(Tally { tp: tpk.len(), fp: pk - tpk.len(), fn_: gk - tpk.len() });
        row.value_ok += tpk.iter().filter(|(g, p)| value_ok(g, p)).count();
    }
}

// ---------------------------------------------------------------- articles

/// Kinds that articles do not score either way.
fn unscored(kind: &str) -> bool {
    matches!(kind, "date" | "time" | "score" | "other")
}

fn eval_articles(golds: &[std::path::PathBuf], dump: Option<&Path>) -> Result<()> {
    let mut total = Tally::default();
    let mut values = 0;
    for path in golds {
        let doc = read_gold_doc(path)?;
        let lang = doc.gold["lang"].as_str().and_then(Lang::parse).unwrap_or(Lang::Other);
        let map = CharMap::new(&doc.text);
        let found = depeche_numbers::find(&doc.text, lang);
        let preds: Vec<Value> = found.iter().map(|m| to_json(m, &map)).collect();
        let gold: Vec<&Value> = doc.gold["numbers"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|g| !unscored(g["kind"].as_str().unwrap_or("")))
            .collect();
        let (tally, ok, bound_views) = score_article(&gold, &preds);
        println!("numbers article {} ({} gold)", doc.name, gold.len());
        println!("  exact spans {}  values right {ok}/{}", tally.summary(), tally.tp);
        println!("  range views of gold bounded figures (not scored): {bound_views}");
        for p in &preds {
            let kind = p["kind"].as_str().unwrap_or("");
            let hit = gold.iter().any(|g| g["start"] == p["start"] && g["end"] == p["end"]);
            if !hit && !unscored(kind) && kind != "range" {
                let (s, e) = (p["start"].as_u64().unwrap_or(0) as usize, p["end"].as_u64().unwrap_or(0) as usize);
                let text: String = doc.text.chars().skip(s).take(e - s).collect();
                println!("  false positive: {text:?} ({kind})");
            }
        }
        for g in &gold {
            let p = preds.iter().find(|p| p["start"] == g["start"] && p["end"] == g["end"]);
            match p {
                None => println!("  missed: {} ({})", g["text"], g["kind"]),
                Some(p) if g.get("bound").is_some() => println!(
                    "  bounded {}: bound {} qualifier {} unit {}",
                    g["text"], p["bound"], p["qualifier"], p["unit"]
                ),
                _ => {}
            }
        }
        if let Some(dir) = dump {
            std::fs::create_dir_all(dir)?;
            let out = dir.join(format!("{}.numbers.json", doc.name.trim_end_matches(".gold.json")));
            std::fs::write(&out, serde_json::to_string_pretty(&preds)?)?;
        }
        total.add(tally);
        values += ok;
    }
    if golds.len() > 1 {
        println!("numbers articles, all: {}  values right {values}/{}", total.summary(), total.tp);
    }
    Ok(())
}

/// Exact-span tally over scored kinds; a `range` prediction that contains a
/// gold figure written with a bound is that figure's interval view and is
/// neither a hit nor a false positive.
fn score_article(gold: &[&Value], preds: &[Value]) -> (Tally, usize, usize) {
    let mut used = vec![false; preds.len()];
    let mut tp = 0;
    let mut ok = 0;
    for g in gold {
        let hit =
            (0..preds.len()).find(|&pi| !used[pi] && preds[pi]["start"] == g["start"] && preds[pi]["end"] == g["end"]);
        if let Some(pi) = hit {
            used[pi] = true;
            tp += 1;
            if num_eq(&g["value"], &preds[pi]["value"]) {
                ok += 1;
            }
        }
    }
    let mut fp = 0;
    let mut views = 0;
    for (pi, p) in preds.iter().enumerate() {
        let kind = p["kind"].as_str().unwrap_or("");
        if used[pi] || unscored(kind) {
            continue;
        }
        let contains_bounded = kind == "range"
            && gold.iter().any(|g| {
                g.get("bound").is_some()
                    && p["start"].as_u64() <= g["start"].as_u64()
                    && g["end"].as_u64() <= p["end"].as_u64()
            });
        if contains_bounded {
            views += 1;
        } else {
            fp += 1;
        }
    }
    let _ = NumberKind::Range;
    (Tally { tp, fp, fn_: gold.len() - tp }, ok, views)
}
