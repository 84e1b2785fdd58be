//! A strategy plan run live (`ta_engine::PlanRunner`) as a Python object: a thin shim that
//! checks arrays, steps the runner without the GIL for large panels, and hands outputs back as
//! NumPy arrays or Polars Series. `laakhay.ta.dsl.live.PlanStream` wraps it with symbol names.

use std::panic::{catch_unwind, AssertUnwindSafe};

use numpy::{PyArray2, PyArrayMethods, PyReadonlyArray1};
use polars::prelude::*;
use polars_arrow::bitmap::Bitmap;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use ta_engine::execution::runner::{Kind, Tick, Times};
use ta_engine::{ErrorKind, PlanRunner, TaError};

use crate::streams::SnapshotError;

fn to_py_err(err: TaError) -> PyErr {
    match err.kind() {
        ErrorKind::InvalidSnapshot => SnapshotError::new_err(err.to_string()),
        ErrorKind::UnknownParam | ErrorKind::DuplicateParam | ErrorKind::InvalidType => {
            PyTypeError::new_err(err.to_string())
        }
        _ => PyValueError::new_err(err.to_string()),
    }
}

/// Runs `f`, turning a panic (a bug, never expected) into a Python error instead of unwinding
/// through the interpreter.
fn guarded<T>(f: impl FnOnce() -> Result<T, TaError>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result.map_err(to_py_err),
        Err(_) => Err(PyRuntimeError::new_err(
            "the plan runner failed unexpectedly (a bug: please report it); its state may be \
             inconsistent, restore it from a snapshot",
        )),
    }
}

/// Runners at least this large release the GIL while they step.
const DETACH_SYMBOLS: usize = 256;

/// The instants of one tick as Python gave them: none, one for all, or one per symbol.
enum PyTimes<'py> {
    None,
    All(i64),
    Each(PyReadonlyArray1<'py, i64>),
}

fn py_times<'py>(times: Option<&Bound<'py, PyAny>>) -> PyResult<PyTimes<'py>> {
    let Some(times) = times else {
        return Ok(PyTimes::None);
    };
    if times.is_none() {
        return Ok(PyTimes::None);
    }
    if let Ok(t) = times.extract::<i64>() {
        return Ok(PyTimes::All(t));
    }
    let array: PyReadonlyArray1<'py, i64> = times.extract().map_err(|_| {
        PyTypeError::new_err(
            "times must be None, an int (nanoseconds since the epoch) or an int64 array",
        )
    })?;
    Ok(PyTimes::Each(array))
}

/// One tick's outputs: values and validity, shape (outputs, symbols).
type TickArrays<'py> = (Bound<'py, PyArray2<f64>>, Bound<'py, PyArray2<bool>>);

/// A strategy plan stepped tick by tick over a panel of symbols.
#[pyclass(module = "laakhay.ta._engine", name = "RawPlanRunner")]
#[derive(Debug)]
pub struct RawPlanRunner {
    inner: PlanRunner,
}

impl RawPlanRunner {
    fn step(
        &mut self,
        py: Python<'_>,
        columns: &[PyReadonlyArray1<'_, f64>],
        times: Option<&Bound<'_, PyAny>>,
        has_bar: Option<&PyReadonlyArray1<'_, bool>>,
    ) -> PyResult<()> {
        let slices: Vec<&[f64]> = columns
            .iter()
            .zip(self.inner.columns())
            .map(|(a, name)| {
                a.as_slice().map_err(|_| {
                    PyValueError::new_err(format!(
                        "column '{name}' must be a contiguous float64 array"
                    ))
                })
            })
            .collect::<PyResult<_>>()?;
        let has_bar = has_bar.map(|m| m.as_slice()).transpose().map_err(|e| {
            PyValueError::new_err(format!("has_bar must be a contiguous bool array: {e}"))
        })?;
        let times = py_times(times)?;
        let times = match &times {
            PyTimes::None => Times::None,
            PyTimes::All(t) => Times::All(*t),
            PyTimes::Each(a) => Times::Each(a.as_slice().map_err(|e| {
                PyValueError::new_err(format!("times must be a contiguous int64 array: {e}"))
            })?),
        };
        let tick = Tick {
            times,
            columns: &slices,
            has_bar,
        };
        let inner = &mut self.inner;
        if inner.symbols() >= DETACH_SYMBOLS {
            py.detach(|| guarded(|| inner.update(&tick)))
        } else {
            guarded(|| inner.update(&tick))
        }
    }
}

fn kind_name(kind: Kind) -> &'static str {
    kind.dtype()
}

#[pymethods]
impl RawPlanRunner {
    /// A runner of plan document `ir` (JSON text) over `symbols` symbols.
    #[new]
    fn new(ir: &str, symbols: usize) -> PyResult<Self> {
        Ok(RawPlanRunner {
            inner: guarded(|| PlanRunner::from_ir(ir, symbols))?,
        })
    }

    /// A runner restored from `to_bytes`, with the metadata stored alongside.
    #[staticmethod]
    fn from_bytes(data: &[u8]) -> PyResult<(Self, String)> {
        let (inner, meta) = guarded(|| PlanRunner::from_bytes(data))?;
        Ok((RawPlanRunner { inner }, meta))
    }

    /// The whole state as a versioned, checksummed snapshot, with `meta` stored alongside.
    fn to_bytes<'py>(&self, py: Python<'py>, meta: &str) -> PyResult<Bound<'py, PyBytes>> {
        let bytes = guarded(|| self.inner.to_bytes(meta))?;
        Ok(PyBytes::new(py, &bytes))
    }

    /// The plan document.
    #[getter]
    fn ir(&self) -> String {
        self.inner.ir().to_string()
    }

    /// Input columns, in the order `update` takes them.
    #[getter]
    fn columns(&self) -> Vec<String> {
        self.inner.columns().to_vec()
    }

    /// Outputs as (name, Polars dtype name).
    #[getter]
    fn outputs(&self) -> Vec<(String, &'static str)> {
        self.inner
            .outputs()
            .map(|(name, kind)| (name.to_string(), kind_name(kind)))
            .collect()
    }

    /// Whether each tick needs its bars' instants (the plan reads higher timeframes).
    #[getter]
    fn needs_time(&self) -> bool {
        self.inner.needs_time()
    }

    #[getter]
    fn symbols(&self) -> usize {
        self.inner.symbols()
    }

    /// Appends `count` fresh symbols.
    fn add(&mut self, count: usize) -> PyResult<()> {
        guarded(|| {
            self.inner.add(count);
            Ok(())
        })
    }

    /// Drops symbol `index` (later ones move down).
    fn remove(&mut self, index: usize) -> PyResult<()> {
        guarded(|| self.inner.remove(index))
    }

    /// One tick: `columns` one float64 array per input column (a value per symbol, NaN when
    /// missing), `times` the bars' instants (ns since the epoch: one int, or an int64 array),
    /// `has_bar` the symbols with a bar. Returns `(values, valid)`: float64 and bool arrays of
    /// shape (outputs, symbols).
    #[pyo3(signature = (columns, times=None, has_bar=None))]
    fn update<'py>(
        &mut self,
        py: Python<'py>,
        columns: Vec<PyReadonlyArray1<'py, f64>>,
        times: Option<&Bound<'py, PyAny>>,
        has_bar: Option<PyReadonlyArray1<'py, bool>>,
    ) -> PyResult<TickArrays<'py>> {
        self.step(py, &columns, times, has_bar.as_ref())?;
        let outputs = self.inner.outputs().count();
        let n = self.inner.symbols();
        let values = PyArray2::<f64>::zeros(py, [outputs, n], false);
        let valid = PyArray2::<bool>::zeros(py, [outputs, n], false);
        {
            let mut values_rw = values.readwrite();
            let mut valid_rw = valid.readwrite();
            let values_out = values_rw
                .as_slice_mut()
                .map_err(|e| PyValueError::new_err(e.to_string()))?;
            let valid_out = valid_rw
                .as_slice_mut()
                .map_err(|e| PyValueError::new_err(e.to_string()))?;
            for k in 0..outputs {
                let (v, ok) = self.inner.output(k);
                values_out[k * n..(k + 1) * n].copy_from_slice(v);
                valid_out[k * n..(k + 1) * n].copy_from_slice(ok);
            }
        }
        Ok((values, valid))
    }

    /// One tick (as `update`), returning one Polars Series per output holding the values of
    /// symbols `rows` in that order (null where missing), in the output's dtype.
    #[pyo3(signature = (columns, rows, times=None, has_bar=None))]
    fn update_rows<'py>(
        &mut self,
        py: Python<'py>,
        columns: Vec<PyReadonlyArray1<'py, f64>>,
        rows: PyReadonlyArray1<'py, i64>,
        times: Option<&Bound<'py, PyAny>>,
        has_bar: Option<PyReadonlyArray1<'py, bool>>,
    ) -> PyResult<Vec<pyo3_polars::PySeries>> {
        let n = self.inner.symbols();
        let rows = rows
            .as_slice()
            .map_err(|e| PyValueError::new_err(format!("rows: {e}")))?;
        if let Some(&bad) = rows.iter().find(|&&r| r < 0 || r as usize >= n) {
            return Err(PyValueError::new_err(format!(
                "row {bad} is not a symbol index (the runner has {n})"
            )));
        }
        self.step(py, &columns, times, has_bar.as_ref())?;
        let mut series = Vec::new();
        for (k, (name, kind)) in self.inner.outputs().enumerate() {
            let (v, ok) = self.inner.output(k);
            let values: Vec<f64> = rows.iter().map(|&r| v[r as usize]).collect();
            let validity = Bitmap::from_iter(rows.iter().map(|&r| ok[r as usize]));
            let validity = (validity.unset_bits() > 0).then_some(validity);
            let column = match kind {
                Kind::Int => Int32Chunked::from_vec_validity(
                    name.into(),
                    values
                        .iter()
                        .map(|&x| if x.is_nan() { 0 } else { x as i32 })
                        .collect(),
                    validity,
                )
                .into_series(),
                Kind::Bool => BooleanChunked::from_iter_options(
                    name.into(),
                    rows.iter()
                        .map(|&r| ok[r as usize].then(|| v[r as usize] != 0.0)),
                )
                .into_series(),
                _ => Float64Chunked::from_vec_validity(name.into(), values, validity).into_series(),
            };
            series.push(pyo3_polars::PySeries(column));
        }
        Ok(series)
    }

    fn __repr__(&self) -> String {
        format!(
            "<RawPlanRunner symbols={} outputs={}>",
            self.inner.symbols(),
            self.inner.outputs().count()
        )
    }
}
