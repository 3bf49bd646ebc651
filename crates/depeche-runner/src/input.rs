//! Streaming input: `.txt` files (one document), `.jsonl` / `.jsonl.gz` files
//! and stdin (one document per line), directories (walked recursively, in
//! sorted order). Nothing is loaded whole: lines are read one at a time and a
//! line longer than the size limit is skipped without being stored.

use depeche_core::Lang;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// One document to analyse.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct InputDoc {
    pub id: String,
    pub text: Option<String>,
    /// Given tokens (used when `text` is absent).
    pub tokens: Option<Vec<String>>,
    /// `None`: identify the language.
    pub lang: Option<Lang>,
    /// Target spans for stance, in Unicode-scalar offsets.
    pub targets: Vec<(usize, usize)>,
}

impl InputDoc {
    pub fn from_text(id: impl Into<String>, text: impl Into<String>) -> Self {
        InputDoc { id: id.into(), text: Some(text.into()), ..Default::default() }
    }
}

/// A record that could not be read; it becomes an error record.
#[derive(Debug, Clone, PartialEq)]
pub struct InputError {
    pub id: String,
    pub message: String,
}

pub type InputItem = Result<InputDoc, InputError>;

/// Where documents come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The built-in demo article.
    Demo,
    /// JSON Lines on standard input.
    Stdin,
    File(PathBuf),
}

/// Turns command-line inputs into sources; directories become their files
/// (`.txt`, `.jsonl`, `.jsonl.gz`, `.ndjson`), recursively, sorted by path.
pub fn sources(inputs: &[String]) -> Vec<Source> {
    if inputs.is_empty() {
        return vec![Source::Demo];
    }
    let mut out = Vec::new();
    for input in inputs {
        if input == "-" {
            out.push(Source::Stdin);
            continue;
        }
        let path = PathBuf::from(input);
        if path.is_dir() {
            let mut files = Vec::new();
            walk(&path, &mut files);
            files.sort();
            out.extend(files.into_iter().map(Source::File));
        } else {
            out.push(Source::File(path));
        }
    }
    out
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        files.push(dir.to_path_buf()); // reported as unreadable when opened
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, files);
        } else if is_document_file(&path) {
            files.push(path);
        }
    }
}

fn is_document_file(path: &Path) -> bool {
    let name = path.to_string_lossy();
    [".txt", ".jsonl", ".jsonl.gz", ".ndjson"].iter().any(|ext| name.ends_with(ext))
}

fn is_jsonl(path: &Path) -> bool {
    let name = path.to_string_lossy();
    name.ends_with(".jsonl") || name.ends_with(".jsonl.gz") || name.ends_with(".ndjson") || name.ends_with(".gz")
}

/// Options that apply to every record read.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    /// Language for records that do not give one (`None`: identify).
    pub default_lang: Option<Lang>,
    /// Records larger than this are reported instead of loaded.
    pub max_doc_bytes: usize,
}

/// Bytes read so far from input files (before decompression), for progress and ETA.
#[derive(Debug, Clone, Default)]
pub struct ReadCounter(Arc<AtomicU64>);

impl ReadCounter {
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
    fn add(&self, n: usize) {
        self.0.fetch_add(n as u64, Ordering::Relaxed);
    }
}

/// A reader that counts the bytes it reads.
struct Counted<R> {
    inner: R,
    counter: ReadCounter,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.add(n);
        Ok(n)
    }
}

/// Total size of the file sources, when every source is a file.
pub fn total_file_bytes(sources: &[Source]) -> Option<u64> {
    sources
        .iter()
        .map(|s| match s {
            Source::File(path) => std::fs::metadata(path).ok().map(|m| m.len()),
            _ => None,
        })
        .sum()
}

/// Reads all sources in order, one record at a time.
pub struct InputStream {
    sources: std::vec::IntoIter<Source>,
    current: Option<Box<dyn Iterator<Item = InputItem> + Send>>,
    options: ReadOptions,
    counter: ReadCounter,
}

impl InputStream {
    pub fn new(sources: Vec<Source>, options: ReadOptions) -> Self {
        InputStream { sources: sources.into_iter(), current: None, options, counter: ReadCounter::default() }
    }

    /// A handle on the number of input-file bytes read so far.
    pub fn counter(&self) -> ReadCounter {
        self.counter.clone()
    }

    fn open(&self, source: Source) -> Box<dyn Iterator<Item = InputItem> + Send> {
        let options = self.options;
        match source {
            Source::Demo => Box::new(std::iter::once(Ok(InputDoc {
                lang: options.default_lang,
                ..InputDoc::from_text(crate::DEMO_ID, crate::DEMO_ARTICLE)
            }))),
            Source::Stdin => Box::new(JsonLines::new("<stdin>".into(), Box::new(BufReader::new(io::stdin())), options)),
            Source::File(path) if is_jsonl(&path) => open_jsonl(&path, options, self.counter.clone()),
            Source::File(path) => {
                let item = read_text_file(&path, options);
                self.counter.add(std::fs::metadata(&path).map_or(0, |m| m.len() as usize));
                Box::new(std::iter::once(item))
            }
        }
    }
}

impl Iterator for InputStream {
    type Item = InputItem;
    fn next(&mut self) -> Option<InputItem> {
        loop {
            if let Some(current) = &mut self.current {
                if let Some(item) = current.next() {
                    return Some(item);
                }
            }
            let source = self.sources.next()?;
            self.current = Some(self.open(source));
        }
    }
}

fn open_jsonl(path: &Path, options: ReadOptions, counter: ReadCounter) -> Box<dyn Iterator<Item = InputItem> + Send> {
    let name = path.display().to_string();
    match File::open(path) {
        Ok(file) => {
            let file = Counted { inner: file, counter };
            let reader: Box<dyn BufRead + Send> = if path.to_string_lossy().ends_with(".gz") {
                Box::new(BufReader::with_capacity(1 << 16, flate2::read::MultiGzDecoder::new(file)))
            } else {
                Box::new(BufReader::with_capacity(1 << 16, file))
            };
            Box::new(JsonLines::new(name, reader, options))
        }
        Err(e) => Box::new(std::iter::once(Err(InputError { id: name, message: format!("cannot open file: {e}") }))),
    }
}

/// A `.txt` file is one document whose id is its path.
fn read_text_file(path: &Path, options: ReadOptions) -> InputItem {
    let id = path.display().to_string();
    let fail = |message: String| Err(InputError { id: id.clone(), message });
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return fail(format!("cannot open file: {e}")),
    };
    let mut bytes = Vec::new();
    let limit = options.max_doc_bytes as u64 + 1;
    if let Err(e) = file.take(limit).read_to_end(&mut bytes) {
        return fail(format!("cannot read file: {e}"));
    }
    if bytes.len() as u64 >= limit {
        return fail(format!("document is over the limit of {} bytes (--max-doc-bytes)", options.max_doc_bytes));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(InputDoc { lang: options.default_lang, ..InputDoc::from_text(id, text) }),
        Err(e) => fail(format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to())),
    }
}

/// JSON Lines records from a reader; each line becomes a document or an error.
pub struct JsonLines {
    name: String,
    reader: Box<dyn BufRead + Send>,
    line_no: usize,
    buf: Vec<u8>,
    options: ReadOptions,
    done: bool,
}

impl JsonLines {
    pub fn new(name: String, reader: Box<dyn BufRead + Send>, options: ReadOptions) -> Self {
        JsonLines { name, reader, line_no: 0, buf: Vec::new(), options, done: false }
    }

    fn line_id(&self) -> String {
        format!("{}:{}", self.name, self.line_no)
    }
}

impl Iterator for JsonLines {
    type Item = InputItem;
    fn next(&mut self) -> Option<InputItem> {
        while !self.done {
            self.buf.clear();
            let read = read_line_bounded(&mut self.reader, &mut self.buf, self.options.max_doc_bytes);
            self.line_no += 1;
            let line = match read {
                Ok(LineRead::Eof) => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(InputError { id: self.line_id(), message: format!("read error: {e}") }));
                }
                Ok(LineRead::TooLong(len)) => {
                    let message = format!(
                        "record is {len} bytes, over the limit of {} bytes (--max-doc-bytes)",
                        self.options.max_doc_bytes
                    );
                    return Some(Err(InputError { id: self.line_id(), message }));
                }
                Ok(LineRead::Line) => &self.buf,
            };
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(parse_record(line, &self.line_id(), self.options.default_lang));
        }
        None
    }
}

enum LineRead {
    Line,
    Eof,
    /// The line (without its newline) had this many bytes and was not stored.
    TooLong(usize),
}

/// Reads one line into `buf` (without the newline), storing at most `max` bytes.
fn read_line_bounded(reader: &mut dyn BufRead, buf: &mut Vec<u8>, max: usize) -> io::Result<LineRead> {
    let mut total = 0usize;
    let mut saw_any = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        saw_any = true;
        let (chunk, found_newline) = match memchr_newline(available) {
            Some(i) => (&available[..i], true),
            None => (available, false),
        };
        total += chunk.len();
        if total <= max {
            buf.extend_from_slice(chunk);
        }
        let consumed = chunk.len() + usize::from(found_newline);
        reader.consume(consumed);
        if found_newline {
            break;
        }
    }
    if !saw_any {
        return Ok(LineRead::Eof);
    }
    if total > max {
        buf.clear();
        return Ok(LineRead::TooLong(total));
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(LineRead::Line)
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}

/// Parses one JSON Lines record: `{"id", "text", "lang"?, "tokens"?, "targets"?}`.
pub fn parse_record(line: &[u8], line_id: &str, default_lang: Option<Lang>) -> InputItem {
    let fail = |id: &str, message: String| Err(InputError { id: id.to_string(), message });
    let text = match std::str::from_utf8(line) {
        Ok(t) => t,
        Err(e) => return fail(line_id, format!("invalid UTF-8 at byte {}", e.valid_up_to())),
    };
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return fail(line_id, format!("malformed JSON: {e}")),
    };
    let Some(obj) = value.as_object() else {
        return fail(line_id, "record is not a JSON object".to_string());
    };
    let id = match obj.get("id") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Null) | None => line_id.to_string(),
        Some(other) => other.to_string(),
    };
    let lang = match obj.get("lang").and_then(|l| l.as_str()) {
        None | Some("auto") | Some("") => default_lang,
        Some(code) => match Lang::parse(code) {
            Some(lang) => Some(lang),
            None => return fail(&id, format!("unknown `lang` {code:?} (fr, en, other or auto)")),
        },
    };
    let text = match obj.get("text") {
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        None | Some(serde_json::Value::Null) => None,
        Some(_) => return fail(&id, "`text` is not a string".to_string()),
    };
    let tokens = match obj.get("tokens") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::Array(items)) => match items.iter().map(|t| t.as_str().map(str::to_string)).collect() {
            Some(tokens) => Some(tokens),
            None => return fail(&id, "`tokens` must be an array of strings".to_string()),
        },
        Some(_) => return fail(&id, "`tokens` must be an array of strings".to_string()),
    };
    if text.is_none() && tokens.is_none() {
        return fail(&id, "record has no `text` (nor `tokens`)".to_string());
    }
    let targets = match parse_targets(obj.get("targets")) {
        Ok(t) => t,
        Err(message) => return fail(&id, message),
    };
    Ok(InputDoc { id, text, tokens, lang, targets })
}

fn parse_targets(value: Option<&serde_json::Value>) -> Result<Vec<(usize, usize)>, String> {
    let Some(value) = value.filter(|v| !v.is_null()) else {
        return Ok(Vec::new());
    };
    let items = value.as_array().ok_or("`targets` must be an array of {\"start\", \"end\"}")?;
    items
        .iter()
        .map(|t| {
            let start = t.get("start").and_then(|s| s.as_u64());
            let end = t.get("end").and_then(|s| s.as_u64());
            match (start, end) {
                (Some(s), Some(e)) => Ok((s as usize, e as usize)),
                _ => Err(format!("target {t} needs integer `start` and `end`")),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str, expected: Result<InputDoc, &str>) {
        let got = parse_record(line.as_bytes(), "f.jsonl:3", None);
        match expected {
            Ok(doc) => assert_eq!(got, Ok(doc)),
            Err(msg) => {
                let err = got.expect_err(line);
                assert!(err.message.contains(msg), "{:?} should contain {msg:?}", err.message);
            }
        }
    }

    #[test]
    fn records_parse_or_say_why() {
        check(r#"{"id": "a", "text": "Bonjour"}"#, Ok(InputDoc::from_text("a", "Bonjour")));
        check(
            r#"{"text": "Hi", "lang": "en"}"#,
            Ok(InputDoc { lang: Some(Lang::En), ..InputDoc::from_text("f.jsonl:3", "Hi") }),
        );
        check(r#"{"id": 7, "text": "x"}"#, Ok(InputDoc::from_text("7", "x")));
        check(
            r#"{"id": "t", "tokens": ["New", "York"], "targets": [{"start": 0, "end": 3}]}"#,
            Ok(InputDoc {
                id: "t".into(),
                tokens: Some(vec!["New".into(), "York".into()]),
                targets: vec![(0, 3)],
                ..Default::default()
            }),
        );
        check(r#"{"id": "a", "text": "#, Err("malformed JSON"));
        check(r#"{"id": "a"}"#, Err("no `text`"));
        check(r#"[1, 2]"#, Err("not a JSON object"));
        check(r#"{"id": "a", "text": "x", "lang": "de"}"#, Err("unknown `lang`"));
        check(r#"{"id": "a", "text": "x", "targets": [{"start": 1}]}"#, Err("integer `start` and `end`"));
    }

    #[test]
    fn long_lines_are_skipped_not_stored() {
        let data = format!("{{\"text\": \"{}\"}}\n{{\"text\": \"ok\"}}\n", "a".repeat(1000));
        let options = ReadOptions { default_lang: None, max_doc_bytes: 100 };
        let items: Vec<InputItem> = JsonLines::new("x".into(), Box::new(io::Cursor::new(data)), options).collect();
        assert_eq!(items.len(), 2);
        assert!(items[0].as_ref().unwrap_err().message.contains("over the limit"));
        assert_eq!(items[1].as_ref().unwrap().text.as_deref(), Some("ok"));
        assert_eq!(items[1].as_ref().unwrap().id, "x:2");
    }
}
