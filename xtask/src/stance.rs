//! `cargo xtask eval stance` and `cargo xtask train stance`.
//!
//! - train: derives `crates/depeche-stance/models/lexicon.tsv` from
//!   `../shared/data/lexicons`, then trains the full (English) and shared
//!   (cross-lingual) linear models on `newsmtsc_train.jsonl`, picking epochs
//!   and L2 by mean macro-F1 on the rw and mt dev files, and writes
//!   `models/stance_en.bin` and `models/stance_shared.bin`.
//! - eval: macro-F1 / accuracy / per-label F1 on the NewsMTSC dev files
//!   through the extractor's target mode, and pair-level open-stance scores on
//!   the seed gold files in `fixtures/` and any `--gold` file.

use anyhow::{Context, Result};
use depeche_core::{Document, Extractor, Lang, Layers, Polarity, Span};
use depeche_stance::features::{self, FeatureSet, TargetContext};
use depeche_stance::lexicon::Lexicon;
use depeche_stance::model::{self, Model, TrainParams};
use depeche_stance::StanceExtractor;
use rayon::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::{self, Tally};
use crate::{EvalArgs, TrainArgs};

const DEV_FILES: [(&str, &str); 2] = [("rw dev", "newsmtsc_rw_dev.jsonl"), ("mt dev", "newsmtsc_mt_dev.jsonl")];

/// Models averaged per setting (one per shuffle seed).
const SHUFFLES: u64 = 4;

fn stance_dir() -> PathBuf {
    common::data_dir().join("stance")
}

fn models_dir() -> PathBuf {
    common::workspace_root().join("crates/depeche-stance/models")
}

/// One NewsMTSC item: document with its target span (bytes) and gold label.
struct Item {
    id: String,
    doc: Document,
    target: Span,
    label: Option<usize>,
}

fn label_index(label: &str) -> Option<usize> {
    model::LABELS.iter().position(|p| polarity_str(*p) == label)
}

fn polarity_str(p: Polarity) -> &'static str {
    match p {
        Polarity::Favor => "favor",
        Polarity::Against => "against",
        Polarity::Neutral => "neutral",
    }
}

fn read_items(path: &Path) -> Result<Vec<Item>> {
    let rows = common::read_jsonl(path)?;
    Ok(rows
        .par_iter()
        .filter_map(|row| {
            let text = row["text"].as_str()?;
            let table = common::char_to_byte_table(text);
            let s = *table.get(row["target"]["start"].as_u64()? as usize)?;
            let e = *table.get(row["target"]["end"].as_u64()? as usize)?;
            let lang = match row["lang"].as_str() {
                Some("fr") => Lang::Fr,
                _ => Lang::En,
            };
            let id = row["id"].as_str()?.to_string();
            Some(Item {
                doc: Document::new(id.clone(), text, Some(lang)),
                id,
                target: Span::new(s, e),
                label: row["label"].as_str().and_then(label_index),
            })
        })
        .collect())
}

// ------------------------------------------------------------------ train

pub fn train(args: &TrainArgs) -> Result<()> {
    let lex_dir = common::data_dir().join("lexicons");
    let table = derive_lexicon(&lex_dir)?;
    std::fs::write(models_dir().join("lexicon.tsv"), &table)?;
    let lex = Lexicon::parse(&table);
    println!("lexicon: {} entries -> models/lexicon.tsv", lex.len());

    let train = read_items(&stance_dir().join("newsmtsc_train.jsonl"))?;
    let devs: Vec<(&str, Vec<Item>)> = DEV_FILES
        .iter()
        .map(|(name, file)| Ok((*name, read_items(&stance_dir().join(file))?)))
        .collect::<Result<_>>()?;
    println!("train: {} items", train.len());
    for (set, file) in [(FeatureSet::Full, "stance_en.bin"), (FeatureSet::Shared, "stance_shared.bin")] {
        let data = featurize(&train, &lex, set);
        let dev_data: Vec<_> = devs.iter().map(|(n, items)| (*n, featurize(items, &lex, set))).collect();
        let epochs: Vec<usize> = match args.epochs {
            Some(e) => vec![e],
            None => vec![2, 4, 8],
        };
        let mut best: Option<(f64, TrainParams, Model)> = None;
        for &ep in &epochs {
            for l2 in [1e-3f32, 3e-3, 1e-2] {
                let params = TrainParams { epochs: ep, learning_rate: 0.1, l2, seed: args.seed, min_count: 2 };
                // Bagging over shuffles: the mean of models trained with different seeds.
                let runs: Vec<Model> = (0..SHUFFLES)
                    .map(|r| model::train(&data, TrainParams { seed: params.seed + r, ..params }))
                    .collect();
                let m = model::average(&runs);
                let scores: Vec<f64> = dev_data.iter().map(|(_, d)| macro_f1(&confusion_of(&m, d))).collect();
                let mean = scores.iter().sum::<f64>() / scores.len() as f64;
                println!(
                    "{set:?} epochs {ep:2} l2 {l2:.0e}: rw dev {:.4}  mt dev {:.4}  mean {mean:.4}  ({} weights)",
                    scores[0],
                    scores[1],
                    m.weights.len()
                );
                if best.as_ref().is_none_or(|b| mean > b.0) {
                    best = Some((mean, params, m));
                }
            }
        }
        let (mean, params, m) = best.context("no model trained")?;
        let bytes = m.to_bytes();
        std::fs::write(models_dir().join(file), &bytes)?;
        println!(
            "{set:?}: kept epochs {} l2 {:.0e} (dev mean {mean:.4}), {} weights, {} bytes -> models/{file}",
            params.epochs,
            params.l2,
            m.weights.len(),
            bytes.len()
        );
    }
    Ok(())
}

fn featurize(items: &[Item], lex: &Lexicon, set: FeatureSet) -> Vec<(features::Features, usize)> {
    items
        .par_iter()
        .filter_map(|it| {
            let ctx = TargetContext::new(&it.doc, it.target, false);
            Some((features::extract(&ctx, lex, set), it.label?))
        })
        .collect()
}

fn confusion_of(m: &Model, data: &[(features::Features, usize)]) -> [[usize; 3]; 3] {
    let mut conf = [[0usize; 3]; 3];
    for (f, gold) in data {
        let pred = depeche_stance::target::argmax(m.predict(f));
        conf[*gold][pred] += 1;
    }
    conf
}

/// `lang<TAB>word<TAB>valence` lines from the VADER and Pattern lexicons.
fn derive_lexicon(dir: &Path) -> Result<String> {
    let mut table: BTreeMap<(String, String), Vec<f32>> = BTreeMap::new();
    let mut add = |lang: &str, word: &str, v: f32| {
        let word = word.trim().to_lowercase();
        // Negations are scope words, not polar words (`no`, `n'`).
        let wordy = !word.is_empty()
            && !word.ends_with('\'')
            && !depeche_stance::words::is_negation(&word)
            && word.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '-');
        if wordy && v.is_finite() {
            table.entry((lang.into(), word)).or_default().push(v);
        }
    };
    let vader_en = std::fs::read_to_string(dir.join("en/vader_lexicon.txt"))?;
    for line in vader_en.lines() {
        let mut cols = line.split('\t');
        if let (Some(w), Some(v)) = (cols.next(), cols.next()) {
            add("en", w, v.trim().parse::<f32>().unwrap_or(f32::NAN) / 4.0);
        }
    }
    let vader_fr = std::fs::read_to_string(dir.join("fr/vader_fr_lexicon.txt"))?;
    for line in vader_fr.lines() {
        if let Some((w, v)) = line.rsplit_once("->") {
            add("fr", w, v.trim().parse::<f32>().unwrap_or(f32::NAN) / 4.0);
        }
    }
    for (lang, file) in [("en", "en/pattern_en_sentiment.xml"), ("fr", "fr/pattern_fr_sentiment.xml")] {
        let xml = std::fs::read_to_string(dir.join(file))?;
        for line in xml.lines().filter(|l| l.trim_start().starts_with("<word ")) {
            if let (Some(w), Some(v)) = (xml_attr(line, "form"), xml_attr(line, "polarity")) {
                add(lang, &w, v.parse::<f32>().unwrap_or(f32::NAN));
            }
        }
    }
    let mut out = String::from("");
    for ((lang, word), vals) in table {
        let mean = vals.iter().sum::<f32>() / vals.len() as f32;
        if mean.abs() >= 0.01 {
            out.push_str(&format!("{lang}\t{word}\t{mean:.3}\n"));
        }
    }
    Ok(out)
}

/// The value of `name="..."` in an XML line (entities `&amp;` etc. decoded).
fn xml_attr(line: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = line.find(&key)? + key.len();
    let end = start + line[start..].find('"')?;
    Some(line[start..end].replace("&apos;", "'").replace("&quot;", "\"").replace("&amp;", "&"))
}

// ------------------------------------------------------------------ eval

fn macro_f1(conf: &[[usize; 3]; 3]) -> f64 {
    (0..3).map(|c| label_tally(conf, c).f1()).sum::<f64>() / 3.0
}

fn label_tally(conf: &[[usize; 3]; 3], c: usize) -> Tally {
    let tp = conf[c][c];
    Tally { tp, fp: (0..3).map(|g| conf[g][c]).sum::<usize>() - tp, fn_: conf[c].iter().sum::<usize>() - tp }
}

pub fn eval(args: &EvalArgs) -> Result<()> {
    let dir = stance_dir();
    if dir.is_dir() {
        for (name, file) in DEV_FILES {
            eval_target_file(name, &dir.join(file), args)?;
        }
    } else {
        println!("note: {} is missing; NewsMTSC figures skipped", dir.display());
    }
    let mut golds = common::gold_files_in(&common::fixtures_dir());
    golds.extend(args.gold.iter().cloned());
    eval_open(&golds)
}

/// Target mode through the extractor on one NewsMTSC file.
fn eval_target_file(name: &str, path: &Path, args: &EvalArgs) -> Result<()> {
    let mut items = read_items(path)?;
    let start = std::time::Instant::now();
    let preds: Vec<(String, usize)> = items
        .par_iter_mut()
        .map(|it| {
            it.doc.targets = vec![it.target];
            let mut layers = Layers::default();
            let _ = StanceExtractor.extract(&it.doc, &mut layers);
            let pol = layers.stance.as_deref().and_then(|s| s.first()).map_or(Polarity::Neutral, |s| s.polarity);
            let idx = model::LABELS.iter().position(|p| *p == pol).unwrap_or(2);
            (it.id.clone(), idx)
        })
        .collect();
    let secs = start.elapsed().as_secs_f64();
    let mut conf = [[0usize; 3]; 3];
    for (it, (_, p)) in items.iter().zip(&preds) {
        if let Some(g) = it.label {
            conf[g][*p] += 1;
        }
    }
    let n: usize = conf.iter().flatten().sum();
    let correct: usize = (0..3).map(|c| conf[c][c]).sum();
    println!(
        "NewsMTSC {name}: n={n}  macro-F1 {:.4}  accuracy {:.4}  ({:.0} items/s)",
        macro_f1(&conf),
        common::ratio(correct, n),
        n as f64 / secs.max(1e-9)
    );
    for (c, p) in model::LABELS.iter().enumerate() {
        println!("  {:8} {}", polarity_str(*p), label_tally(&conf, c).summary());
    }
    if let Some(dump) = &args.dump {
        std::fs::create_dir_all(dump)?;
        let out = dump.join(format!("stance_{}.pred.jsonl", name.replace(' ', "_")));
        let lines: Vec<String> = preds
            .iter()
            .map(|(id, p)| json!({"id": id, "label": polarity_str(model::LABELS[*p])}).to_string())
            .collect();
        std::fs::write(&out, lines.join("\n") + "\n")?;
        println!("  predictions -> {}", out.display());
    }
    Ok(())
}

/// Case- and accent-insensitive containment either way.
fn names_match(a: &str, b: &str) -> bool {
    let (a, b) = (fold_name(a), fold_name(b));
    !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))
}

fn fold_name(s: &str) -> String {
    s.chars()
        .map(|c| match depeche_core::fold_char(c) {
            'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => 'e',
            'î' | 'ï' | 'í' | 'Î' => 'i',
            'ô' | 'ö' | 'ó' | 'Ô' => 'o',
            'ù' | 'û' | 'ü' | 'ú' | 'Û' => 'u',
            'ç' | 'Ç' => 'c',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .trim()
        .to_string()
}

/// A stance record reduced to names: (holder, target, polarity).
type Pair = (String, String, String);

/// Open mode on seed-format gold files, scored at pair level.
fn eval_open(golds: &[PathBuf]) -> Result<()> {
    let mut total = Tally::default();
    for path in golds {
        let g = common::read_gold_doc(path)?;
        let lang = match g.gold["lang"].as_str() {
            Some("fr") => Some(Lang::Fr),
            Some("en") => Some(Lang::En),
            _ => None,
        };
        let doc = Document::new(g.name.clone(), g.text.clone(), lang);
        let layers = run_pipeline(&doc);
        if std::env::var_os("STANCE_DEBUG").is_some() {
            print_layers(&doc, &layers);
        }
        let cue_texts: Vec<String> = layers
            .stance
            .as_deref()
            .unwrap_or(&[])
            .iter()
            .map(|s| s.cues.iter().map(|c| doc.slice(*c)).collect::<Vec<_>>().join(" | "))
            .collect();
        let predicted: Vec<Pair> = layers
            .stance
            .as_deref()
            .unwrap_or(&[])
            .iter()
            .map(|s| {
                let holder = s.holder.display_name(&doc.text).to_string();
                let target = s.target.display_name(&doc.text).to_string();
                (holder, target, polarity_str(s.polarity).to_string())
            })
            .collect();
        let gold: Vec<Pair> =
            g.gold["stance"].as_array().map(|a| a.iter().filter_map(gold_pair).collect()).unwrap_or_default();
        let t = match_pairs(&gold, &predicted);
        println!("open stance {}: {}", g.name, t.summary());
        for (p, cues) in predicted.iter().zip(&cue_texts) {
            let hit = gold.iter().any(|q| pair_matches(q, p));
            println!("  {} {} -> {} {}  [{cues}]", if hit { "+" } else { "-" }, p.0, p.1, p.2);
        }
        for q in gold.iter().filter(|q| !predicted.iter().any(|p| pair_matches(q, p))) {
            println!("  missed {} -> {} {}", q.0, q.1, q.2);
        }
        if let Some(tone) = &layers.tone {
            let cues: Vec<&str> = tone.cues.iter().map(|c| doc.slice(*c)).collect();
            println!("  tone {:?} cues {:?}", tone.label, cues);
        }
        total.add(t);
    }
    if let Some(first) = golds.first() {
        pipeline_speed(first)?;
    }
    if golds.len() > 1 {
        println!("open stance, all {} files: {}", golds.len(), total.summary());
    }
    Ok(())
}

fn gold_pair(v: &Value) -> Option<Pair> {
    Some((v["holder"].as_str()?.to_string(), v["target"].as_str()?.to_string(), v["polarity"].as_str()?.to_string()))
}

fn pair_matches(gold: &Pair, pred: &Pair) -> bool {
    let holder_ok =
        if gold.0 == "(author)" || pred.0 == "(author)" { gold.0 == pred.0 } else { names_match(&gold.0, &pred.0) };
    holder_ok && names_match(&gold.1, &pred.1) && gold.2 == pred.2
}

/// One-to-one matching of predicted to gold pairs (greedy, in order).
fn match_pairs(gold: &[Pair], pred: &[Pair]) -> Tally {
    let mut used = vec![false; gold.len()];
    let mut t = Tally::default();
    for p in pred {
        match (0..gold.len()).find(|&i| !used[i] && pair_matches(&gold[i], p)) {
            Some(i) => {
                used[i] = true;
                t.tp += 1;
            }
            None => t.fp += 1,
        }
    }
    t.fn_ = used.iter().filter(|u| !**u).count();
    t
}

/// Entities → quotes → stance on one document (errors leave layers empty).
fn run_pipeline(doc: &Document) -> Layers {
    let mut layers = Layers::default();
    let _ = depeche_entities::EntitiesExtractor.extract(doc, &mut layers);
    let _ = depeche_quotes::QuotesExtractor.extract(doc, &mut layers);
    let _ = StanceExtractor.extract(doc, &mut layers);
    layers
}

/// Entities and quotes seen by the stance extractor (`STANCE_DEBUG=1`).
fn print_layers(doc: &Document, layers: &Layers) {
    for e in layers.entities() {
        println!("  entity {:?} {:?} -> {}", e.label, doc.slice(e.span), e.canonical);
    }
    for q in layers.quotes() {
        let speaker = q.speaker.map(|s| doc.slice(s));
        println!("  quote {:?} {:?} by {:?} / {:?}", q.kind, doc.slice(q.span), speaker, q.speaker_name);
    }
}

/// Throughput of segmentation + entities + quotes, with and without stance,
/// on one gold document (single thread, release build). Each stage is timed
/// on its own, best of 5 runs (the machine is shared; the best run is the
/// least disturbed), and the pipeline figures are derived from the sums.
fn pipeline_speed(path: &Path) -> Result<()> {
    let g = common::read_gold_doc(path)?;
    let rounds = 100u32;
    let best_of = |f: &dyn Fn()| {
        (0..5)
            .map(|_| {
                let start = std::time::Instant::now();
                for _ in 0..rounds {
                    f();
                }
                start.elapsed().as_secs_f64() / rounds as f64
            })
            .fold(f64::INFINITY, f64::min)
    };
    let doc = Document::new("speed", g.text.as_str(), None);
    let mut base = Layers::default();
    let _ = depeche_entities::EntitiesExtractor.extract(&doc, &mut base);
    let _ = depeche_quotes::QuotesExtractor.extract(&doc, &mut base);
    let _ = StanceExtractor.extract(&doc, &mut base.clone()); // warm-up (lazy tables)
    let upstream = best_of(&|| {
        let doc = Document::new("speed", g.text.as_str(), None);
        let mut layers = Layers::default();
        let _ = depeche_entities::EntitiesExtractor.extract(&doc, &mut layers);
        let _ = depeche_quotes::QuotesExtractor.extract(&doc, &mut layers);
    });
    let stance = best_of(&|| {
        let mut layers = base.clone();
        let _ = StanceExtractor.extract(&doc, &mut layers);
    });
    let mb = g.text.len() as f64 / 1e6;
    println!(
        "pipeline speed on {}: segmentation+entities+quotes {:.0} µs ({:.2} MB/s), stance {:.0} µs; \
         with stance {:.2} MB/s = {:.0}% of the throughput without it",
        g.name,
        upstream * 1e6,
        mb / upstream,
        stance * 1e6,
        mb / (upstream + stance),
        100.0 * upstream / (upstream + stance)
    );
    Ok(())
}
