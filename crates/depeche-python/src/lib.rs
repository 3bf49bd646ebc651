//! The `depeche` Python module: a thin PyO3 layer over the runner library.
//!
//! - [`pipeline::PyPipeline`] (`depeche.Pipeline`): plans extractors once,
//!   analyses one text (`nlp(text)`) or a stream (`nlp.pipe(items, threads=N)`).
//! - [`pipe::PipeIter`]: the lazy, order-keeping iterator returned by `pipe`;
//!   each batch is analysed by a rayon pool with the GIL released.
//! - [`items`]: Python values (str, dict) turned into runner input records,
//!   following the rules of `depeche run` (a bad record becomes an error record).
//! - `depeche.extractors()`: the registered extractors and what they produce.
//!
//! Output records are the runner's serde records, serialized to the exact
//! JSON line of `depeche run` and decoded with Python's `json.loads`
//! (offsets are Unicode scalars, i.e. Python `str` indices).

mod items;
mod pipe;
mod pipeline;

use depeche_core::LayerKind;
use depeche_runner::Registry;
use pyo3::prelude::*;
use pyo3::types::PyDict;

pyo3::create_exception!(
    depeche,
    DocumentError,
    pyo3::exceptions::PyValueError,
    "A document could not be analysed (empty text, over the size limit, bad record...).\n\nRaised by `Pipeline.__call__`; `Pipeline.pipe` yields an error record instead."
);

/// Lists the registered extractors: name, version, requires, produces, summary.
#[pyfunction]
fn extractors(py: Python<'_>) -> PyResult<Vec<Bound<'_, PyDict>>> {
    Registry::builtin()
        .descriptions()
        .into_iter()
        .map(|d| {
            let entry = PyDict::new(py);
            entry.set_item("name", d.name)?;
            entry.set_item("version", d.version)?;
            entry.set_item("requires", layer_names(d.requires))?;
            entry.set_item("produces", layer_names(d.produces))?;
            entry.set_item("summary", d.summary)?;
            Ok(entry)
        })
        .collect()
}

fn layer_names(layers: &[LayerKind]) -> Vec<&'static str> {
    layers.iter().map(|l| l.name()).collect()
}

/// Entities, quotes, numbers and stance from news articles (French and English).
#[pymodule]
fn depeche(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("DocumentError", m.py().get_type::<DocumentError>())?;
    m.add("DEFAULT_MAX_DOC_BYTES", depeche_runner::pipeline::DEFAULT_MAX_DOC_BYTES)?;
    m.add_class::<pipeline::PyPipeline>()?;
    m.add_class::<pipe::PipeIter>()?;
    m.add_function(wrap_pyfunction!(extractors, m)?)?;
    Ok(())
}
