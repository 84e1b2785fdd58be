//! Test support for patterns: a quiet background of candles, then the candles under test.
//!
//! Expected values in the pattern tests were checked against TA-Lib 0.8.1 on the same bars
//! (background + candles, default settings).

use crate::catalog::find;
use crate::params::ParamInput;

/// Bars before the candles under test: alternating white and black candles, body 1, each
/// shadow 0.5 (average body 1, average high-low range 2), around 100.
pub(crate) const BACKGROUND: usize = 20;

pub(crate) fn background() -> Vec<[f64; 4]> {
    (0..BACKGROUND)
        .map(|k| {
            if k % 2 == 0 {
                [100.0, 101.5, 99.5, 101.0]
            } else {
                [101.0, 101.5, 99.5, 100.0]
            }
        })
        .collect()
}

/// Every output of `name` (with parameters given by name) over `bars`; checks that the batch
/// fold and bar-by-bar streaming agree and that the warm-up equals the lookback.
pub(crate) fn signals(name: &str, params: &[(&str, f64)], bars: &[[f64; 4]]) -> Vec<Option<i32>> {
    let spec = find(name).unwrap();
    let given: Vec<_> = params
        .iter()
        .map(|&(n, v)| (n, ParamInput::Float(v)))
        .collect();
    let values = spec.resolve_params(&given).unwrap().values().to_vec();
    let columns: Vec<Vec<f64>> = (0..4)
        .map(|k| bars.iter().map(|b| b[k]).collect())
        .collect();
    let inputs: Vec<&[f64]> = columns.iter().map(Vec::as_slice).collect();
    let batch = spec.run(&values, &inputs, None).unwrap();
    let lookback = spec.lookback(&values).unwrap();
    let mut stream = spec.stream(&values).unwrap();
    let mut out = [0.0];
    bars.iter()
        .enumerate()
        .map(|(row, bar)| {
            let ready = stream.update(bar, &mut out);
            assert_eq!(ready, row >= lookback, "{name}: warm-up at row {row}");
            assert_eq!(ready, batch.validity.is_valid(row));
            ready.then(|| {
                assert_eq!(out[0].to_bits(), batch.outputs[0][row].to_bits());
                assert_eq!(out[0].fract(), 0.0);
                out[0] as i32
            })
        })
        .collect()
}

/// The signal of `name` (default settings) on the last of `candles`, after the background.
pub(crate) fn check(name: &str, candles: &[[f64; 4]], expected: i32) {
    let mut bars = background();
    bars.extend_from_slice(candles);
    let got = signals(name, &[], &bars);
    assert_eq!(
        got.last().copied().flatten(),
        Some(expected),
        "{name} on {candles:?}"
    );
}
