//! Output writers: JSON Lines (default), one pretty JSON array, TSV (one row
//! per item) and a self-contained HTML page.

use crate::html;
use crate::pipeline::Record;
use depeche_core::output::DocumentOut;
use std::io::{self, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Jsonl,
    Json,
    Tsv,
    Html,
}

/// Writes records as they come, in order.
pub struct RecordWriter<W: Write> {
    out: W,
    format: Format,
    written: usize,
}

impl<W: Write> RecordWriter<W> {
    pub fn new(out: W, format: Format) -> Self {
        RecordWriter { out, format, written: 0 }
    }

    pub fn begin(&mut self) -> io::Result<()> {
        match self.format {
            Format::Jsonl => Ok(()),
            Format::Json => self.out.write_all(b"["),
            Format::Tsv => self.out.write_all(b"id\tlayer\tstart\tend\ttext\tlabel\tdetail\n"),
            Format::Html => self.out.write_all(html::HEADER.as_bytes()),
        }
    }

    pub fn format(&self) -> Format {
        self.format
    }

    /// Writes one JSON line that was serialized beforehand (JSON Lines format).
    pub fn write_line(&mut self, line: &[u8]) -> io::Result<()> {
        self.out.write_all(line)?;
        self.out.write_all(b"\n")?;
        self.written += 1;
        Ok(())
    }

    /// Writes one record; `text` (the document text) is needed for HTML only.
    pub fn write(&mut self, record: &Record, text: Option<&str>) -> io::Result<()> {
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut self.out, record)?;
                self.out.write_all(b"\n")?;
            }
            Format::Json => {
                self.out.write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
                serde_json::to_writer_pretty(&mut self.out, record)?;
            }
            Format::Tsv => write_tsv(&mut self.out, record)?,
            Format::Html => self.out.write_all(html::document(record, text.unwrap_or("")).as_bytes())?,
        }
        self.written += 1;
        Ok(())
    }

    pub fn end(&mut self) -> io::Result<()> {
        match self.format {
            Format::Jsonl | Format::Tsv => {}
            Format::Json => self.out.write_all(b"\n]\n")?,
            Format::Html => self.out.write_all(html::FOOTER.as_bytes())?,
        }
        self.out.flush()
    }
}

/// Tabs and line breaks inside a TSV field become spaces.
fn tsv_field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn write_tsv(out: &mut impl Write, record: &Record) -> io::Result<()> {
    let doc: &DocumentOut = match record {
        Record::Ok(doc) => doc,
        Record::Error { id, error } => {
            return writeln!(out, "{}\terror\t\t\t\t\t{}", tsv_field(id), tsv_field(error));
        }
    };
    let id = tsv_field(&doc.id);
    let mut row = |layer: &str, start: usize, end: usize, text: &str, label: &str, detail: &str| {
        writeln!(out, "{id}\t{layer}\t{start}\t{end}\t{}\t{label}\t{}", tsv_field(text), tsv_field(detail))
    };
    for e in doc.entities.iter().flatten() {
        row("entities", e.start, e.end, &e.text, e.label.as_str(), &format!("{} #{}", e.canonical, e.entity_id))?;
    }
    for q in doc.quotes.iter().flatten() {
        let kind = serde_json::to_value(q.kind).unwrap_or_default();
        let speaker = q.speaker_name.clone().or_else(|| q.speaker.as_ref().map(|s| s.text.clone())).unwrap_or_default();
        row("quotes", q.start, q.end, &q.text, kind.as_str().unwrap_or(""), &speaker)?;
    }
    for n in doc.numbers.iter().flatten() {
        let value = n.value.as_str().map_or_else(|| n.value.to_string(), str::to_string);
        let detail = match &n.unit {
            Some(unit) => format!("{value} {unit}"),
            None => value,
        };
        row("numbers", n.start, n.end, &n.text, n.kind.as_str(), &detail)?;
    }
    for s in doc.stance.iter().flatten() {
        let holder = s.holder.display_name();
        let polarity = serde_json::to_value(s.polarity).unwrap_or_default();
        let target = s.target.display_name();
        row(
            "stance",
            s.target.start,
            s.target.end,
            &s.target.text,
            polarity.as_str().unwrap_or(""),
            &format!("{holder} -> {target}"),
        )?;
    }
    for (layer, items) in &doc.custom {
        for c in items {
            row(layer, c.start, c.end, &c.text, &c.label, "")?;
        }
    }
    Ok(())
}
