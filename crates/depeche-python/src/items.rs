//! Python values turned into runner input records, by the rules of
//! `depeche run`:
//!
//! - a `str` is one document whose id is its position in the stream;
//! - a `dict` (or other mapping) is one JSON Lines record
//!   (`{"id", "text", "lang"?, "tokens"?, "targets"?}`): its known keys are
//!   encoded with `json.dumps` and parsed by the runner's own
//!   [`depeche_runner::input::parse_record`], so a bad record gets the very
//!   error message the command line would give;
//! - anything else, or a value that cannot be encoded, is an error record.
//!
//! Conversion happens with the GIL held; the returned [`RawItem`]s are plain
//! Rust data that the worker threads finish parsing without the GIL.

use depeche_core::Lang;
use depeche_runner::{InputDoc, InputError, InputItem};
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyDict, PyMapping, PyString};

/// The record keys `depeche run` reads; other keys are ignored, as by the CLI.
const RECORD_KEYS: [&str; 5] = ["id", "text", "lang", "tokens", "targets"];

/// One input value, converted but not yet parsed.
#[derive(Debug)]
pub enum RawItem {
    /// A plain text.
    Text { id: String, text: String },
    /// A record encoded as one JSON line.
    Json { line_id: String, line: String },
    /// A value that is not a document.
    Bad(InputError),
}

impl RawItem {
    /// Finishes parsing (runs in worker threads, without the GIL).
    pub fn into_input(self, default_lang: Option<Lang>) -> InputItem {
        match self {
            RawItem::Text { id, text } => Ok(InputDoc { lang: default_lang, ..InputDoc::from_text(id, text) }),
            RawItem::Json { line_id, line } => {
                depeche_runner::input::parse_record(line.as_bytes(), &line_id, default_lang)
            }
            RawItem::Bad(error) => Err(error),
        }
    }
}

/// Converts the item at position `index` of a stream.
pub fn convert(item: &Bound<'_, PyAny>, index: usize) -> RawItem {
    let line_id = index.to_string();
    let bad = |message: String| RawItem::Bad(InputError { id: line_id.clone(), message });
    if let Ok(text) = item.downcast::<PyString>() {
        return match text.extract::<String>() {
            Ok(text) => RawItem::Text { id: line_id, text },
            Err(e) => bad(format!("text is not valid Unicode: {e}")),
        };
    }
    if let Ok(record) = item.downcast::<PyDict>() {
        return json_record(record.as_any(), line_id);
    }
    if let Ok(record) = item.downcast::<PyMapping>() {
        return json_record(record.as_any(), line_id);
    }
    let type_name = item.get_type().name().map_or_else(|_| "?".to_string(), |n| n.to_string());
    bad(format!("item is a {type_name}, not a str or a dict record {{\"id\", \"text\", ...}}"))
}

/// Encodes the known keys of a mapping as one JSON line.
fn json_record(record: &Bound<'_, PyAny>, line_id: String) -> RawItem {
    match encode_record(record) {
        Ok(line) => RawItem::Json { line_id, line },
        Err(e) => {
            let message = format!("record cannot be read: {e}");
            // The CLI names a record by its `id` when it has one.
            let id = record_id(record).unwrap_or(line_id);
            RawItem::Bad(InputError { id, message })
        }
    }
}

fn encode_record(record: &Bound<'_, PyAny>) -> PyResult<String> {
    let py = record.py();
    let known = PyDict::new(py);
    for key in RECORD_KEYS {
        if let Some(value) = mapping_get(record, key)? {
            known.set_item(key, value)?;
        }
    }
    let kwargs = PyDict::new(py);
    kwargs.set_item("ensure_ascii", false)?;
    kwargs.set_item("default", scalar_default(py)?)?;
    json_dumps(py)?.call((known,), Some(&kwargs))?.extract::<String>()
}

/// `record[key]`, or `None` when the key is absent.
fn mapping_get<'py>(record: &Bound<'py, PyAny>, key: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
    match record.get_item(key) {
        Ok(value) => Ok(Some(value)),
        Err(e) if e.is_instance_of::<pyo3::exceptions::PyKeyError>(record.py()) => Ok(None),
        Err(e) => Err(e),
    }
}

fn record_id(record: &Bound<'_, PyAny>) -> Option<String> {
    let id = mapping_get(record, "id").ok()??;
    if id.is_none() {
        return None;
    }
    id.str().ok().map(|s| s.to_string())
}

/// `json.dumps`, looked up once.
fn json_dumps(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    static DUMPS: GILOnceCell<PyObject> = GILOnceCell::new();
    DUMPS.import(py, "json", "dumps")
}

/// `json.loads` (decodes the runner's JSON lines into dicts), looked up once.
pub fn json_loads(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    static LOADS: GILOnceCell<PyObject> = GILOnceCell::new();
    LOADS.import(py, "json", "loads")
}

/// `default=` hook of `json.dumps`: numpy and pandas scalars (anything with
/// `.item()`, such as an `int64` id from a DataFrame) become plain values;
/// anything else is refused as `json` would.
#[pyfunction]
fn encode_scalar(value: &Bound<'_, PyAny>) -> PyResult<PyObject> {
    if let Ok(item) = value.getattr("item") {
        if item.is_callable() {
            return item.call0().map(Bound::unbind);
        }
    }
    let type_name = value.get_type().name()?.to_string();
    Err(pyo3::exceptions::PyTypeError::new_err(format!("object of type {type_name} is not JSON serializable")))
}

fn scalar_default(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    static DEFAULT: GILOnceCell<PyObject> = GILOnceCell::new();
    DEFAULT
        .get_or_try_init(py, || wrap_pyfunction!(encode_scalar, py).map(|f| f.into_any().unbind()))
        .map(|f| f.bind(py))
}
