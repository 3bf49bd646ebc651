//! Throughput of the quotes extractor alone (documents segmented beforehand)
//! on the seed article and, when `../shared/data/corpus` is present, on about
//! a megabyte of French and English news; `segment_only` and
//! `segment_then_quotes` show what the extractor adds to the pipeline.
//! The entities layer is filled by a simple capitalized-word scan.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use depeche_core::{Document, Entity, EntityLabel, Extractor, Lang, Layers, Span, TokenKind};
use depeche_quotes::QuotesExtractor;

const SEED: &str = include_str!("../../../fixtures/000_ee3f1e022047f0f8.txt");

/// Runs of capitalized words not at a sentence start, as PER entities.
fn capitalized_entities(doc: &Document) -> Vec<Entity> {
    let mut out = Vec::new();
    let mut run: Option<Span> = None;
    for (i, t) in doc.tokens.iter().enumerate() {
        let w = doc.token_text(i);
        let capitalized = t.kind == TokenKind::Word && w.starts_with(char::is_uppercase);
        match (capitalized, run) {
            (true, Some(r)) => run = Some(r.cover(t.span)),
            (true, None) => run = Some(t.span),
            (false, Some(r)) => {
                out.push(entity(doc, r, out.len()));
                run = None;
            }
            (false, None) => {}
        }
    }
    if let Some(r) = run {
        out.push(entity(doc, r, out.len()));
    }
    out
}

fn entity(doc: &Document, span: Span, id: usize) -> Entity {
    Entity { span, label: EntityLabel::PER, canonical: doc.slice(span).to_string(), entity_id: id as u32, score: None }
}

fn prepared(texts: &[String]) -> Vec<(Document, Layers)> {
    texts
        .iter()
        .map(|t| {
            let doc = Document::new("c", t.as_str(), None);
            let layers = Layers { entities: Some(capitalized_entities(&doc)), ..Layers::default() };
            (doc, layers)
        })
        .collect()
}

fn run_quotes(docs: &mut [(Document, Layers)]) -> usize {
    docs.iter_mut()
        .map(|(doc, layers)| {
            QuotesExtractor.extract(doc, layers).ok();
            layers.quotes().len()
        })
        .sum()
}

fn quotes(c: &mut Criterion) {
    let mut group = c.benchmark_group("quotes");
    let mut seed = prepared(&[SEED.to_string()]);
    group.throughput(Throughput::Bytes(SEED.len() as u64));
    group.bench_function("seed_article", |b| b.iter(|| run_quotes(&mut seed)));
    for lang in ["fr", "en"] {
        let Some(texts) = depeche_testdata::corpus_sample(lang, 1_000_000) else {
            continue;
        };
        let bytes: usize = texts.iter().map(String::len).sum();
        let mut docs = prepared(&texts);
        group.throughput(Throughput::Bytes(bytes as u64));
        group.sample_size(10);
        group.bench_function(format!("corpus_{lang}_1MB"), |b| b.iter(|| run_quotes(&mut docs)));
        let language = if lang == "fr" { Lang::Fr } else { Lang::En };
        group.bench_function(format!("corpus_{lang}_1MB_segment_only"), |b| {
            b.iter(|| texts.iter().map(|t| Document::new("c", t.as_str(), Some(language)).tokens.len()).sum::<usize>())
        });
        group.bench_function(format!("corpus_{lang}_1MB_segment_then_quotes"), |b| {
            b.iter(|| {
                texts
                    .iter()
                    .map(|t| {
                        let doc = Document::new("c", t.as_str(), Some(language));
                        let mut layers = Layers { entities: Some(Vec::new()), ..Layers::default() };
                        QuotesExtractor.extract(&doc, &mut layers).ok();
                        layers.quotes().len()
                    })
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, quotes);
criterion_main!(benches);
