//! The one Polars plugin function: runs any catalog indicator named in its kwargs.

use polars::prelude::*;
use polars_arrow::bitmap::{Bitmap, MutableBitmap};
use pyo3_polars::derive::polars_expr;
use serde::Deserialize;
use ta_engine::catalog::{find, Dtype, IndicatorSpec};
use ta_engine::{TaError, Validity};

#[derive(Deserialize)]
struct IndicatorKwargs {
    /// Catalog name.
    name: String,
    /// Parameter values in catalog order.
    params: Vec<f64>,
    /// When true the last input is a group id (e.g. `rle_id()` of a symbol column): the
    /// indicator restarts wherever it changes.
    #[serde(default)]
    grouped: bool,
}

fn engine_err(err: TaError) -> PolarsError {
    polars_err!(ComputeError: "{}", err)
}

fn lookup(name: &str) -> PolarsResult<&'static IndicatorSpec> {
    find(name).map_err(engine_err)
}

fn polars_dtype(dtype: Dtype) -> DataType {
    match dtype {
        Dtype::Float64 => DataType::Float64,
        Dtype::Int32 => DataType::Int32,
    }
}

fn output_field(input_fields: &[Field], kwargs: IndicatorKwargs) -> PolarsResult<Field> {
    let spec = lookup(&kwargs.name)?;
    let name = input_fields
        .first()
        .map(|f| f.name().clone())
        .unwrap_or_else(|| spec.name.into());
    Ok(match spec.outputs {
        [single] => Field::new(name, polars_dtype(single.dtype)),
        many => Field::new(
            name,
            DataType::Struct(
                many.iter()
                    .map(|o| Field::new(o.name.into(), polars_dtype(o.dtype)))
                    .collect(),
            ),
        ),
    })
}

/// Checks an input column and brings it to Float64 (integers and Float32 are cast).
fn as_float64(
    spec: &IndicatorSpec,
    position: usize,
    series: &Series,
) -> PolarsResult<Float64Chunked> {
    let role = spec.inputs[position].as_str();
    let dtype = series.dtype();
    if !(dtype.is_primitive_numeric() || dtype.is_null()) {
        polars_bail!(
            InvalidOperation: "{}: input '{}' (column \"{}\") must be numeric, got {}",
            spec.name, role, series.name(), dtype
        );
    }
    if dtype == &DataType::Float64 {
        return Ok(series.f64()?.clone());
    }
    Ok(series.cast(&DataType::Float64)?.f64()?.clone())
}

/// Prefix validity as a bitmap; `None` when every row is present.
fn validity_bitmap(validity: &Validity, len: usize) -> Option<Bitmap> {
    match validity {
        Validity::Prefix(0) => None,
        Validity::Prefix(missing) => {
            let mut bits = MutableBitmap::with_capacity(len);
            bits.extend_constant((*missing).min(len), false);
            bits.extend_constant(len.saturating_sub(*missing), true);
            Some(bits.into())
        }
        Validity::Mask(mask) => Some(Bitmap::from_iter(mask.iter().copied())),
    }
}

/// Rows where a new group begins: the first row and every row whose id differs from the
/// previous row's.
fn group_starts(ids: &Series) -> PolarsResult<Vec<usize>> {
    if !ids.dtype().is_integer() {
        polars_bail!(InvalidOperation: "group ids must be integers, got {}", ids.dtype());
    }
    if ids.null_count() > 0 {
        polars_bail!(InvalidOperation: "the group column (by=) must not contain nulls");
    }
    // `rle_id()` gives UInt32; anything else is brought to it (ids only need to differ).
    let ids = ids.cast(&DataType::UInt32)?;
    let mut starts = Vec::new();
    let mut previous: Option<u32> = None;
    let mut row = 0;
    for array in ids.u32()?.downcast_iter() {
        for &id in array.values().iter() {
            if previous != Some(id) {
                starts.push(row);
                previous = Some(id);
            }
            row += 1;
        }
    }
    Ok(starts)
}

#[polars_expr(output_type_func_with_kwargs=output_field)]
fn ta_indicator(inputs: &[Series], kwargs: IndicatorKwargs) -> PolarsResult<Series> {
    let spec = lookup(&kwargs.name)?;
    let (inputs, group_starts) = match (kwargs.grouped, inputs.split_last()) {
        (true, Some((ids, rest))) => (rest, group_starts(ids)?),
        _ => (inputs, Vec::new()),
    };
    if inputs.len() != spec.inputs.len() {
        polars_bail!(
            InvalidOperation: "{}: expected {} input series, got {}",
            spec.name, spec.inputs.len(), inputs.len()
        );
    }
    let columns = inputs
        .iter()
        .enumerate()
        .map(|(i, s)| as_float64(spec, i, s))
        .collect::<PolarsResult<Vec<_>>>()?;
    let len = columns.first().map_or(0, |c| c.len());
    // Borrow every chunk's value buffer in place; the engine walks chunks without copying.
    let chunks: Vec<Vec<&[f64]>> = columns
        .iter()
        .map(|c| c.downcast_iter().map(|a| a.values().as_slice()).collect())
        .collect();
    let chunk_refs: Vec<&[&[f64]]> = chunks.iter().map(Vec::as_slice).collect();
    let any_null = columns.iter().any(|c| c.null_count() > 0);
    let present: Option<Vec<bool>> = any_null.then(|| {
        let mut present = vec![true; len];
        for column in &columns {
            if column.null_count() == 0 {
                continue;
            }
            let mut row = 0;
            for array in column.downcast_iter() {
                if let Some(validity) = array.validity() {
                    for (slot, valid) in present[row..].iter_mut().zip(validity.iter()) {
                        *slot &= valid;
                    }
                }
                row += array.len();
            }
        }
        present
    });

    let batch = spec
        .run_groups(
            &kwargs.params,
            &chunk_refs,
            present.as_deref(),
            &group_starts,
        )
        .map_err(engine_err)?;
    let name = inputs
        .first()
        .map(|s| s.name().clone())
        .unwrap_or_else(|| spec.name.into());
    let validity = validity_bitmap(&batch.validity, len);
    let mut fields: Vec<Series> = batch
        .outputs
        .into_iter()
        .zip(spec.outputs)
        .map(|(values, out)| {
            let series =
                Float64Chunked::from_vec_validity(out.name.into(), values, validity.clone())
                    .into_series();
            match out.dtype {
                Dtype::Float64 => Ok(series),
                Dtype::Int32 => series.cast(&DataType::Int32),
            }
        })
        .collect::<PolarsResult<_>>()?;
    if fields.len() == 1 {
        let mut series = fields.remove(0);
        series.rename(name);
        return Ok(series);
    }
    Ok(StructChunked::from_series(name, len, fields.iter())?.into_series())
}
