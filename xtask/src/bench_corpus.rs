//! `cargo xtask bench-corpus`: runs the release `depeche` binary over the whole
//! news corpus files with one thread and with all cores, and prints
//! documents/s, MB/s, tokens/s and peak resident memory for each run.

use crate::common::{data_dir, read_jsonl, workspace_root};
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[derive(clap::Args, Debug, Clone)]
pub struct BenchCorpusArgs {
    /// Corpus files (default: fr-news and en-news in ../shared/data/corpus).
    pub files: Vec<PathBuf>,
    /// Extractors to run (default: all).
    #[arg(long, default_value = "entities,quotes,numbers,stance")]
    pub extractors: String,
    /// Thread counts to measure (default: 1 and every core of this machine).
    #[arg(long, value_delimiter = ',')]
    pub threads: Vec<usize>,
}

/// One measured run.
struct Run {
    seconds: f64,
    peak_rss_kb: u64,
}

pub fn bench_corpus(args: &BenchCorpusArgs) -> Result<()> {
    let files: Vec<PathBuf> = if args.files.is_empty() {
        ["fr-news.jsonl.gz", "en-news.jsonl.gz"].iter().map(|f| data_dir().join("corpus").join(f)).collect()
    } else {
        args.files.clone()
    };
    let binary = build_depeche()?;
    println!(
        "{:<22} {:>7} {:>8} {:>9} {:>10} {:>12} {:>10}",
        "file", "threads", "docs", "docs/s", "MB/s", "tokens/s", "peak MB"
    );
    for file in &files {
        if !file.exists() {
            println!("{}: not found, skipped", file.display());
            continue;
        }
        let (docs, bytes, tokens) = corpus_size(file)?;
        for &threads in &thread_counts(&args.threads) {
            let run = run_depeche(&binary, file, &args.extractors, threads)?;
            println!(
                "{:<22} {:>7} {:>8} {:>9.0} {:>10.2} {:>12.0} {:>10.1}",
                file.file_name().unwrap().to_string_lossy(),
                threads,
                docs,
                docs as f64 / run.seconds,
                bytes as f64 / 1e6 / run.seconds,
                tokens as f64 / run.seconds,
                run.peak_rss_kb as f64 / 1024.0
            );
        }
    }
    Ok(())
}

/// The thread counts asked for, or 1 and all cores.
fn thread_counts(asked: &[usize]) -> Vec<usize> {
    if !asked.is_empty() {
        return asked.to_vec();
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if cores > 1 {
        vec![1, cores]
    } else {
        vec![1]
    }
}

fn build_depeche() -> Result<PathBuf> {
    let status = Command::new(env!("CARGO"))
        .args(["build", "--release", "-q", "-p", "depeche-runner"])
        .current_dir(workspace_root())
        .status()?;
    if !status.success() {
        bail!("building depeche failed");
    }
    Ok(workspace_root().join("target/release/depeche"))
}

/// Documents, text bytes and core tokens in a corpus file.
fn corpus_size(file: &Path) -> Result<(usize, usize, usize)> {
    let records = read_jsonl(file)?;
    let texts: Vec<&str> = records.iter().filter_map(|r| r.get("text")?.as_str()).collect();
    let bytes = texts.iter().map(|t| t.len()).sum();
    let tokens = texts.iter().map(|t| depeche_core::Document::new("", *t, None).tokens.len()).sum();
    Ok((texts.len(), bytes, tokens))
}

/// Runs depeche on `file`, discarding output, sampling peak RSS from /proc.
fn run_depeche(binary: &Path, file: &Path, extractors: &str, threads: usize) -> Result<Run> {
    let started = Instant::now();
    let mut child = Command::new(binary)
        .args(["run", "--quiet", "--extractors", extractors, "--threads", &threads.to_string()])
        .arg(file)
        .stdout(Stdio::null())
        .spawn()
        .context("starting depeche")?;
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Ok(status) = std::fs::read_to_string(&status_path) {
            peak = peak.max(vm_hwm_kb(&status));
        }
        if let Some(status) = child.try_wait()? {
            if status.code() == Some(2) {
                bail!("depeche refused the arguments");
            }
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Ok(Run { seconds: started.elapsed().as_secs_f64(), peak_rss_kb: peak })
}

/// `VmHWM` (peak resident set) in kB from a /proc status file.
fn vm_hwm_kb(status: &str) -> u64 {
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}
