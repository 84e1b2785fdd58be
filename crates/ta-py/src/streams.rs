//! Live streams and panels as Python objects: thin shims over `ta_engine::execution`.
//!
//! A stream's `update`/`peek`/`revise` take the bar's values positionally (catalog order), so
//! each input count has its own class (`Stream1` … `Stream5`): Python then checks the count and
//! each call parses plain floats, which keeps a tick in the tens of nanoseconds.

use numpy::{PyArray1, PyArrayMethods, PyReadonlyArray1, PyUntypedArrayMethods};
use pyo3::exceptions::{PyIndexError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyTuple, PyType};
use ta_engine::catalog::{find, Dtype, IndicatorSpec};
use ta_engine::kernel::MAX_OUTPUTS;
use ta_engine::{ErrorKind, LivePanel, LiveStream, ParamKind, TaError};

use crate::catalog::to_py_err as param_err;
use crate::expressions::to_series;
use crate::records::{self, record_type};

pyo3::create_exception!(
    _engine,
    SnapshotError,
    PyValueError,
    "Bytes that cannot be restored as a stream: not a snapshot, truncated or altered, from an \
     unknown version, or of another indicator."
);

fn to_py_err(err: TaError) -> PyErr {
    match err.kind() {
        ErrorKind::InvalidSnapshot => SnapshotError::new_err(err.to_string()),
        ErrorKind::InvalidState => PyRuntimeError::new_err(err.to_string()),
        ErrorKind::Arity | ErrorKind::LengthMismatch => PyValueError::new_err(err.to_string()),
        _ => param_err(err),
    }
}

/// Parameter values by name, whole numbers as `int`.
fn params_dict<'py>(py: Python<'py>, stream: &LiveStream) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (p, &v) in stream.spec().params.iter().zip(stream.values()) {
        if p.kind == ParamKind::Float {
            dict.set_item(p.name, v)?;
        } else {
            dict.set_item(p.name, v as i64)?;
        }
    }
    Ok(dict)
}

/// What one stream shares across its arity-specific classes.
#[derive(Debug)]
struct Core {
    inner: LiveStream,
    record: Option<Py<PyType>>,
}

#[derive(Clone, Copy)]
enum Step {
    Update,
    Peek,
    Revise,
}

impl Core {
    fn new(py: Python<'_>, inner: LiveStream) -> PyResult<Self> {
        let record = record_type(py, inner.spec())?;
        Ok(Core { inner, record })
    }

    fn value(py: Python<'_>, dtype: Dtype, v: f64) -> PyResult<Py<PyAny>> {
        Ok(match dtype {
            Dtype::Float64 => v.into_pyobject(py)?.into_any().unbind(),
            Dtype::Int32 => (v as i64).into_pyobject(py)?.into_any().unbind(),
            Dtype::Boolean => (v != 0.0).into_pyobject(py)?.to_owned().into_any().unbind(),
        })
    }

    #[inline]
    fn step(&mut self, py: Python<'_>, step: Step, bar: &[f64]) -> PyResult<Py<PyAny>> {
        let spec = self.inner.spec();
        let mut out = [f64::NAN; MAX_OUTPUTS];
        let out = &mut out[..spec.outputs.len()];
        let ready = match step {
            Step::Update => self.inner.update(bar, out),
            Step::Peek => self.inner.peek(bar, out),
            Step::Revise => self.inner.revise(bar, out),
        }
        .map_err(to_py_err)?;
        if !ready {
            return Ok(py.None());
        }
        if let [single] = spec.outputs {
            return Self::value(py, single.dtype, out[0]);
        }
        let values = spec
            .outputs
            .iter()
            .zip(out.iter())
            .map(|(o, &v)| Self::value(py, o.dtype, v))
            .collect::<PyResult<Vec<_>>>()?;
        match &self.record {
            Some(record) => records::make(py, record, values),
            None => Ok(PyTuple::new(py, values)?.into_any().unbind()),
        }
    }

    fn update_many(&mut self, py: Python<'_>, columns: &Bound<'_, PyTuple>) -> PyResult<Py<PyAny>> {
        let spec = self.inner.spec();
        let arrays = float_arrays(py, columns, spec, "update_many")?;
        let slices: Vec<&[f64]> = arrays
            .iter()
            .map(|a| a.as_slice())
            .collect::<Result<_, _>>()
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        let chunks: Vec<[&[f64]; 1]> = slices.iter().map(|s| [*s]).collect();
        let chunks: Vec<&[&[f64]]> = chunks.iter().map(|c| c.as_slice()).collect();
        let inner = &mut self.inner;
        let batch = py
            .detach(|| inner.update_many(&chunks, None))
            .map_err(to_py_err)?;
        let series =
            to_series(spec, spec.name, batch).map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(pyo3_polars::PySeries(series)
            .into_pyobject(py)?
            .into_any()
            .unbind())
    }

    fn repr(&self) -> String {
        let spec = self.inner.spec();
        let params: Vec<String> = spec
            .params
            .iter()
            .zip(self.inner.values())
            .map(|(p, v)| format!("{}={v}", p.name))
            .collect();
        format!(
            "<stream {}({}) bars={} ready={}{}>",
            spec.name,
            params.join(", "),
            self.inner.bars(),
            self.inner.ready(),
            if self.inner.revisable() {
                " revisable"
            } else {
                ""
            }
        )
    }
}

/// Each column as a contiguous float64 NumPy array (NumPy arrays, Polars Series with nulls as
/// NaN, lists, ...), all of one length, as many as the indicator has inputs.
fn float_arrays<'py>(
    py: Python<'py>,
    columns: &Bound<'py, PyTuple>,
    spec: &IndicatorSpec,
    method: &str,
) -> PyResult<Vec<PyReadonlyArray1<'py, f64>>> {
    if columns.len() != spec.inputs.len() {
        return Err(PyTypeError::new_err(format!(
            "{}.{method}() takes {} input column(s) ({}), got {}",
            spec.name,
            spec.inputs.len(),
            input_names(spec),
            columns.len()
        )));
    }
    let numpy = py.import("numpy")?;
    let mut arrays = Vec::with_capacity(columns.len());
    for (column, input) in columns.iter().zip(spec.inputs) {
        let array = numpy
            .call_method1("ascontiguousarray", (column, "float64"))
            .map_err(|e| {
                PyTypeError::new_err(format!(
                    "{}: input '{}' is not a numeric column: {e}",
                    spec.name,
                    input.as_str()
                ))
            })?;
        let array: PyReadonlyArray1<'py, f64> = array.extract().map_err(|_| {
            PyValueError::new_err(format!(
                "{}: input '{}' must be one-dimensional",
                spec.name,
                input.as_str()
            ))
        })?;
        arrays.push(array);
    }
    if let Some(first) = arrays.first() {
        let len = first.len();
        if let Some((bad, input)) = arrays.iter().zip(spec.inputs).find(|(a, _)| a.len() != len) {
            return Err(PyValueError::new_err(format!(
                "{}: input '{}' has {} values where the first has {len}",
                spec.name,
                input.as_str(),
                bad.len()
            )));
        }
    }
    Ok(arrays)
}

fn input_names(spec: &IndicatorSpec) -> String {
    spec.inputs
        .iter()
        .map(|i| i.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Declares one stream class per input count; only `update`, `peek` and `revise` differ.
macro_rules! stream_class {
    ($class:ident, $pyname:literal, $($value:ident),+) => {
        /// A live stream of one indicator (see `laakhay.ta.stream`).
        #[pyclass(module = "laakhay.ta._engine", name = $pyname)]
        #[derive(Debug)]
        pub struct $class {
            core: Core,
        }

        #[pymethods]
        impl $class {
            /// Commits a closed bar; its value(s), or None while warming up (or when an input
            /// is missing: None or NaN).
            #[pyo3(signature = ($($value),+))]
            fn update(&mut self, py: Python<'_>, $($value: Option<f64>),+) -> PyResult<Py<PyAny>> {
                self.core.step(py, Step::Update, &[$($value.unwrap_or(f64::NAN)),+])
            }

            /// The value(s) this bar would give if it closed now; nothing is committed.
            #[pyo3(signature = ($($value),+))]
            fn peek(&mut self, py: Python<'_>, $($value: Option<f64>),+) -> PyResult<Py<PyAny>> {
                self.core.step(py, Step::Peek, &[$($value.unwrap_or(f64::NAN)),+])
            }

            /// Replaces the last committed bar (a revisable stream's forming bar).
            #[pyo3(signature = ($($value),+))]
            fn revise(&mut self, py: Python<'_>, $($value: Option<f64>),+) -> PyResult<Py<PyAny>> {
                self.core.step(py, Step::Revise, &[$($value.unwrap_or(f64::NAN)),+])
            }

            /// Commits many bars (one column per input); their values as a Polars Series
            /// (a struct for several outputs), null where there is none.
            #[pyo3(signature = (*columns))]
            fn update_many(&mut self, py: Python<'_>, columns: &Bound<'_, PyTuple>) -> PyResult<Py<PyAny>> {
                self.core.update_many(py, columns)
            }

            /// The stream as a versioned snapshot (`laakhay.ta.stream.from_bytes` restores it).
            fn to_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
                let bytes = self.core.inner.to_bytes().map_err(to_py_err)?;
                Ok(PyBytes::new(py, &bytes))
            }

            /// An independent copy.
            fn copy(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
                wrap(py, self.core.inner.clone())
            }

            fn __copy__(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
                self.copy(py)
            }

            fn __deepcopy__(&self, py: Python<'_>, _memo: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
                self.copy(py)
            }

            fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyBytes>,))> {
                let restore = py.import("laakhay.ta.stream")?.getattr("from_bytes")?;
                Ok((restore, (self.to_bytes(py)?,)))
            }

            fn __repr__(&self) -> String {
                self.core.repr()
            }

            /// Catalog name.
            #[getter]
            fn name(&self) -> &'static str {
                self.core.inner.spec().name
            }

            /// Parameter values by name.
            #[getter]
            fn params<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
                params_dict(py, &self.core.inner)
            }

            /// Input names, in the order `update` takes them.
            #[getter]
            fn inputs(&self) -> Vec<&'static str> {
                self.core.inner.spec().inputs.iter().map(|i| i.as_str()).collect()
            }

            /// Output names.
            #[getter]
            fn outputs(&self) -> Vec<&'static str> {
                self.core.inner.spec().outputs.iter().map(|o| o.name).collect()
            }

            /// Complete bars consumed before the first value.
            #[getter]
            fn lookback(&self) -> usize {
                self.core.inner.lookback()
            }

            /// Bars committed so far.
            #[getter]
            fn bars(&self) -> u64 {
                self.core.inner.bars()
            }

            /// Whether the last committed bar gave a value.
            #[getter]
            fn ready(&self) -> bool {
                self.core.inner.ready()
            }

            #[getter]
            fn revisable(&self) -> bool {
                self.core.inner.revisable()
            }
        }
    };
}

stream_class!(Stream1, "Stream1", a);
stream_class!(Stream2, "Stream2", a, b);
stream_class!(Stream3, "Stream3", a, b, c);
stream_class!(Stream4, "Stream4", a, b, c, d);
stream_class!(Stream5, "Stream5", a, b, c, d, e);

/// The Python object for a live stream: the class for its input count.
fn wrap(py: Python<'_>, inner: LiveStream) -> PyResult<Py<PyAny>> {
    let inputs = inner.spec().inputs.len();
    let core = Core::new(py, inner)?;
    Ok(match inputs {
        1 => Py::new(py, Stream1 { core })?.into_any(),
        2 => Py::new(py, Stream2 { core })?.into_any(),
        3 => Py::new(py, Stream3 { core })?.into_any(),
        4 => Py::new(py, Stream4 { core })?.into_any(),
        _ => Py::new(py, Stream5 { core })?.into_any(),
    })
}

/// A fresh stream of indicator `name` with parameter values `values` (catalog order).
#[pyfunction]
pub fn new_stream(
    py: Python<'_>,
    name: &str,
    values: Vec<f64>,
    revisable: bool,
) -> PyResult<Py<PyAny>> {
    let spec = find(name).map_err(to_py_err)?;
    wrap(
        py,
        LiveStream::new(spec, &values, revisable).map_err(to_py_err)?,
    )
}

/// A stream restored from a snapshot; `name`, when given, must be its indicator.
#[pyfunction]
#[pyo3(signature = (data, name=None))]
pub fn stream_from_bytes(py: Python<'_>, data: &[u8], name: Option<&str>) -> PyResult<Py<PyAny>> {
    let inner = match name {
        Some(name) => LiveStream::from_bytes_of(name, data),
        None => LiveStream::from_bytes(data),
    }
    .map_err(to_py_err)?;
    wrap(py, inner)
}

/// One indicator over many symbols, stepped a tick at a time (`laakhay.ta.stream.Panel`
/// wraps it with symbol names).
#[pyclass(module = "laakhay.ta._engine", name = "RawPanel")]
#[derive(Debug)]
pub struct RawPanel {
    inner: LivePanel,
    record: Option<Py<PyType>>,
}

/// Panels at least this large release the GIL while they step.
const DETACH_SYMBOLS: usize = 256;

#[pymethods]
impl RawPanel {
    #[new]
    fn new(py: Python<'_>, name: &str, values: Vec<f64>, symbols: usize) -> PyResult<Self> {
        let spec = find(name).map_err(to_py_err)?;
        let inner = LivePanel::new(spec, &values, symbols).map_err(to_py_err)?;
        Ok(RawPanel {
            record: record_type(py, spec)?,
            inner,
        })
    }

    /// One tick: one array per input (a value per symbol); `has_bar` marks the symbols with
    /// a bar this tick. Returns one float64 array per output (NaN where there is no value).
    #[pyo3(signature = (*columns, has_bar=None))]
    fn update(
        &mut self,
        py: Python<'_>,
        columns: &Bound<'_, PyTuple>,
        has_bar: Option<PyReadonlyArray1<'_, bool>>,
    ) -> PyResult<Py<PyAny>> {
        let spec = self.inner.spec();
        let arrays = float_arrays(py, columns, spec, "update")?;
        let n = self.inner.symbols();
        if let Some((array, input)) = arrays.iter().zip(spec.inputs).find(|(a, _)| a.len() != n) {
            return Err(PyValueError::new_err(format!(
                "{}: the panel has {n} symbols; input '{}' gave {} values",
                spec.name,
                input.as_str(),
                array.len()
            )));
        }
        let slices: Vec<&[f64]> = arrays
            .iter()
            .map(|a| a.as_slice())
            .collect::<Result<_, _>>()
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        let has_bar = has_bar
            .as_ref()
            .map(|m| m.as_slice())
            .transpose()
            .map_err(|e| {
                PyValueError::new_err(format!("has_bar must be a contiguous bool array: {e}"))
            })?;
        let outputs: Vec<Bound<'_, PyArray1<f64>>> = spec
            .outputs
            .iter()
            .map(|_| PyArray1::<f64>::zeros(py, n, false))
            .collect();
        let mut writers: Vec<_> = outputs.iter().map(|a| a.readwrite()).collect();
        let mut out: Vec<&mut [f64]> = writers
            .iter_mut()
            .map(|w| w.as_slice_mut())
            .collect::<Result<_, _>>()
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        let inner = &mut self.inner;
        if n >= DETACH_SYMBOLS {
            py.detach(|| inner.update(&slices, has_bar, &mut out))
        } else {
            inner.update(&slices, has_bar, &mut out)
        }
        .map_err(to_py_err)?;
        drop(out);
        drop(writers);
        if let [single] = outputs.as_slice() {
            return Ok(single.clone().into_any().unbind());
        }
        let tuple = PyTuple::new(py, outputs)?;
        match &self.record {
            Some(record) => Ok(record.bind(py).call1((tuple,))?.unbind()),
            None => Ok(tuple.into_any().unbind()),
        }
    }

    /// Which symbols gave a value on the last tick.
    #[getter]
    fn ready<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<bool>> {
        PyArray1::from_slice(py, self.inner.ready())
    }

    #[getter]
    fn symbols(&self) -> usize {
        self.inner.symbols()
    }

    /// Appends `count` fresh symbols.
    fn add(&mut self, count: usize) {
        self.inner.add(count);
    }

    /// Drops symbol `index` (later ones move down).
    fn remove(&mut self, index: usize) -> PyResult<()> {
        self.inner.remove(index).map_err(to_py_err)
    }

    /// Symbol `index` as a stream of its own (a copy of its state).
    fn stream(&self, py: Python<'_>, index: usize) -> PyResult<Py<PyAny>> {
        let state = self
            .inner
            .symbol(index)
            .ok_or_else(|| PyIndexError::new_err(format!("no symbol at index {index}")))?;
        let inner = LiveStream::from_state(self.inner.spec(), self.inner.values(), state)
            .map_err(to_py_err)?;
        wrap(py, inner)
    }
}
