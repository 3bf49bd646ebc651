//! The `depeche` command line: `depeche run` and `depeche extractors`.
//!
//! Exit codes: 0 when every record was analysed, 1 when any record failed
//! (each failure is an error record in the output), 2 for a usage error.

use crate::input::{sources, total_file_bytes, InputStream, ReadCounter, ReadOptions};
use crate::output::{Format, RecordWriter};
use crate::pipeline::{Outcome, Pipeline, DEFAULT_MAX_DOC_BYTES};
use crate::registry::Registry;
use clap::{Parser, Subcommand};
use depeche_core::Lang;
use rayon::prelude::*;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::time::Instant;

#[derive(Parser, Debug)]
#[command(
    name = "depeche",
    version,
    about = "Entities, quotes, numbers and stance from news articles (French and English)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Analyse documents (the built-in demo article when no INPUT is given).
    Run(RunArgs),
    /// List the registered extractors.
    Extractors,
}

#[derive(clap::Args, Debug)]
struct RunArgs {
    /// `.txt` files, `.jsonl`/`.jsonl.gz` files, directories, or `-` for JSON Lines on stdin.
    inputs: Vec<String>,
    /// Comma-separated extractors to run (default: all). Required layers are pulled in.
    #[arg(long, value_delimiter = ',')]
    extractors: Option<Vec<String>>,
    /// Language of documents that do not give one.
    #[arg(long, default_value = "auto", value_parser = ["auto", "fr", "en"])]
    lang: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Documents larger than this many bytes get an error record.
    #[arg(long, default_value_t = DEFAULT_MAX_DOC_BYTES)]
    max_doc_bytes: usize,
    /// Documents analysed together in one parallel batch (bounds memory).
    #[arg(long, default_value_t = 256)]
    batch: usize,
    /// No progress bar and no summary line.
    #[arg(long, short)]
    quiet: bool,
}

/// Runs the command line with `registry` and returns the process exit code.
/// External extractor crates call this from their own `main`.
pub fn main_with(registry: Registry) -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match cli.command {
        Command::Extractors => list_extractors(&registry),
        Command::Run(args) => run(registry, args),
    }
}

fn list_extractors(registry: &Registry) -> i32 {
    let mut out = io::stdout().lock();
    let _ = writeln!(out, "{:<10} {:<8} {:<20} {:<12} summary", "name", "version", "requires", "produces");
    for d in registry.descriptions() {
        let join = |layers: &[depeche_core::LayerKind]| {
            let names: Vec<&str> = layers.iter().map(|l| l.name()).collect();
            if names.is_empty() {
                "-".to_string()
            } else {
                names.join(",")
            }
        };
        let _ = writeln!(
            out,
            "{:<10} {:<8} {:<20} {:<12} {}",
            d.name,
            d.version,
            join(d.requires),
            join(d.produces),
            d.summary
        );
    }
    0
}

fn usage_error(message: impl std::fmt::Display) -> i32 {
    eprintln!("depeche: {message}");
    2
}

fn run(registry: Registry, args: RunArgs) -> i32 {
    let requested: Vec<String> = match &args.extractors {
        Some(list) => list.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
        None => registry.names().iter().map(|s| s.to_string()).collect(),
    };
    let requested: Vec<&str> = requested.iter().map(String::as_str).collect();
    let mut pipeline = match Pipeline::new(registry, &requested) {
        Ok(p) => p,
        Err(e) => return usage_error(e),
    };
    pipeline.max_doc_bytes = args.max_doc_bytes;
    pipeline.keep_text = args.format == Format::Html;
    let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(pool) => pool,
        Err(e) => return usage_error(format!("cannot start {threads} threads: {e}")),
    };
    let out: Box<dyn Write + Send> = match &args.output {
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => Box::new(io::BufWriter::with_capacity(1 << 16, f)),
            Err(e) => return usage_error(format!("cannot create {}: {e}", path.display())),
        },
        None => Box::new(io::BufWriter::with_capacity(1 << 16, io::stdout())),
    };
    let options = ReadOptions { default_lang: Lang::parse(&args.lang), max_doc_bytes: args.max_doc_bytes };
    let sources = sources(&args.inputs);
    let total_bytes = total_file_bytes(&sources);
    let stream = InputStream::new(sources, options);
    let progress = Progress::new(!args.quiet && io::stderr().is_terminal(), stream.counter(), total_bytes);
    match stream_records(&pipeline, &pool, stream, RecordWriter::new(out, args.format), args.batch.max(1), &progress) {
        Ok(stats) => {
            progress.finish();
            if !args.quiet {
                eprintln!("{}", stats.summary());
            }
            i32::from(stats.errors > 0)
        }
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("depeche: cannot write output: {e}");
            1
        }
    }
}

/// Counts for the summary line.
#[derive(Debug, Default)]
struct Stats {
    documents: usize,
    errors: usize,
    bytes: usize,
    started: Option<Instant>,
}

impl Stats {
    fn summary(&self) -> String {
        let secs = self.started.map_or(0.0, |t| t.elapsed().as_secs_f64()).max(1e-9);
        format!(
            "depeche: {} documents, {} errors, {:.1} MB in {:.2} s ({:.2} MB/s)",
            self.documents,
            self.errors,
            self.bytes as f64 / 1e6,
            secs,
            self.bytes as f64 / 1e6 / secs
        )
    }
}

/// One analysed record, with its JSON line already serialized (JSON Lines
/// output), so that serialization happens in parallel too.
struct Analysed {
    outcome: Outcome,
    line: Option<Vec<u8>>,
}

/// Reads up to `batch_size` records and counts their text bytes.
fn read_batch(stream: &mut InputStream, batch_size: usize, stats: &mut Stats) -> Vec<crate::InputItem> {
    let batch: Vec<_> = stream.by_ref().take(batch_size).collect();
    stats.bytes +=
        batch.iter().map(|item| item.as_ref().map_or(0, |d| d.text.as_ref().map_or(0, String::len))).sum::<usize>();
    batch
}

fn write_analysed(
    writer: &mut RecordWriter<Box<dyn Write + Send>>,
    done: &[Analysed],
    stats: &mut Stats,
) -> io::Result<()> {
    for a in done {
        stats.documents += 1;
        stats.errors += usize::from(a.outcome.record.is_error());
        match &a.line {
            Some(line) => writer.write_line(line)?,
            None => writer.write(&a.outcome.record, a.outcome.text.as_deref())?,
        }
    }
    Ok(())
}

/// Analyses batches in parallel while, at the same time, the previous batch
/// is written and the next one read: reading, analysis and writing overlap,
/// and results are written in input order.
fn stream_records(
    pipeline: &Pipeline,
    pool: &rayon::ThreadPool,
    mut stream: InputStream,
    mut writer: RecordWriter<Box<dyn Write + Send>>,
    batch_size: usize,
    progress: &Progress,
) -> io::Result<Stats> {
    let mut stats = Stats { started: Some(Instant::now()), ..Default::default() };
    let serialize_lines = writer.format() == Format::Jsonl;
    writer.begin()?;
    let mut batch = read_batch(&mut stream, batch_size, &mut stats);
    let mut pending: Vec<Analysed> = Vec::new();
    while !batch.is_empty() || !pending.is_empty() {
        let current = std::mem::take(&mut batch);
        let to_write = std::mem::take(&mut pending);
        let (analysed, (written, next)) = pool.install(|| {
            rayon::join(
                || {
                    current
                        .into_par_iter()
                        .map(|item| {
                            let outcome = pipeline.process(item);
                            let line = serialize_lines.then(|| serde_json::to_vec(&outcome.record).unwrap_or_default());
                            Analysed { outcome, line }
                        })
                        .collect::<Vec<_>>()
                },
                || {
                    let written = write_analysed(&mut writer, &to_write, &mut stats);
                    (written, read_batch(&mut stream, batch_size, &mut stats))
                },
            )
        });
        written?;
        pending = analysed;
        batch = next;
        progress.update(&stats);
    }
    writer.end()?;
    Ok(stats)
}

/// A progress line on stderr for long runs, only when stderr is a terminal:
/// documents, errors, MB/s and, when the input size is known, an ETA.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    read: ReadCounter,
    total_bytes: Option<u64>,
}

impl Progress {
    fn new(enabled: bool, read: ReadCounter, total_bytes: Option<u64>) -> Self {
        let bar = enabled.then(|| {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.enable_steady_tick(std::time::Duration::from_millis(200));
            bar
        });
        Progress { bar, read, total_bytes }
    }

    fn update(&self, stats: &Stats) {
        let Some(bar) = &self.bar else { return };
        let secs = stats.started.map_or(0.0, |t| t.elapsed().as_secs_f64()).max(1e-9);
        let mut message = format!(
            "{} documents, {} errors, {:.1} MB/s",
            stats.documents,
            stats.errors,
            stats.bytes as f64 / 1e6 / secs
        );
        let read = self.read.get();
        if let Some(total) = self.total_bytes.filter(|&t| t > 0 && read > 0) {
            let done = (read as f64 / total as f64).min(1.0);
            let eta = secs * (1.0 - done) / done;
            message.push_str(&format!(", {:.0}% read, ETA {eta:.0} s", done * 100.0));
        }
        bar.set_message(message);
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
