//! Time buckets for the DSL's higher timeframes: the engine's one bucketing rule as a Polars
//! expression, so the batch plan groups bars exactly as the live runner does.

use polars::prelude::*;
use pyo3_polars::derive::polars_expr;
use serde::Deserialize;
use ta_engine::timeframe::Bucketing;

#[derive(Deserialize)]
struct BucketKwargs {
    /// A Polars duration (`15m`, `1d`, `1mo`).
    every: String,
    offset: Option<String>,
    tz: Option<String>,
    /// Nanoseconds subtracted from each instant first (1 for close-time stamps, so a bar
    /// closing on a boundary belongs to the bucket it closes).
    #[serde(default)]
    shift: i64,
}

fn bucket_field(input_fields: &[Field], _: BucketKwargs) -> PolarsResult<Field> {
    let name = input_fields
        .first()
        .map_or_else(|| "bucket".into(), |f| f.name().clone());
    Ok(Field::new(
        name,
        DataType::Struct(vec![
            Field::new("start".into(), DataType::Int64),
            Field::new("end".into(), DataType::Int64),
        ]),
    ))
}

/// For instants in nanoseconds since the epoch (Int64), the `[start, end)` of their bucket.
#[polars_expr(output_type_func_with_kwargs=bucket_field)]
fn ta_bucket(inputs: &[Series], kwargs: BucketKwargs) -> PolarsResult<Series> {
    let bucketing = Bucketing::new(
        &kwargs.every,
        kwargs.offset.as_deref(),
        kwargs.tz.as_deref(),
    )
    .map_err(|e| polars_err!(ComputeError: "{}", e))?;
    let Some(instants) = inputs.first() else {
        polars_bail!(InvalidOperation: "ta_bucket takes one Int64 column");
    };
    let instants = instants.cast(&DataType::Int64)?;
    let instants = instants.i64()?;
    let mut starts = Vec::with_capacity(instants.len());
    let mut ends = Vec::with_capacity(instants.len());
    let mut last: Option<(i64, i64)> = None;
    for t in instants.iter() {
        let bucket = t.map(|t| {
            let t = t.saturating_sub(kwargs.shift);
            // Sorted bars mostly stay in the bucket before them: skip the calendar work.
            match last {
                Some((start, end)) if start <= t && t < end => (start, end),
                _ => {
                    let found = bucketing.bucket(t);
                    last = Some(found);
                    found
                }
            }
        });
        starts.push(bucket.map(|b| b.0));
        ends.push(bucket.map(|b| b.1));
    }
    let start = Int64Chunked::from_iter_options("start".into(), starts.into_iter()).into_series();
    let end = Int64Chunked::from_iter_options("end".into(), ends.into_iter()).into_series();
    let name = instants.name().clone();
    Ok(StructChunked::from_series(name, start.len(), [start, end].iter())?.into_series())
}

/// The `[start, end)` (nanoseconds since the epoch) of the bucket holding `instant`; checks
/// the timeframe, offset and time zone (`ValueError` naming what is wrong).
#[pyo3::pyfunction]
#[pyo3(signature = (every, offset, tz, instant))]
pub fn bucket(
    every: &str,
    offset: Option<&str>,
    tz: Option<&str>,
    instant: i64,
) -> pyo3::PyResult<(i64, i64)> {
    let bucketing = Bucketing::new(every, offset, tz)
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
    Ok(bucketing.bucket(instant))
}
