//! The one Polars plugin function: runs any catalog indicator named in its kwargs.

use polars::prelude::*;
use polars_arrow::array::BooleanArray;
use polars_arrow::bitmap::{Bitmap, MutableBitmap};
use polars_arrow::datatypes::ArrowDataType;
use pyo3_polars::derive::polars_expr;
use serde::Deserialize;
use ta_engine::catalog::{find, Dtype, Flag, IndicatorSpec};
use ta_engine::naming::{output_name, primary_input};
use ta_engine::{Batch, TaError, Validity};

use crate::grouping::{row_layout, RowLayout};
use crate::parallel;

#[derive(Deserialize)]
struct IndicatorKwargs {
    /// Catalog name.
    name: String,
    /// Parameter values in catalog order.
    params: Vec<f64>,
    /// How many inputs after the indicator's own are `by=` key columns.
    #[serde(default)]
    keys: usize,
    /// When true the last input is the row order (`order_by=`): row numbers sorted by time.
    #[serde(default)]
    ordered: bool,
}

/// The indicator's inputs in catalog order. The adapter passes the primary input first, so
/// that Polars (which names a plugin's result after its first input) sees that column as the
/// expression's root name.
fn catalog_order<T: Clone>(spec: &IndicatorSpec, given: &[T]) -> Vec<T> {
    let mut inputs = given.to_vec();
    if !inputs.is_empty() {
        let primary = inputs.remove(0);
        inputs.insert(primary_input(spec).min(inputs.len()), primary);
    }
    inputs
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
        Dtype::Boolean => DataType::Boolean,
    }
}

/// Refuses an input column that is not numeric, naming the input and the column. A signal
/// input (an entry, an exit) or an anchor (`reset`) also takes a Boolean column: true is 1,
/// false 0.
fn check_numeric(
    spec: &IndicatorSpec,
    position: usize,
    column: &str,
    dtype: &DataType,
) -> PolarsResult<()> {
    let boolean = spec
        .inputs
        .get(position)
        .is_some_and(|i| i.role().takes_booleans());
    if dtype.is_numeric() || dtype.is_null() || (boolean && dtype.is_bool()) {
        return Ok(());
    }
    let wanted = if boolean {
        "Boolean (or numeric: 0 is false)"
    } else {
        "numeric"
    };
    polars_bail!(
        InvalidOperation: "{}: input '{}' (column \"{}\") must be {}, got {}",
        spec.name, ta_engine::naming::input_keyword(spec, position), column, wanted, dtype
    )
}

fn output_field(input_fields: &[Field], kwargs: IndicatorKwargs) -> PolarsResult<Field> {
    let spec = lookup(&kwargs.name)?;
    spec.params(&kwargs.params).map_err(engine_err)?;
    let n_inputs = spec.inputs.len().min(input_fields.len());
    for (i, field) in catalog_order(spec, &input_fields[..n_inputs])
        .iter()
        .enumerate()
    {
        check_numeric(spec, i, field.name(), field.dtype())?;
    }
    let primary = input_fields.first().map_or("", |f| f.name().as_str());
    let name = output_name(spec, &kwargs.params, primary);
    Ok(match spec.outputs {
        [single] => Field::new(name.into(), polars_dtype(single.dtype)),
        many => Field::new(
            name.into(),
            DataType::Struct(
                many.iter()
                    .map(|o| Field::new(o.name.into(), polars_dtype(o.dtype)))
                    .collect(),
            ),
        ),
    })
}

/// Checks an input column and brings it to Float64 (every numeric dtype is cast).
fn as_float64(
    spec: &IndicatorSpec,
    position: usize,
    series: &Series,
) -> PolarsResult<Float64Chunked> {
    check_numeric(spec, position, series.name(), series.dtype())?;
    if series.dtype() == &DataType::Float64 {
        return Ok(series.f64()?.clone());
    }
    Ok(series.cast(&DataType::Float64)?.f64()?.clone())
}

/// Validity as a bitmap; `None` when every row is present.
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
        Validity::Gaps(gaps) => {
            let mut bits = MutableBitmap::with_capacity(len);
            for gap in gaps {
                bits.extend_constant(gap.start - bits.len(), true);
                bits.extend_constant(gap.len(), false);
            }
            bits.extend_constant(len - bits.len(), true);
            Some(bits.into())
        }
    }
}

/// Rows whose inputs are all non-null; `None` when there is no null at all.
fn rows_present(columns: &[Float64Chunked]) -> Option<Vec<bool>> {
    if columns.iter().all(|c| c.null_count() == 0) {
        return None;
    }
    let len = columns.first().map_or(0, |c| c.len());
    let mut present = vec![true; len];
    for column in columns.iter().filter(|c| c.null_count() > 0) {
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
    Some(present)
}

/// The column with NaN in place of each null.
fn nan_for_null(column: &Float64Chunked) -> Float64Chunked {
    if column.null_count() == 0 {
        return column.clone();
    }
    column
        .iter()
        .map(|v| Some(v.unwrap_or(f64::NAN)))
        .collect::<Float64Chunked>()
        .with_name(column.name().clone())
}

/// Brings every input to the same length: a length-1 input (a literal) is repeated.
fn broadcast(inputs: &[Series]) -> PolarsResult<Vec<Series>> {
    let len = inputs.iter().map(|s| s.len()).max().unwrap_or(0);
    inputs
        .iter()
        .map(|s| match s.len() {
            n if n == len => Ok(s.clone()),
            1 => Ok(s.new_from_index(0, len)),
            n => polars_bail!(
                ShapeMismatch: "input \"{}\" has {} rows where the others have {}",
                s.name(), n, len
            ),
        })
        .collect()
}

/// Runs the indicator over `columns` laid out as `layout` says, returning outputs in row order.
/// Runs the indicator over `columns` laid out as `layout` says; the result in row order, as
/// consecutive parts (one per thread that computed it).
fn run(
    spec: &IndicatorSpec,
    params: &[f64],
    columns: &[Float64Chunked],
    layout: &RowLayout,
) -> PolarsResult<Vec<Batch>> {
    let mut present = rows_present(columns);
    // An anchored entry keeps the anchor of a bar it skips (the engine's `skip` sees the
    // bar's other inputs), so a null is passed as NaN, which the engine skips alike.
    let filled: Vec<Float64Chunked>;
    let columns = if present.is_some() && spec.has_flag(Flag::Anchored) {
        filled = columns.iter().map(nan_for_null).collect();
        present = None;
        filled.as_slice()
    } else {
        columns
    };
    match layout {
        RowLayout::Contiguous { group_starts } => {
            // Borrow every chunk's value buffer in place; the engine walks chunks without copying.
            let chunks: Vec<Vec<&[f64]>> = columns
                .iter()
                .map(|c| c.downcast_iter().map(|a| a.values().as_slice()).collect())
                .collect();
            let len = columns.first().map_or(0, |c| c.len());
            let parts = parallel::split(group_starts, len);
            parallel::run_parts(&parts, |rows, starts| {
                let sliced: Vec<Vec<&[f64]>> = chunks
                    .iter()
                    .map(|c| parallel::slice_chunks(c, rows.clone()))
                    .collect();
                let chunk_refs: Vec<&[&[f64]]> = sliced.iter().map(Vec::as_slice).collect();
                let present = present.as_deref().map(|p| &p[rows]);
                spec.run_groups(params, &chunk_refs, present, starts)
                    .map_err(engine_err)
            })
        }
        RowLayout::Permuted {
            order,
            group_starts,
        } => {
            // Gather each group's rows together (in time order), run, and put rows back.
            let gathered: Vec<Vec<f64>> = columns
                .iter()
                .map(|c| {
                    let c = c.rechunk();
                    let values = c.downcast_as_array().values().as_slice();
                    order.iter().map(|&row| values[row]).collect()
                })
                .collect();
            let gathered_present: Option<Vec<bool>> = present
                .as_ref()
                .map(|p| order.iter().map(|&row| p[row]).collect());
            let slices: Vec<[&[f64]; 1]> = gathered.iter().map(|v| [v.as_slice()]).collect();
            let chunk_refs: Vec<&[&[f64]]> = slices.iter().map(|s| s.as_slice()).collect();
            let batch = spec
                .run_groups(
                    params,
                    &chunk_refs,
                    gathered_present.as_deref(),
                    group_starts,
                )
                .map_err(engine_err)?;
            let len = order.len();
            let sorted_mask = batch.validity.to_mask(len);
            let mut mask = vec![false; len];
            let mut outputs = vec![vec![f64::NAN; len]; batch.outputs.len()];
            for (k, &row) in order.iter().enumerate() {
                mask[row] = sorted_mask[k];
                for (dest, src) in outputs.iter_mut().zip(&batch.outputs) {
                    dest[row] = src[k];
                }
            }
            Ok(vec![Batch {
                outputs,
                validity: Validity::Mask(mask),
            }])
        }
    }
}

#[polars_expr(output_type_func_with_kwargs=output_field)]
fn ta_indicator(inputs: &[Series], kwargs: IndicatorKwargs) -> PolarsResult<Series> {
    let spec = lookup(&kwargs.name)?;
    let _call = parallel::ActiveCall::enter();
    let wanted = spec.inputs.len() + kwargs.keys + usize::from(kwargs.ordered);
    if inputs.len() != wanted {
        polars_bail!(
            InvalidOperation: "{}: expected {} input series, got {}",
            spec.name, wanted, inputs.len()
        );
    }
    let inputs = broadcast(inputs)?;
    let (data, rest) = inputs.split_at(spec.inputs.len());
    let (keys, order) = rest.split_at(kwargs.keys);
    let primary = data.first().map_or(String::new(), |s| s.name().to_string());
    let data = catalog_order(spec, data);
    let columns = data
        .iter()
        .enumerate()
        .map(|(i, s)| as_float64(spec, i, s))
        .collect::<PolarsResult<Vec<_>>>()?;
    let len = columns.first().map_or(0, |c| c.len());
    let layout = row_layout(keys, order.first(), len)?;
    let parts = run(spec, &kwargs.params, &columns, &layout)?;

    let name = output_name(spec, &kwargs.params, &primary);
    // Each part becomes one chunk of the result: parts are never copied together.
    let mut result: Option<Series> = None;
    for batch in parts {
        let part = to_series(spec, &name, batch)?;
        match result.as_mut() {
            None => result = Some(part),
            Some(whole) => {
                whole.append(&part)?;
            }
        }
    }
    Ok(result.unwrap_or_else(|| Series::new_empty(name.into(), &output_dtype(spec))))
}

/// The result's dtype: the single output's, or a struct of every output.
fn output_dtype(spec: &IndicatorSpec) -> DataType {
    match spec.outputs {
        [single] => polars_dtype(single.dtype),
        many => DataType::Struct(
            many.iter()
                .map(|o| Field::new(o.name.into(), polars_dtype(o.dtype)))
                .collect(),
        ),
    }
}

/// One batch as the result column: null where the indicator has no value; for several
/// outputs a struct that is itself null where every field is (so `drop_nulls` and `is_null`
/// see warm-ups), fields null inside too.
pub(crate) fn to_series(spec: &IndicatorSpec, name: &str, batch: Batch) -> PolarsResult<Series> {
    let len = batch.outputs.first().map_or(0, Vec::len);
    let validity = validity_bitmap(&batch.validity, len);
    let mut fields: Vec<Series> = batch
        .outputs
        .into_iter()
        .zip(spec.outputs)
        .map(|(values, out)| match out.dtype {
            Dtype::Float64 => {
                Ok(
                    Float64Chunked::from_vec_validity(out.name.into(), values, validity.clone())
                        .into_series(),
                )
            }
            // Whole numbers by construction (signals, positions); missing rows hold NaN, which
            // `as` turns into 0 under the null mask. One tight pass, no checked cast.
            Dtype::Int32 => {
                let whole: Vec<i32> = values.iter().map(|&v| v as i32).collect();
                Ok(
                    Int32Chunked::from_vec_validity(out.name.into(), whole, validity.clone())
                        .into_series(),
                )
            }
            // True and false computed as 1 and 0; missing rows hold NaN under the null mask.
            Dtype::Boolean => {
                let bits = Bitmap::from_iter(values.iter().map(|&v| v != 0.0));
                let array = BooleanArray::new(ArrowDataType::Boolean, bits, validity.clone());
                Ok(BooleanChunked::with_chunk(out.name.into(), array).into_series())
            }
        })
        .collect::<PolarsResult<_>>()?;
    if fields.len() == 1 {
        let mut series = fields.remove(0);
        series.rename(name.into());
        return Ok(series);
    }
    let combined = StructChunked::from_series(name.into(), len, fields.iter())?;
    Ok(combined.with_outer_validity(validity).into_series())
}

/// Returns its input unchanged: the cost of calling a non-elementwise plugin at all, for
/// `benches/bench.py` (the engine's floor under every indicator).
#[polars_expr(output_type=Float64)]
fn ta_noop(inputs: &[Series]) -> PolarsResult<Series> {
    Ok(inputs[0].clone())
}
