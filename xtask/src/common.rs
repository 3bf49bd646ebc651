//! Shared helpers for xtask commands: where the data lives, JSONL reading,
//! offset conversion and precision/recall/F1 tallies.

use anyhow::{Context, Result};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

/// The workspace root (the parent of `xtask/`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask has a parent").to_path_buf()
}

/// `../shared` next to the workspace, or `$DEPECHE_SHARED`.
pub fn shared_dir() -> PathBuf {
    std::env::var_os("DEPECHE_SHARED").map(PathBuf::from).unwrap_or_else(|| workspace_root().join("../shared"))
}

/// `../shared/data`.
pub fn data_dir() -> PathBuf {
    shared_dir().join("data")
}

/// The fixtures folder of the workspace.
pub fn fixtures_dir() -> PathBuf {
    workspace_root().join("fixtures")
}

/// Reads a JSONL file (optionally `.gz`) into JSON values, one per non-blank line.
pub fn read_jsonl(path: &Path) -> Result<Vec<serde_json::Value>> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let reader: Box<dyn BufRead> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(BufReader::new(flate2::read::GzDecoder::new(file)))
    } else {
        Box::new(BufReader::new(file))
    };
    let mut out = Vec::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        out.push(serde_json::from_str(&line).with_context(|| format!("{}:{}", path.display(), n + 1))?);
    }
    Ok(out)
}

/// Gold files `*.gold.json` (seed-article format) in `dir`, sorted.
pub fn gold_files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    files.sort();
    files
}

/// A gold document in the seed format: the gold JSON and the text beside it
/// (`X.gold.json` goes with `X.txt`, or the `document` field names the text file).
pub struct GoldDoc {
    pub name: String,
    pub text: String,
    pub gold: serde_json::Value,
}

pub fn read_gold_doc(path: &Path) -> Result<GoldDoc> {
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path)?).with_context(|| format!("parsing {}", path.display()))?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let text_path = match gold.get("document").and_then(|d| d.as_str()) {
        Some(doc) => dir.join(doc),
        None => PathBuf::from(path.to_string_lossy().replace(".gold.json", ".txt")),
    };
    let text = std::fs::read_to_string(&text_path).with_context(|| format!("reading {}", text_path.display()))?;
    Ok(GoldDoc { name: path.file_name().unwrap().to_string_lossy().into_owned(), text, gold })
}

/// Unicode-scalar offset -> byte offset table for a text (one entry per char, plus the end).
pub fn char_to_byte_table(text: &str) -> Vec<usize> {
    let mut table: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    table.push(text.len());
    table
}

/// True-positive / false-positive / false-negative counts.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Tally {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Tally {
    pub fn add(&mut self, other: Tally) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// `P 0.912 R 0.874 F1 0.893 (tp 10 fp 1 fn 2)`.
    pub fn summary(&self) -> String {
        format!(
            "P {:.3}  R {:.3}  F1 {:.3}  (tp {} fp {} fn {})",
            self.precision(),
            self.recall(),
            self.f1(),
            self.tp,
            self.fp,
            self.fn_
        )
    }
}

pub fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}
