//! The catalog and parameter checks, as plain Python objects.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use ta_engine::catalog::find;
use ta_engine::{naming, ErrorKind, ParamInput, TaError};

/// Engine errors as Python exceptions, by kind: a parameter that does not exist or has the
/// wrong type is a `TypeError` (as for any Python call), a value out of range a `ValueError`.
pub(crate) fn to_py_err(err: TaError) -> PyErr {
    match err.kind() {
        ErrorKind::UnknownParam | ErrorKind::DuplicateParam | ErrorKind::InvalidType => {
            PyTypeError::new_err(err.to_string())
        }
        _ => PyValueError::new_err(err.to_string()),
    }
}

/// A parameter value as Python gave it (bools are refused before they get here).
#[derive(FromPyObject)]
pub enum PyParam {
    Int(i64),
    Float(f64),
    Name(String),
}

/// Parameter values in catalog order from `(name, value)` pairs (our names or TA-Lib's;
/// moving-average types also by name), defaults for the rest: the engine's resolution, so
/// every adapter checks parameters the same way.
#[pyfunction]
pub fn resolve(name: &str, given: Vec<(String, PyParam)>) -> PyResult<Vec<f64>> {
    let spec = find(name).map_err(to_py_err)?;
    let given: Vec<(&str, ParamInput<'_>)> = given
        .iter()
        .map(|(key, value)| {
            let value = match value {
                PyParam::Int(v) => ParamInput::Int(*v),
                PyParam::Float(v) => ParamInput::Float(*v),
                PyParam::Name(v) => ParamInput::Name(v),
            };
            (key.as_str(), value)
        })
        .collect();
    let params = spec.resolve_params(&given).map_err(to_py_err)?;
    Ok(params.values().to_vec())
}

/// The engine's catalog as one JSON document (the contract every adapter reads).
#[pyfunction]
pub fn catalog_json() -> String {
    ta_engine::catalog_json()
}

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
