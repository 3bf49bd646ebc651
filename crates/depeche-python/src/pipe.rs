//! The iterator returned by `Pipeline.pipe`: it pulls a batch of items from
//! the Python iterable, analyses the batch on a rayon pool with the GIL
//! released, and yields the results in input order. An exception raised by
//! the iterable itself is re-raised after the items read before it are yielded.

use crate::items::{self, RawItem};
use depeche_core::Lang;
use depeche_runner::{Pipeline, Record};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyIterator, PyString};
use rayon::prelude::*;
use std::collections::VecDeque;
use std::sync::Arc;

/// What `pipe` yields for each document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputKind {
    /// A dict (the JSON line decoded by `json.loads`).
    Dict,
    /// The JSON line itself, as `str`.
    Json,
    /// A dict of str: `id`, `lang` (or `error`) as they are, each layer as
    /// its JSON text (one column per layer in a table).
    Columns,
}

/// One analysed document, rendered in the worker thread.
enum Rendered {
    Line(String),
    /// `(key, text)`: plain text for string values, JSON text otherwise.
    Columns(Vec<(String, String)>),
}

impl Rendered {
    fn of(record: &Record, output: OutputKind) -> Rendered {
        match output {
            OutputKind::Dict | OutputKind::Json => Rendered::Line(to_json_line(record)),
            OutputKind::Columns => Rendered::Columns(columns(record)),
        }
    }

    fn into_py(self, py: Python<'_>, output: OutputKind) -> PyResult<PyObject> {
        match (self, output) {
            (Rendered::Line(line), OutputKind::Dict) => Ok(items::json_loads(py)?.call1((line,))?.unbind()),
            (Rendered::Line(line), _) => Ok(PyString::new(py, &line).into_any().unbind()),
            (Rendered::Columns(pairs), _) => {
                let dict = PyDict::new(py);
                for (key, text) in pairs {
                    dict.set_item(key, text)?;
                }
                Ok(dict.into_any().unbind())
            }
        }
    }
}

/// The top-level keys of a record: strings as they are, the rest as JSON.
fn columns(record: &Record) -> Vec<(String, String)> {
    let value = serde_json::to_value(record).unwrap_or_else(
        |e| serde_json::json!({"id": "?", "error": format!("internal error: cannot serialize output: {e}")}),
    );
    let serde_json::Value::Object(map) = value else {
        return Vec::new();
    };
    map.into_iter()
        .map(|(key, value)| match value {
            serde_json::Value::String(s) => (key, s),
            other => (key, other.to_string()),
        })
        .collect()
}

impl OutputKind {
    pub fn parse(name: &str) -> PyResult<OutputKind> {
        match name {
            "dict" => Ok(OutputKind::Dict),
            "json" => Ok(OutputKind::Json),
            "columns" => Ok(OutputKind::Columns),
            other => {
                Err(PyValueError::new_err(format!("unknown output {other:?}: use \"dict\", \"json\" or \"columns\"")))
            }
        }
    }
}

/// The JSON line of `depeche run` for one record.
pub fn to_json_line(record: &Record) -> String {
    serde_json::to_string(record).unwrap_or_else(|e| {
        let id = match record {
            Record::Ok(doc) => doc.id.clone(),
            Record::Error { id, .. } => id.clone(),
        };
        let error = Record::error(id, format!("internal error: cannot serialize output: {e}"));
        serde_json::to_string(&error).unwrap_or_default()
    })
}

/// Results of `Pipeline.pipe`, in input order.
#[pyclass(module = "depeche")]
pub struct PipeIter {
    pipeline: Arc<Pipeline>,
    default_lang: Option<Lang>,
    pool: Arc<rayon::ThreadPool>,
    source: Py<PyIterator>,
    batch_size: usize,
    output: OutputKind,
    /// Position of the next item read (its default id).
    next_index: usize,
    ready: VecDeque<PyObject>,
    /// The source is exhausted (or raised).
    finished: bool,
    /// An exception from the source, raised once `ready` is drained.
    pending_error: Option<PyErr>,
}

impl PipeIter {
    pub fn new(
        pipeline: Arc<Pipeline>,
        default_lang: Option<Lang>,
        source: Py<PyIterator>,
        threads: usize,
        batch_size: usize,
        output: OutputKind,
    ) -> PyResult<PipeIter> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("depeche-{i}"))
            .build()
            .map_err(|e| PyRuntimeError::new_err(format!("cannot start {threads} threads: {e}")))?;
        Ok(PipeIter {
            pipeline,
            default_lang,
            pool: Arc::new(pool),
            source,
            batch_size,
            output,
            next_index: 0,
            ready: VecDeque::new(),
            finished: false,
            pending_error: None,
        })
    }

    /// Reads up to `batch_size` items from the source (GIL held).
    fn read_batch(&mut self, py: Python<'_>) -> Vec<RawItem> {
        let mut batch = Vec::with_capacity(self.batch_size);
        let source = self.source.bind(py).clone();
        while batch.len() < self.batch_size {
            match source.clone().next() {
                Some(Ok(item)) => {
                    batch.push(items::convert(&item, self.next_index));
                    self.next_index += 1;
                }
                Some(Err(e)) => {
                    self.pending_error = Some(e);
                    self.finished = true;
                    break;
                }
                None => {
                    self.finished = true;
                    break;
                }
            }
        }
        batch
    }

    /// Analyses one batch in parallel with the GIL released.
    fn analyse(&self, py: Python<'_>, batch: Vec<RawItem>) -> Vec<Rendered> {
        let pipeline = &self.pipeline;
        let lang = self.default_lang;
        let pool = &self.pool;
        let output = self.output;
        py.allow_threads(|| {
            pool.install(|| {
                batch
                    .into_par_iter()
                    .map(|raw| Rendered::of(&pipeline.process(raw.into_input(lang)).record, output))
                    .collect()
            })
        })
    }

    fn fill(&mut self, py: Python<'_>) -> PyResult<()> {
        while self.ready.is_empty() && !self.finished {
            let batch = self.read_batch(py);
            if batch.is_empty() {
                continue;
            }
            for rendered in self.analyse(py, batch) {
                let value = rendered.into_py(py, self.output)?;
                self.ready.push_back(value);
            }
            py.check_signals()?;
        }
        Ok(())
    }
}

#[pymethods]
impl PipeIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<PyObject>> {
        self.fill(py)?;
        if let Some(value) = self.ready.pop_front() {
            return Ok(Some(value));
        }
        match self.pending_error.take() {
            Some(e) => Err(e),
            None => Ok(None),
        }
    }
}
