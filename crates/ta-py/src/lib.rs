//! Python adapter for ta-engine: a Polars expression plugin (`expressions`) and a few plain
//! functions that expose the catalog and parameter validation (`catalog`). No indicator logic
//! lives here.

mod catalog;
mod expressions;
mod grouping;
mod parallel;
mod records;
mod runner;
mod streams;
mod time;

use pyo3::prelude::*;
use pyo3_polars::PolarsAllocator;

// Buffers handed to Polars must be freed by Polars' allocator.
#[global_allocator]
static ALLOC: PolarsAllocator = PolarsAllocator::new();

#[pymodule]
fn _engine(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(catalog::catalog_json, m)?)?;
    m.add_function(wrap_pyfunction!(catalog::resolve, m)?)?;
    m.add_function(wrap_pyfunction!(catalog::lookback, m)?)?;
    m.add_function(wrap_pyfunction!(catalog::label, m)?)?;
    m.add_function(wrap_pyfunction!(catalog::output_name, m)?)?;
    m.add_function(wrap_pyfunction!(streams::new_stream, m)?)?;
    m.add_function(wrap_pyfunction!(time::bucket, m)?)?;
    m.add_function(wrap_pyfunction!(records::py_record_type, m)?)?;
    m.add_function(wrap_pyfunction!(streams::stream_from_bytes, m)?)?;
    m.add_class::<streams::Stream1>()?;
    m.add_class::<streams::Stream2>()?;
    m.add_class::<streams::Stream3>()?;
    m.add_class::<streams::Stream4>()?;
    m.add_class::<streams::Stream5>()?;
    m.add_class::<streams::RawPanel>()?;
    m.add_class::<runner::RawPlanRunner>()?;
    m.add("SnapshotError", m.py().get_type::<streams::SnapshotError>())?;
    Ok(())
}
