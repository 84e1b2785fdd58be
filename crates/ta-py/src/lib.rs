//! Python adapter for ta-engine: a Polars expression plugin (`expressions`) and a few plain
//! functions that expose the catalog and parameter validation (`catalog`). No indicator logic
//! lives here.

mod catalog;
mod expressions;
mod grouping;
mod parallel;

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
    Ok(())
}
