//! Test data and comparisons shared by the integration tests.
#![allow(dead_code)]

use ta_engine::catalog::{Group, IndicatorSpec};

use ta_engine::ParamKind;

/// Deterministic OHLCV, a per-bar period series (2..=30) and a series inside (0, 1) (in
/// every math transform's domain), from a small LCG.
pub fn bars(n: usize, seed: u64) -> [Vec<f64>; 7] {
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
    let mut out: [Vec<f64>; 7] = Default::default();
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
    out
}

/// Input series of `spec`, in catalog order.
pub fn inputs<'a>(spec: &IndicatorSpec, data: &'a [Vec<f64>; 7]) -> Vec<&'a [f64]> {
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
            Reset => unreachable!("no entry takes {}", i.as_str()),
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
