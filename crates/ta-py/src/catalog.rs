//! The catalog and parameter checks, as plain Python objects.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use ta_engine::catalog::find;
use ta_engine::{naming, TaError};

fn to_py_err(err: TaError) -> PyErr {
    PyValueError::new_err(err.to_string())
}

/// The engine's catalog as one JSON document (the contract every adapter reads).
#[pyfunction]
pub fn catalog_json() -> String {
    ta_engine::catalog_json()
}

/// Raises `ValueError` naming the parameter when `values` (catalog order) are not valid.
#[pyfunction]
pub fn validate(name: &str, values: Vec<f64>) -> PyResult<()> {
    find(name)
        .and_then(|spec| spec.params(&values))
        .map(|_| ())
        .map_err(to_py_err)
}

/// Bars consumed before the first output.
#[pyfunction]
pub fn lookback(name: &str, values: Vec<f64>) -> PyResult<usize> {
    find(name)
        .and_then(|spec| spec.lookback(&values))
        .map_err(to_py_err)
}

/// The result's name for these parameters when the default columns are read.
#[pyfunction]
pub fn label(name: &str, values: Vec<f64>) -> PyResult<String> {
    let spec = find(name).map_err(to_py_err)?;
    spec.params(&values).map_err(to_py_err)?;
    Ok(naming::label(spec, &values))
}

/// The result's name when the primary input is column `column` (see `naming::output_name`).
#[pyfunction]
pub fn output_name(name: &str, values: Vec<f64>, column: &str) -> PyResult<String> {
    let spec = find(name).map_err(to_py_err)?;
    spec.params(&values).map_err(to_py_err)?;
    Ok(naming::output_name(spec, &values, column))
}
