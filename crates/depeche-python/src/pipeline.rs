//! `depeche.Pipeline`: the extractors planned once, then applied to one text
//! (`nlp(text)`) or to a stream (`nlp.pipe(items, threads=N)`).

use crate::items::{self, RawItem};
use crate::pipe::{OutputKind, PipeIter};
use crate::DocumentError;
use depeche_core::Lang;
use depeche_runner::{Pipeline, Record, Registry};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyIterator, PyList, PyString, PyTuple};
use std::sync::Arc;

/// Default number of documents analysed together by `pipe`.
const DEFAULT_BATCH_SIZE: usize = 256;

/// Which extractors run, in which language, on every document.
///
/// `Pipeline(extractors=None, lang="auto", max_doc_bytes=10_000_000)`:
/// `extractors` is a list of names (default: all; their required layers are
/// computed too, only the requested ones are output), `lang` the language of
/// documents that give none (`"auto"`, `"fr"`, `"en"`). Unknown names raise
/// `ValueError`.
///
/// `nlp(text)` returns the record of `depeche run` as a dict;
/// `nlp.pipe(items, threads=N)` analyses a stream in parallel, in order.
/// Offsets are Python `str` indices.
#[pyclass(name = "Pipeline", module = "depeche", frozen)]
pub struct PyPipeline {
    pipeline: Arc<Pipeline>,
    /// The extractor names as given (their layers are output).
    requested: Vec<String>,
    /// `"auto"`, `"fr"` or `"en"`.
    lang_code: String,
    default_lang: Option<Lang>,
}

#[pymethods]
impl PyPipeline {
    #[new]
    #[pyo3(
        signature = (extractors=None, lang="auto", max_doc_bytes=depeche_runner::pipeline::DEFAULT_MAX_DOC_BYTES),
        text_signature = "(extractors=None, lang='auto', max_doc_bytes=10000000)"
    )]
    fn new(extractors: Option<&Bound<'_, PyAny>>, lang: &str, max_doc_bytes: usize) -> PyResult<Self> {
        let default_lang = parse_lang(lang)?;
        let registry = Registry::builtin();
        let requested = match extractors {
            Some(value) => extractor_names(value)?,
            None => registry.names().iter().map(|s| s.to_string()).collect(),
        };
        let names: Vec<&str> = requested.iter().map(String::as_str).collect();
        let mut pipeline = Pipeline::new(registry, &names).map_err(|e| PyValueError::new_err(e.to_string()))?;
        pipeline.max_doc_bytes = max_doc_bytes;
        Ok(PyPipeline { pipeline: Arc::new(pipeline), requested, lang_code: lang.to_ascii_lowercase(), default_lang })
    }

    /// The extractors whose layers are output, as requested.
    #[getter]
    fn extractors(&self) -> Vec<String> {
        self.requested.clone()
    }

    /// All extractors in run order (required ones included).
    #[getter]
    fn order(&self) -> Vec<&'static str> {
        self.pipeline.order()
    }

    /// The keys an analysed record has besides `id` and `lang`: the layers of
    /// the requested extractors (`"tone"` comes with `"stance"`, and may be absent).
    #[getter]
    fn layers(&self) -> Vec<&'static str> {
        output_layers(&self.requested)
    }

    /// Language of documents that do not give one: `"auto"`, `"fr"` or `"en"`.
    #[getter]
    fn lang(&self) -> &str {
        &self.lang_code
    }

    /// Documents larger than this many bytes (UTF-8) get an error.
    #[getter]
    fn max_doc_bytes(&self) -> usize {
        self.pipeline.max_doc_bytes
    }

    /// Analyses one document: a `str`, or a record dict
    /// `{"id", "text", "lang"?, "tokens"?, "targets"?}`.
    ///
    /// Returns the record of `depeche run` as a dict. Raises `DocumentError`
    /// when the document cannot be analysed, `TypeError` for other values.
    #[pyo3(signature = (document, *, id=None))]
    fn __call__(&self, py: Python<'_>, document: &Bound<'_, PyAny>, id: Option<String>) -> PyResult<PyObject> {
        let raw = match items::convert(document, 0) {
            RawItem::Bad(e) if !is_text_or_mapping(document) => return Err(PyTypeError::new_err(e.message)),
            RawItem::Text { text, .. } => RawItem::Text { id: id.unwrap_or_else(|| "0".to_string()), text },
            other => other,
        };
        let pipeline = Arc::clone(&self.pipeline);
        let lang = self.default_lang;
        let record = py.allow_threads(move || pipeline.process(raw.into_input(lang)).record);
        match &record {
            Record::Error { id, error } => Err(DocumentError::new_err(format!("document {id:?}: {error}"))),
            Record::Ok(_) => {
                let line = crate::pipe::to_json_line(&record);
                items::json_loads(py)?.call1((line,)).map(Bound::unbind)
            }
        }
    }

    /// Analyses a stream of documents (`str` or record dicts) in parallel and
    /// yields one result per input, in input order.
    ///
    /// `threads`: worker threads (default: all cores). `batch_size`: documents
    /// analysed together (bounds memory). `output`: `"dict"` (default),
    /// `"json"` (the exact JSON line of `depeche run`, as `str`) or
    /// `"columns"` (a dict of str: `id`, `lang` or `error`, and each layer as
    /// its JSON text: one column per layer for Parquet or a DataFrame).
    /// A bad record yields `{"id": ..., "error": ...}`; nothing is dropped.
    #[pyo3(
        signature = (items, *, threads=None, batch_size=DEFAULT_BATCH_SIZE, output="dict"),
        text_signature = "(self, items, *, threads=None, batch_size=256, output='dict')"
    )]
    fn pipe(
        &self,
        items: &Bound<'_, PyAny>,
        threads: Option<usize>,
        batch_size: usize,
        output: &str,
    ) -> PyResult<PipeIter> {
        let output = OutputKind::parse(output)?;
        if batch_size == 0 {
            return Err(PyValueError::new_err("batch_size must be at least 1"));
        }
        let threads = match threads {
            Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
            Some(n) => n,
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        };
        if items.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(
                "pipe() takes an iterable of documents; to analyse one text, call the pipeline: nlp(text)",
            ));
        }
        let source = PyIterator::from_object(items)
            .map_err(|_| PyTypeError::new_err("pipe() needs an iterable of str or dict"))?;
        PipeIter::new(Arc::clone(&self.pipeline), self.default_lang, source.unbind(), threads, batch_size, output)
    }

    /// Pickling support (Spark ships a driver-side pipeline to executors).
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let me = slf.get();
        let args = PyTuple::new(
            py,
            [
                PyList::new(py, &me.requested)?.into_any(),
                PyString::new(py, &me.lang_code).into_any(),
                me.pipeline.max_doc_bytes.into_pyobject(py)?.into_any(),
            ],
        )?;
        Ok((slf.get_type().into_any(), args))
    }

    fn __repr__(&self) -> String {
        format!("depeche.Pipeline(extractors={:?}, lang={:?})", self.requested, self.lang_code)
    }
}

/// Layers output for the requested extractors, in the order of the record.
fn output_layers(requested: &[String]) -> Vec<&'static str> {
    let mut layers: Vec<&'static str> = Vec::new();
    for d in Registry::builtin().descriptions() {
        if requested.iter().any(|r| r == d.name) {
            layers.extend(d.produces.iter().map(|l| l.name()));
        }
    }
    let order =
        |name: &str| ["entities", "quotes", "numbers", "stance"].iter().position(|&l| l == name).unwrap_or(usize::MAX);
    layers.sort_by_key(|l| order(l));
    layers.dedup();
    if layers.contains(&"stance") {
        layers.push("tone");
    }
    layers
}

fn is_text_or_mapping(value: &Bound<'_, PyAny>) -> bool {
    value.is_instance_of::<PyString>() || value.downcast::<pyo3::types::PyMapping>().is_ok()
}

fn parse_lang(code: &str) -> PyResult<Option<Lang>> {
    match code.to_ascii_lowercase().as_str() {
        "auto" | "" => Ok(None),
        "fr" => Ok(Some(Lang::Fr)),
        "en" => Ok(Some(Lang::En)),
        other => Err(PyValueError::new_err(format!("unknown lang {other:?}: use \"auto\", \"fr\" or \"en\""))),
    }
}

/// Extractor names from a list of str, or one comma-separated str.
fn extractor_names(value: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    let names: Vec<String> = if let Ok(s) = value.downcast::<PyString>() {
        s.to_string().split(',').map(str::to_string).collect()
    } else {
        value
            .extract::<Vec<String>>()
            .map_err(|_| PyTypeError::new_err("extractors must be a list of names, e.g. [\"entities\", \"quotes\"]"))?
    };
    let names: Vec<String> = names.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
    if names.is_empty() {
        return Err(PyValueError::new_err("no extractor selected: name at least one (see depeche.extractors())"));
    }
    Ok(names)
}
