//! Helpers shared by the runner's integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

/// A fresh scratch directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("depeche-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the `depeche` binary with `args`, feeding `stdin`.
pub fn depeche(args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_depeche"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("depeche runs");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// Output lines parsed as JSON.
pub fn records(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .expect("output is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// Every `{start, end, text}` object in `value` must slice `text` (by chars) to its `text`.
pub fn assert_spans_slice_back(value: &serde_json::Value, chars: &[char], path: &str) -> usize {
    let mut checked = 0;
    match value {
        serde_json::Value::Object(obj) => {
            if let (Some(s), Some(e), Some(t)) = (obj.get("start"), obj.get("end"), obj.get("text")) {
                let (s, e) = (s.as_u64().unwrap() as usize, e.as_u64().unwrap() as usize);
                assert!(s <= e && e <= chars.len(), "{path}: span {s}..{e} outside text of {} chars", chars.len());
                let slice: String = chars[s..e].iter().collect();
                assert_eq!(slice, t.as_str().unwrap(), "{path}: span {s}..{e} does not slice to its text");
                checked += 1;
            }
            for (k, v) in obj {
                checked += assert_spans_slice_back(v, chars, &format!("{path}.{k}"));
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                checked += assert_spans_slice_back(v, chars, &format!("{path}[{i}]"));
            }
        }
        _ => {}
    }
    checked
}
