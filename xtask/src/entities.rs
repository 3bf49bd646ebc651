//! `cargo xtask eval entities` and `cargo xtask train entities --lang fr|en`.
//!
//! Training files (from `../shared/data/ner`): French `wikineural-dev` (all but
//! the tuning slice), `hipe2020-train`, `europeana-train`, `newseye-dev2`;
//! English `conll2003-train`, `wikineural-dev` (all but the tuning slice).
//! The tuning slice of `wikineural-dev` is every tenth sentence (index % 10 == 0).
//! Evaluation runs the real extractor on pre-tokenized sentences
//! (`Document::from_tokens`), maps its spans back to BIO tags and scores
//! entities with conlleval rules (exact span and type), per set and per type;
//! then the seed-format gold files (exact span and label, canonical names).

use crate::common::{data_dir, fixtures_dir, gold_files_in, read_gold_doc, read_jsonl, Tally};
use crate::{EvalArgs, TrainArgs};
use anyhow::{bail, Context, Result};
use depeche_core::{Document, Entity, Extractor, Lang, Layers};
use depeche_entities::lexicon::{Lexicon, LexiconBuilder};
use depeche_entities::model::{label_of, tag_name};
use depeche_entities::train::{data_hash, read_conll, train as train_model, TrainConfig, TrainSentence};
use depeche_entities::EntitiesExtractor;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

const BUCKET_BITS: u32 = 19;
const DEFAULT_EPOCHS: usize = 8;
const CAPS_PER_MILLE: u64 = 40;

/// How many times the sentences of a training file are repeated (news sources
/// weigh more than the silver Wikipedia data).
fn repeats(name: &str) -> usize {
    if name.starts_with("wikineural") {
        1
    } else {
        2
    }
}

/// Which part of a file a set uses.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    All,
    /// Every tenth sentence: the tuning slice.
    Tuning,
    /// All but the tuning slice.
    Rest,
}

fn training_files(lang: &str) -> Vec<(&'static str, Part)> {
    match lang {
        "fr" => vec![
            ("wikineural-dev", Part::Rest),
            ("hipe2020-train", Part::All),
            ("europeana-train", Part::All),
            ("newseye-dev2", Part::All),
        ],
        _ => vec![("conll2003-train", Part::All), ("wikineural-dev", Part::Rest)],
    }
}

fn eval_files(lang: &str) -> Vec<(&'static str, Part)> {
    match lang {
        "fr" => vec![
            ("wikineural-dev", Part::Tuning),
            ("hipe2020-dev", Part::All),
            ("newseye-dev", Part::All),
            ("europeana-dev", Part::All),
        ],
        _ => vec![("conll2003-dev", Part::All), ("wikineural-dev", Part::Tuning)],
    }
}

fn ner_path(lang: &str, name: &str) -> PathBuf {
    data_dir().join("ner").join(lang).join(format!("{name}.conll"))
}

fn select(sentences: Vec<TrainSentence>, part: Part) -> Vec<TrainSentence> {
    sentences
        .into_iter()
        .enumerate()
        .filter(|(i, _)| match part {
            Part::All => true,
            Part::Tuning => i % 10 == 0,
            Part::Rest => i % 10 != 0,
        })
        .map(|(_, s)| s)
        .collect()
}

fn model_path(lang: &str) -> PathBuf {
    crate::common::workspace_root().join("crates/depeche-entities/models").join(format!("{lang}.bin"))
}

pub fn train(args: &TrainArgs) -> Result<()> {
    let langs: Vec<&str> = match args.lang.as_deref() {
        Some(l @ ("fr" | "en")) => vec![l],
        Some(other) => bail!("--lang must be fr or en, not {other}"),
        None => vec!["fr", "en"],
    };
    for lang in langs {
        let started = Instant::now();
        let mut sentences = Vec::new();
        let mut hashes = Vec::new();
        for (name, part) in training_files(lang) {
            let path = ner_path(lang, name);
            let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
            hashes.push(format!("{name}:{}", data_hash(&bytes)));
            let text = String::from_utf8(bytes)?;
            let selected = select(read_conll(&text), part);
            for _ in 0..repeats(name) {
                sentences.extend(selected.iter().cloned());
            }
        }
        let corpus = data_dir().join("corpus").join(format!("{lang}-news.jsonl.gz"));
        let lexicon = build_lexicon(&corpus, Lang::parse(lang).unwrap_or(Lang::Fr))?;
        hashes.push(format!("{}-news.jsonl.gz:{}", lang, data_hash(&std::fs::read(&corpus)?)));
        println!("lexicon from {}: {} words", corpus.display(), lexicon.entries.len());
        let epochs = args.epochs.unwrap_or(DEFAULT_EPOCHS);
        let cfg = TrainConfig {
            bucket_bits: BUCKET_BITS,
            epochs,
            seed: args.seed,
            caps_per_mille: CAPS_PER_MILLE,
            metadata: format!(
                "lang={lang} seed={} epochs={epochs} bucket_bits={BUCKET_BITS} caps_per_mille={CAPS_PER_MILLE} data={}",
                args.seed,
                hashes.join(",")
            ),
            lexicon,
        };
        let tokens: usize = sentences.iter().map(|s| s.words.len()).sum();
        println!("training {lang}: {} sentences, {tokens} tokens, {epochs} epochs", sentences.len());
        let model = train_model(&sentences, &cfg);
        let bytes = model.to_bytes();
        std::fs::write(model_path(lang), &bytes)?;
        println!(
            "wrote {} ({:.1} MB) in {:.0} s\n{}",
            model_path(lang).display(),
            bytes.len() as f64 / 1e6,
            started.elapsed().as_secs_f64(),
            model.metadata
        );
        let lang_code = Lang::parse(lang).unwrap_or(Lang::Fr);
        for (name, part) in eval_files(lang) {
            let path = ner_path(lang, name);
            let gold = select(read_conll(&std::fs::read_to_string(&path)?), part);
            let (total, _, _) =
                score_sentences(&gold, lang_code, |doc| depeche_entities::entities_with_model(doc, &model));
            println!("  {name:<16} {}", total.summary());
        }
    }
    Ok(())
}

/// The capitalization lexicon of a news corpus (article bodies, not headlines).
fn build_lexicon(path: &Path, lang: Lang) -> Result<Lexicon> {
    let mut builder = LexiconBuilder::default();
    for record in read_jsonl(path)? {
        let Some(text) = record["text"].as_str() else {
            continue;
        };
        let doc = Document::new("c", text, Some(lang));
        for s in &doc.sentences {
            let words: Vec<&str> = s.tokens.clone().map(|i| doc.token_text(i)).collect();
            builder.add_sentence(&words);
        }
    }
    Ok(builder.build())
}

/// Spans of BIO chunks `(start, end, type)` in token indices.
fn chunks(tags: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        match label_of(tags[i]) {
            None => i += 1,
            Some((label, _)) => {
                let start = i;
                i += 1;
                while i < tags.len() && label_of(tags[i]) == Some((label, true)) {
                    i += 1;
                }
                out.push((start, i, tags[start].div_ceil(2)));
            }
        }
    }
    out
}

/// BIO tags of the given tokens from the extractor's entities.
fn tags_from_entities(doc: &Document, entities: &[Entity]) -> Vec<usize> {
    let mut tags = vec![0usize; doc.tokens.len()];
    for e in entities {
        let first = doc.token_at_or_after(e.span.start);
        let mut t = first;
        while t < doc.tokens.len() && doc.tokens[t].span.end <= e.span.end {
            tags[t] = depeche_entities::model::tag_of(Some(e.label), t != first);
            t += 1;
        }
    }
    tags
}

const TYPES: [&str; 4] = ["PER", "LOC", "ORG", "MISC"];

/// Scores sentences; returns the total, per-type tallies and predicted tags.
fn score_sentences(
    gold: &[TrainSentence],
    lang: Lang,
    run: impl Fn(&Document) -> Vec<Entity>,
) -> (Tally, [Tally; 4], Vec<Vec<usize>>) {
    let mut total = Tally::default();
    let mut per_type = [Tally::default(); 4];
    let mut preds = Vec::with_capacity(gold.len());
    for (i, s) in gold.iter().enumerate() {
        let doc = Document::from_tokens(format!("s{i}"), &s.words, Some(lang));
        let pred = tags_from_entities(&doc, &run(&doc));
        let g = chunks(&s.tags);
        let p = chunks(&pred);
        for (ty, tally) in per_type.iter_mut().enumerate() {
            let gt: Vec<_> = g.iter().filter(|c| c.2 == ty + 1).collect();
            let pt: Vec<_> = p.iter().filter(|c| c.2 == ty + 1).collect();
            let tp = pt.iter().filter(|c| gt.contains(c)).count();
            let t = Tally { tp, fp: pt.len() - tp, fn_: gt.len() - tp };
            tally.add(t);
            total.add(t);
        }
        preds.push(pred);
    }
    (total, per_type, preds)
}

fn run_extractor(doc: &Document) -> Vec<Entity> {
    let mut layers = Layers::default();
    match EntitiesExtractor.extract(doc, &mut layers) {
        Ok(()) => layers.entities.unwrap_or_default(),
        Err(_) => Vec::new(),
    }
}

fn write_conll(path: &Path, gold: &[TrainSentence], tags: &[Vec<usize>]) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    for (s, t) in gold.iter().zip(tags) {
        for (w, &tag) in s.words.iter().zip(t) {
            writeln!(out, "{w}\t{}", tag_name(tag))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

pub fn eval(args: &EvalArgs) -> Result<()> {
    let langs: Vec<&str> = match args.lang.as_deref() {
        Some(l) => vec![if l == "en" { "en" } else { "fr" }],
        None => vec!["fr", "en"],
    };
    if let Some(dir) = &args.dump {
        std::fs::create_dir_all(dir)?;
    }
    if !data_dir().join("ner").exists() {
        println!("note: {} not found; skipping the CoNLL sets", data_dir().join("ner").display());
    } else {
        for lang in &langs {
            let lang_code = Lang::parse(lang).unwrap_or(Lang::Fr);
            for (name, part) in eval_files(lang) {
                let path = ner_path(lang, name);
                let Ok(text) = std::fs::read_to_string(&path) else {
                    println!("note: {} missing, skipped", path.display());
                    continue;
                };
                let gold = select(read_conll(&text), part);
                let tokens: usize = gold.iter().map(|s| s.words.len()).sum();
                let started = Instant::now();
                let (total, per_type, preds) = score_sentences(&gold, lang_code, run_extractor);
                let secs = started.elapsed().as_secs_f64();
                let slice = if part == Part::Tuning { " (tuning slice)" } else { "" };
                println!(
                    "{lang}/{name}{slice}: {} sentences, {tokens} tokens, {:.0} tokens/s (with scoring)",
                    gold.len(),
                    tokens as f64 / secs.max(1e-9)
                );
                println!("  ALL   {}", total.summary());
                for (ty, t) in TYPES.iter().zip(per_type) {
                    println!("  {ty:<5} {}", t.summary());
                }
                if let Some(dir) = &args.dump {
                    write_conll(
                        &dir.join(format!("{lang}-{name}.gold.conll")),
                        &gold,
                        &gold.iter().map(|s| s.tags.clone()).collect::<Vec<_>>(),
                    )?;
                    write_conll(&dir.join(format!("{lang}-{name}.pred.conll")), &gold, &preds)?;
                }
            }
        }
    }
    let mut files = gold_files_in(&fixtures_dir());
    files.extend(args.gold.iter().cloned());
    eval_gold_files(&files, args.dump.as_deref())
}

/// One gold entity of a seed-format file: char span, label, canonical, accepted alternatives.
struct GoldEntity {
    start: usize,
    end: usize,
    label: String,
    canonical: String,
    accept: Vec<(usize, usize)>,
}

fn gold_entities(gold: &serde_json::Value) -> Vec<GoldEntity> {
    let mut out = Vec::new();
    for e in gold["entities"].as_array().into_iter().flatten() {
        let n = |v: &serde_json::Value| v.as_u64().unwrap_or(0) as usize;
        out.push(GoldEntity {
            start: n(&e["start"]),
            end: n(&e["end"]),
            label: e["label"].as_str().unwrap_or("").to_string(),
            canonical: e["canonical"].as_str().unwrap_or("").to_string(),
            accept: e["accept"].as_array().into_iter().flatten().map(|a| (n(&a["start"]), n(&a["end"]))).collect(),
        });
    }
    out
}

fn eval_gold_files(files: &[PathBuf], dump: Option<&Path>) -> Result<()> {
    let mut by_lang: BTreeMap<String, (Tally, [Tally; 4], usize, usize)> = BTreeMap::new();
    for path in files {
        let g = read_gold_doc(path)?;
        let lang_str = g.gold["lang"].as_str().unwrap_or("fr").to_string();
        let lang = Lang::parse(&lang_str).unwrap_or(Lang::Fr);
        let doc = Document::new(g.name.clone(), g.text.clone(), Some(lang));
        let predicted = run_extractor(&doc);
        let map = doc.char_map();
        let pred: Vec<(usize, usize, &str, &str)> = predicted
            .iter()
            .map(|e| (map.to_char(e.span.start), map.to_char(e.span.end), e.label.as_str(), e.canonical.as_str()))
            .collect();
        let gold = gold_entities(&g.gold);
        let mut used = vec![false; pred.len()];
        let (mut exact, mut canon_ok, mut type_tally) = (0, 0, [Tally::default(); 4]);
        let mut misses = Vec::new();
        for ge in &gold {
            let ty = TYPES.iter().position(|t| *t == ge.label).unwrap_or(3);
            let found = pred.iter().enumerate().position(|(k, p)| {
                !used[k] && p.2 == ge.label && ((p.0, p.1) == (ge.start, ge.end) || ge.accept.contains(&(p.0, p.1)))
            });
            match found {
                Some(k) => {
                    used[k] = true;
                    exact += 1;
                    type_tally[ty].tp += 1;
                    if pred[k].3 == ge.canonical {
                        canon_ok += 1;
                    } else {
                        misses.push(format!(
                            "  canonical {:?}: got {:?}, want {:?}",
                            slice_chars(&g.text, ge.start, ge.end),
                            pred[k].3,
                            ge.canonical
                        ));
                    }
                }
                None => {
                    type_tally[ty].fn_ += 1;
                    misses.push(format!(
                        "  missed {} {:?} [{}, {})",
                        ge.label,
                        slice_chars(&g.text, ge.start, ge.end),
                        ge.start,
                        ge.end
                    ));
                }
            }
        }
        for (k, p) in pred.iter().enumerate() {
            if !used[k] {
                let ty = TYPES.iter().position(|t| *t == p.2).unwrap_or(3);
                type_tally[ty].fp += 1;
                misses.push(format!("  spurious {} {:?} [{}, {})", p.2, slice_chars(&g.text, p.0, p.1), p.0, p.1));
            }
        }
        let mut total = Tally::default();
        for t in type_tally {
            total.add(t);
        }
        println!(
            "{} ({lang_str}): {exact} of {} gold mentions exact, {canon_ok} of {exact} canonicals right; {}",
            g.name,
            gold.len(),
            total.summary()
        );
        for m in &misses {
            println!("{m}");
        }
        let entry = by_lang.entry(lang_str).or_default();
        entry.0.add(total);
        for (a, b) in entry.1.iter_mut().zip(type_tally) {
            a.add(b);
        }
        entry.2 += canon_ok;
        entry.3 += exact;
        if let Some(dir) = dump {
            let records: Vec<serde_json::Value> = pred
                .iter()
                .map(|p| serde_json::json!({"start": p.0, "end": p.1, "label": p.2, "canonical": p.3}))
                .collect();
            std::fs::write(
                dir.join(g.name.replace(".gold.json", ".pred.json")),
                serde_json::to_string_pretty(&records)?,
            )?;
        }
    }
    for (lang, (total, types, canon, exact)) in by_lang {
        println!("gold articles ({lang}): ALL {}; canonicals {canon}/{exact}", total.summary());
        for (ty, t) in TYPES.iter().zip(types) {
            println!("  {ty:<5} {}", t.summary());
        }
    }
    Ok(())
}

fn slice_chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end.saturating_sub(start)).collect()
}
