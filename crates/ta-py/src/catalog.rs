//! The catalog and parameter checks, as plain Python objects.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use ta_engine::catalog::{catalog as engine_catalog, find, Dtype, Pane, Style};
use ta_engine::{naming, MaType, TaError};

fn to_py_err(err: TaError) -> PyErr {
    PyValueError::new_err(err.to_string())
}

const fn pane_name(pane: Pane) -> &'static str {
    match pane {
        Pane::Price => "price",
        Pane::Own => "own",
    }
}

const fn style_name(style: Style) -> &'static str {
    match style {
        Style::Line => "line",
        Style::DashedLine => "dashed_line",
        Style::Histogram => "histogram",
        Style::Band => "band",
        Style::Dots => "dots",
    }
}

const fn dtype_name(dtype: Dtype) -> &'static str {
    match dtype {
        Dtype::Float64 => "Float64",
        Dtype::Int32 => "Int32",
    }
}

/// Every catalog entry as a dict (see `laakhay.ta.catalog` for the fields).
#[pyfunction]
pub fn catalog(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    let entries = PyList::empty(py);
    for spec in engine_catalog() {
        let entry = PyDict::new(py);
        entry.set_item("name", spec.name)?;
        entry.set_item("talib_name", spec.talib_name)?;
        entry.set_item("group", spec.group.as_str())?;
        entry.set_item("summary", spec.summary)?;
        entry.set_item(
            "inputs",
            spec.inputs.iter().map(|i| i.as_str()).collect::<Vec<_>>(),
        )?;
        entry.set_item(
            "input_keywords",
            (0..spec.inputs.len())
                .map(|i| naming::input_keyword(spec, i))
                .collect::<Vec<_>>(),
        )?;
        entry.set_item("primary_input", naming::primary_input(spec))?;
        let params = PyList::empty(py);
        for p in spec.params {
            let d = PyDict::new(py);
            d.set_item("name", p.name)?;
            d.set_item("talib_name", p.talib_name)?;
            d.set_item("kind", p.kind.as_str())?;
            d.set_item("default", p.default)?;
            d.set_item("min", p.min)?;
            d.set_item("max", p.max)?;
            d.set_item("description", p.description)?;
            params.append(d)?;
        }
        entry.set_item("params", params)?;
        let outputs = PyList::empty(py);
        for o in spec.outputs {
            let d = PyDict::new(py);
            d.set_item("name", o.name)?;
            d.set_item("talib_name", o.talib_name)?;
            d.set_item("dtype", dtype_name(o.dtype))?;
            d.set_item("pane", pane_name(o.pane))?;
            d.set_item("style", style_name(o.style))?;
            outputs.append(d)?;
        }
        entry.set_item("outputs", outputs)?;
        entry.set_item(
            "flags",
            spec.flags.iter().map(|f| f.as_str()).collect::<Vec<_>>(),
        )?;
        entry.set_item("missing_data", spec.missing_data.as_str())?;
        entry.set_item("deviations", spec.deviations())?;
        entry.set_item(
            "default_lookback",
            spec.lookback(&spec.default_values()).map_err(to_py_err)?,
        )?;
        entry.set_item("output_name", naming::label(spec, &spec.default_values()))?;
        entries.append(entry)?;
    }
    Ok(entries)
}

/// The moving-average types `(name, code)` accepted by `ma_type` parameters.
#[pyfunction]
pub fn ma_types() -> Vec<(&'static str, u8)> {
    (0..=u8::MAX)
        .filter_map(MaType::from_code)
        .map(|m| (m.name(), m as u8))
        .collect()
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
