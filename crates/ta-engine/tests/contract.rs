//! The kernel contract, for every catalog entry: batch ≡ bar-by-bar stepping (bit for bit),
//! first output at the lookback, checkpoints resume exactly, missing bars are skipped, and
//! parameters outside the catalog ranges are refused.

mod common;

use common::{bars, batch_rows, inputs, param_sets, same_bits};
use ta_engine::catalog::{catalog, find, Flag, IndicatorSpec};
use ta_engine::{ParamKind, TaError, Validity};

fn stepped(
    spec: &IndicatorSpec,
    values: &[f64],
    series: &[&[f64]],
    present: Option<&[bool]>,
) -> Vec<Option<Vec<f64>>> {
    let mut stream = spec.stream(values).unwrap();
    let mut bar = vec![0.0; series.len()];
    let mut out = vec![0.0; spec.outputs.len()];
    (0..series[0].len())
        .map(|row| {
            if present.is_some_and(|p| !p[row]) {
                return None;
            }
            for (slot, s) in bar.iter_mut().zip(series) {
                *slot = s[row];
            }
            stream.update(&bar, &mut out).then(|| out.clone())
        })
        .collect()
}

#[test]
fn catalog_names_are_unique_and_complete() {
    let mut names: Vec<_> = catalog().iter().map(|s| s.name).collect();
    let n = names.len();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), n);
    for spec in catalog() {
        assert!(
            !spec.outputs.is_empty() && !spec.inputs.is_empty(),
            "{}",
            spec.name
        );
        assert!(spec.inputs.len() <= ta_engine::kernel::MAX_INPUTS);
        assert!(spec.outputs.len() <= ta_engine::kernel::MAX_OUTPUTS);
        for p in spec.params {
            assert!(
                p.min <= p.default && p.default <= p.max,
                "{}.{}",
                spec.name,
                p.name
            );
        }
    }
}

#[test]
fn batch_equals_stepping_bit_for_bit() {
    let data = bars(700, 1);
    for spec in catalog() {
        let series = inputs(spec, &data);
        for values in param_sets(spec) {
            let batch = batch_rows(spec, &values, &series, None);
            let steps = stepped(spec, &values, &series, None);
            assert!(same_bits(&batch, &steps), "{} {:?}", spec.name, values);
        }
    }
}

#[test]
fn no_output_depends_on_later_rows() {
    // No look-ahead: cutting the series after row t leaves rows up to t unchanged.
    let data = bars(300, 4);
    for spec in catalog() {
        let series = inputs(spec, &data);
        for values in param_sets(spec) {
            let full = batch_rows(spec, &values, &series, None);
            for cut in [1, 37, 150, 299] {
                let head: Vec<&[f64]> = series.iter().map(|s| &s[..cut]).collect();
                let part = batch_rows(spec, &values, &head, None);
                assert!(
                    same_bits(&part, &full[..cut]),
                    "{} {:?}: rows before {cut} changed",
                    spec.name,
                    values
                );
            }
        }
    }
}

#[test]
fn first_output_at_lookback() {
    let data = bars(400, 2);
    for spec in catalog() {
        let series = inputs(spec, &data);
        for values in param_sets(spec) {
            let lookback = spec.lookback(&values).unwrap();
            let batch = spec.run(&values, &series, None).unwrap();
            if spec.has_flag(Flag::Anchored) || spec.has_flag(Flag::Events) {
                // Where the anchors (events) fall decides the warm-up; the lookback is the
                // least one.
                let first = (0..400).find(|&row| batch.validity.is_valid(row));
                assert!(first.is_some_and(|row| row >= lookback), "{}", spec.name);
                continue;
            }
            assert_eq!(
                batch.validity,
                Validity::Prefix(lookback.min(400)),
                "{} {:?}",
                spec.name,
                values
            );
        }
    }
}

#[test]
fn checkpoint_resumes_exactly() {
    let data = bars(500, 3);
    for spec in catalog() {
        let series = inputs(spec, &data);
        let values = spec.default_values();
        let mut stream = spec.stream(&values).unwrap();
        let mut bar = vec![0.0; series.len()];
        let mut out = vec![0.0; spec.outputs.len()];
        let mut feed = |s: &mut Box<dyn ta_engine::Stream>, row: usize, out: &mut Vec<f64>| {
            for (slot, col) in bar.iter_mut().zip(&series) {
                *slot = col[row];
            }
            s.update(&bar, out)
        };
        for row in 0..250 {
            feed(&mut stream, row, &mut out);
        }
        let mut resumed = stream.clone_box();
        let mut out2 = out.clone();
        for row in 250..500 {
            let a = feed(&mut stream, row, &mut out);
            let b = feed(&mut resumed, row, &mut out2);
            assert_eq!(a, b);
            assert!(
                out.iter()
                    .zip(&out2)
                    .all(|(p, q)| p.to_bits() == q.to_bits()),
                "{}",
                spec.name
            );
        }
    }
}

#[test]
fn missing_bars_are_skipped() {
    let data = bars(300, 4);
    let present: Vec<bool> = (0..300).map(|i| i % 7 != 3 && i != 0).collect();
    for spec in catalog() {
        let series = inputs(spec, &data);
        let values = spec.default_values();
        let with_gaps = batch_rows(spec, &values, &series, Some(&present));
        let compact: Vec<Vec<f64>> = series
            .iter()
            .map(|s| {
                s.iter()
                    .zip(&present)
                    .filter(|(_, p)| **p)
                    .map(|(v, _)| *v)
                    .collect()
            })
            .collect();
        let compact_refs: Vec<&[f64]> = compact.iter().map(Vec::as_slice).collect();
        let mut expected = batch_rows(spec, &values, &compact_refs, None).into_iter();
        for (row, got) in with_gaps.iter().enumerate() {
            if present[row] {
                let want = expected.next().unwrap();
                assert!(
                    same_bits(std::slice::from_ref(got), &[want]),
                    "{} row {row}",
                    spec.name
                );
            } else {
                assert!(got.is_none(), "{} row {row} should be missing", spec.name);
            }
        }
        // And the stepping driver agrees.
        assert!(same_bits(
            &with_gaps,
            &stepped(spec, &values, &series, Some(&present))
        ));
    }
}

#[test]
fn out_of_range_parameters_are_refused() {
    for spec in catalog() {
        for (i, p) in spec.params.iter().enumerate() {
            let mut values = spec.default_values();
            values[i] = p.min - 1.0 - p.min.abs() * 0.5;
            let err = spec.params(&values).unwrap_err();
            assert!(
                matches!(&err, TaError::InvalidParam { param, .. } if param == p.name),
                "{err}"
            );
            values[i] = f64::NAN;
            assert!(spec.params(&values).is_err());
            if p.kind != ParamKind::Float {
                values[i] = p.default + 0.5;
                assert!(spec.params(&values).is_err());
            }
        }
        let too_many = vec![1.0; spec.params.len() + 1];
        assert!(matches!(spec.params(&too_many), Err(TaError::Arity { .. })));
    }
}

#[test]
fn empty_and_mismatched_inputs() {
    let rsi = find("rsi").unwrap();
    let batch = rsi.run(&[14.0], &[&[]], None).unwrap();
    assert!(batch.outputs[0].is_empty());
    let atr = find("ATR").unwrap();
    let err = atr
        .run(&[14.0], &[&[1.0, 2.0], &[1.0], &[1.0, 2.0]], None)
        .unwrap_err();
    assert!(matches!(err, TaError::LengthMismatch { .. }));
    assert!(matches!(
        find("nope"),
        Err(TaError::UnknownIndicator { .. })
    ));
}

#[test]
fn sma_by_hand() {
    let sma = find("sma").unwrap();
    let batch = sma
        .run(&[3.0], &[&[1.0, 2.0, 3.0, 4.0, 5.0]], None)
        .unwrap();
    assert_eq!(batch.validity, Validity::Prefix(2));
    assert_eq!(&batch.outputs[0][2..], &[2.0, 3.0, 4.0]);
}

#[test]
fn ema_by_hand() {
    // Seed = mean(1, 2, 3) = 2; k = 0.5: 2 + (5 - 2) * 0.5 = 3.5.
    let ema = find("ema").unwrap();
    let batch = ema.run(&[3.0], &[&[1.0, 2.0, 3.0, 5.0]], None).unwrap();
    assert_eq!(&batch.outputs[0][2..], &[2.0, 3.5]);
}

#[test]
fn bbands_by_hand() {
    // Window 2, 4: mean 3, population sd 1.
    let bb = find("bbands").unwrap();
    let batch = bb.run(&[2.0, 2.0, 1.0, 0.0], &[&[2.0, 4.0]], None).unwrap();
    assert_eq!(
        [
            batch.outputs[0][1],
            batch.outputs[1][1],
            batch.outputs[2][1]
        ],
        [5.0, 3.0, 2.0]
    );
}

#[test]
fn groups_restart_the_state() {
    let data = bars(600, 5);
    let starts = [0, 1, 150, 151, 400];
    for spec in catalog() {
        let series = inputs(spec, &data);
        for values in param_sets(spec) {
            let columns: Vec<[&[f64]; 1]> = series.iter().map(|s| [*s]).collect();
            let chunks: Vec<&[&[f64]]> = columns.iter().map(|c| c.as_slice()).collect();
            let grouped = spec.run_groups(&values, &chunks, None, &starts).unwrap();
            let bounds: Vec<usize> = starts.iter().copied().chain([600]).collect();
            for w in bounds.windows(2) {
                let part: Vec<&[f64]> = series.iter().map(|s| &s[w[0]..w[1]]).collect();
                let alone = batch_rows(spec, &values, &part, None);
                for (i, want) in alone.iter().enumerate() {
                    let row = w[0] + i;
                    let got = grouped
                        .validity
                        .is_valid(row)
                        .then(|| grouped.outputs.iter().map(|o| o[row]).collect::<Vec<_>>());
                    assert!(
                        same_bits(&[got], std::slice::from_ref(want)),
                        "{} row {row}",
                        spec.name
                    );
                }
            }
        }
    }
}

#[test]
fn chunk_boundaries_do_not_matter() {
    let data = bars(300, 6);
    for spec in catalog() {
        let series = inputs(spec, &data);
        let values = spec.default_values();
        let whole = batch_rows(spec, &values, &series, None);
        // Different chunk boundaries per input.
        let cuts = [
            [0, 7, 120, 300],
            [0, 50, 51, 300],
            [0, 299, 300, 300],
            [0, 1, 2, 300],
            [0, 100, 200, 300],
        ];
        let owned: Vec<Vec<&[f64]>> = series
            .iter()
            .enumerate()
            .map(|(k, s)| cuts[k].windows(2).map(|w| &s[w[0]..w[1]]).collect())
            .collect();
        let chunks: Vec<&[&[f64]]> = owned.iter().map(Vec::as_slice).collect();
        let batch = spec.run_chunked(&values, &chunks, None).unwrap();
        let rows: Vec<_> = (0..300)
            .map(|r| {
                batch
                    .validity
                    .is_valid(r)
                    .then(|| batch.outputs.iter().map(|o| o[r]).collect())
            })
            .collect();
        assert!(same_bits(&rows, &whole), "{}", spec.name);
    }
}
