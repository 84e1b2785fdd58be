//! The value records of multi-output indicators (`ta.stream.MacdValues`, ...): struct
//! sequences, i.e. tuple subclasses with named fields like `os.stat_result`. Building one is
//! a single C allocation, where a `collections.namedtuple` goes through Python code (about
//! five times the cost of the indicator's own update).

use std::collections::HashMap;
use std::ffi::{c_char, c_int, CString};

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;
use ta_engine::catalog::{catalog, IndicatorSpec};

static TYPES: PyOnceLock<HashMap<&'static str, Py<PyType>>> = PyOnceLock::new();

/// The record's class name: `macd` → `MacdValues` (the stubs in `stream.py` use the same).
fn class_name(indicator: &str) -> String {
    let mut name: String = indicator
        .split('_')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect();
    name.push_str("Values");
    name
}

/// A C string that lives as long as the process: a type keeps pointers to its field names.
fn leaked(text: String) -> *const c_char {
    CString::new(text).map_or(std::ptr::null(), |c| c.into_raw().cast_const())
}

#[allow(unsafe_code)]
fn new_type(py: Python<'_>, spec: &IndicatorSpec) -> PyResult<Py<PyType>> {
    let mut fields: Vec<ffi::PyStructSequence_Field> = spec
        .outputs
        .iter()
        .map(|o| ffi::PyStructSequence_Field {
            name: leaked(o.name.to_string()),
            doc: leaked(match o.talib_name {
                Some(talib) => format!("TA-Lib's {talib}"),
                None => o.name.to_string(),
            }),
        })
        .collect();
    fields.push(ffi::PyStructSequence_Field {
        name: std::ptr::null(),
        doc: std::ptr::null(),
    });
    let fields: &'static mut [ffi::PyStructSequence_Field] = fields.leak();
    let mut desc = ffi::PyStructSequence_Desc {
        name: leaked(format!("laakhay.ta.stream.{}", class_name(spec.name))),
        doc: leaked(format!("One bar of {}.", spec.name)),
        fields: fields.as_mut_ptr(),
        n_in_sequence: spec.outputs.len() as c_int,
    };
    // SAFETY: `desc` points at NUL-terminated names that are never freed and at a field list
    // ending with a null name, as PyStructSequence_NewType requires; it returns a new
    // reference, or NULL with a Python exception set.
    let ty = unsafe { ffi::PyStructSequence_NewType(&mut desc) };
    if ty.is_null() {
        return Err(PyErr::fetch(py));
    }
    // SAFETY: a non-null new reference to a type object.
    let ty = unsafe { Bound::from_owned_ptr(py, ty.cast()) };
    Ok(ty.cast_into::<PyType>()?.unbind())
}

/// The record class of every multi-output catalog entry, made on first use.
fn types(py: Python<'_>) -> PyResult<&'static HashMap<&'static str, Py<PyType>>> {
    TYPES.get_or_try_init(py, || {
        catalog()
            .iter()
            .filter(|spec| spec.outputs.len() > 1)
            .map(|spec| Ok((spec.name, new_type(py, spec)?)))
            .collect()
    })
}

/// The record class of `spec`; `None` for a single output.
pub fn record_type(py: Python<'_>, spec: &IndicatorSpec) -> PyResult<Option<Py<PyType>>> {
    Ok(types(py)?.get(spec.name).map(|t| t.clone_ref(py)))
}

/// A record of class `ty` holding `values` (exactly one per field).
#[allow(unsafe_code)]
pub fn make(py: Python<'_>, ty: &Py<PyType>, values: Vec<Py<PyAny>>) -> PyResult<Py<PyAny>> {
    // SAFETY: `ty` is a struct-sequence type (made by `new_type`); PyStructSequence_New
    // returns a new reference or NULL with an exception set.
    let record = unsafe { ffi::PyStructSequence_New(ty.as_ptr().cast()) };
    if record.is_null() {
        return Err(PyErr::fetch(py));
    }
    // SAFETY: a non-null new reference.
    let record = unsafe { Bound::from_owned_ptr(py, record) };
    for (i, value) in values.into_iter().enumerate() {
        // SAFETY: callers pass one value per output, the type's field count, so `i` is a
        // valid slot; SetItem steals the reference `into_ptr` hands over.
        unsafe {
            ffi::PyStructSequence_SetItem(record.as_ptr(), i as ffi::Py_ssize_t, value.into_ptr())
        };
    }
    Ok(record.unbind())
}

/// The record class of indicator `name` (for `laakhay.ta.stream`).
#[pyfunction(name = "record_type")]
pub fn py_record_type(py: Python<'_>, name: &str) -> PyResult<Py<PyType>> {
    let spec = ta_engine::find(name).map_err(crate::catalog::to_py_err)?;
    record_type(py, spec)?.ok_or_else(|| {
        pyo3::exceptions::PyValueError::new_err(format!("{name} has a single output"))
    })
}
