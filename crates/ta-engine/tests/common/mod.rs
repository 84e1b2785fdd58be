//! Test data and comparisons shared by the integration tests.
#![allow(dead_code)]

use ta_engine::catalog::{Group, IndicatorSpec};

use ta_engine::ParamKind;

/// Columns of [`bars`].
pub const COLUMNS: usize = 11;
/// Test data: see [`bars`].
pub type Data = [Vec<f64>; COLUMNS];

/// Deterministic OHLCV, a per-bar period series (2..=30), a series inside (0, 1) (in every
/// math transform's domain) and four 0/1 signal series (entries and exits, each true on
/// about one bar in eight), from a small LCG.
pub fn bars(n: usize, seed: u64) -> Data {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 11) as f64) / ((1u64 << 53) as f64)
    };
    let mut close = 100.0;
    let mut out: Data = Default::default();
    for _ in 0..n {
        let open = close;
        close *= 1.0 + (next() - 0.5) * 0.04;
        let high = open.max(close) * (1.0 + next() * 0.01);
        let low = open.min(close) * (1.0 - next() * 0.01);
        let volume = (next() * 1e4).floor() + 1.0;
        let period = (next() * 29.0).floor() + 2.0;
        let unit = 0.01 + next() * 0.98;
        for (col, v) in out
            .iter_mut()
            .zip([open, high, low, close, volume, period, unit])
        {
            col.push(v);
        }
    }
    // The signals from a generator of their own, so the columns above stay what they were.
    let mut signals = seed ^ 0x5157_4e41_4c53;
    for _ in 0..n {
        for col in &mut out[7..] {
            signals = signals
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            col.push(if (signals >> 33) % 8 == 0 { 1.0 } else { 0.0 });
        }
    }
    out
}

/// Input series of `spec`, in catalog order.
pub fn inputs<'a>(spec: &IndicatorSpec, data: &'a Data) -> Vec<&'a [f64]> {
    use ta_engine::catalog::Input::*;
    if spec.group == Group::MathTransform {
        return vec![data[6].as_slice()];
    }
    spec.inputs
        .iter()
        .map(|i| match i {
            Open | Real1 => data[0].as_slice(),
            High => data[1].as_slice(),
            Low => data[2].as_slice(),
            Close | Real | Real0 => data[3].as_slice(),
            Volume => data[4].as_slice(),
            Periods => data[5].as_slice(),
            LongEntry => data[7].as_slice(),
            LongExit => data[8].as_slice(),
            ShortEntry => data[9].as_slice(),
            ShortExit => data[10].as_slice(),
            // An anchor on about one bar in eight.
            Reset => data[7].as_slice(),
            // Windows of a few bars, about one bar in eight starting one.
            Window => data[8].as_slice(),
        })
        .collect()
}

/// Defaults and minimum periods.
pub fn param_sets(spec: &IndicatorSpec) -> Vec<Vec<f64>> {
    let defaults = spec.default_values();
    let minimal = spec
        .params
        .iter()
        .map(|p| {
            if p.kind == ParamKind::Int {
                p.min.max(2.0)
            } else {
                p.default
            }
        })
        .collect();
    vec![defaults, minimal]
}

pub fn same_bits(a: &[Option<Vec<f64>>], b: &[Option<Vec<f64>>]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| match (x, y) {
            (Some(x), Some(y)) => x.iter().zip(y).all(|(p, q)| p.to_bits() == q.to_bits()),
            (None, None) => true,
            _ => false,
        })
}

pub fn batch_rows(
    spec: &IndicatorSpec,
    values: &[f64],
    series: &[&[f64]],
    present: Option<&[bool]>,
) -> Vec<Option<Vec<f64>>> {
    let batch = spec.run(values, series, present).unwrap();
    rows_of(&batch, series[0].len())
}

/// A batch's first `len` rows: each row's outputs, or `None` where it has no value.
pub fn rows_of(batch: &ta_engine::Batch, len: usize) -> Vec<Option<Vec<f64>>> {
    (0..len)
        .map(|row| {
            batch
                .validity
                .is_valid(row)
                .then(|| batch.outputs.iter().map(|o| o[row]).collect())
        })
        .collect()
}
