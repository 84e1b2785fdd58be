//! Unit tests of the plan runner: each piece against the batch kernels or hand-worked values.
//! (The batch plan itself, Polars, is the oracle of the Python tests.)

use serde_json::{json, Value};

use super::*;
use crate::catalog::find;

/// A deterministic walk (no dependencies): `n` closes around 100.
fn walk(n: usize, seed: u64) -> Vec<f64> {
    let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    let mut price = 100.0;
    (0..n)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            price += ((state >> 11) as f64 / (1u64 << 53) as f64 - 0.5) * 2.0;
            price
        })
        .collect()
}

fn node(id: usize, op: &str, kind: &str, args: &[usize], extra: Value) -> Value {
    let mut n = json!({"id": id, "op": op, "type": kind, "args": args, "timeframe": null,
                       "lookback": 0});
    if let (Some(map), Value::Object(more)) = (n.as_object_mut(), extra) {
        map.extend(more);
    }
    n
}

fn doc(nodes: Vec<Value>, outputs: Value, options: Value) -> String {
    json!({"version": 1, "nodes": nodes, "outputs": outputs, "options": options, "grid": []})
        .to_string()
}

/// `rsi(close, 14) < 30 or close > sma(close, 5)`, plus `rsi` itself and `close - sma`.
fn single_frame_plan() -> String {
    doc(
        vec![
            node(0, "source", "float", &[], json!({"name": "close"})),
            node(
                1,
                "call",
                "float",
                &[0],
                json!({"name": "rsi", "params": {"period": 14}}),
            ),
            node(2, "const", "int", &[], json!({"value": 30})),
            node(3, "binary", "bool", &[1, 2], json!({"operator": "<"})),
            node(
                4,
                "call",
                "float",
                &[0],
                json!({"name": "sma", "params": {"period": 5}}),
            ),
            node(5, "binary", "bool", &[0, 4], json!({"operator": ">"})),
            node(6, "binary", "bool", &[3, 5], json!({"operator": "or"})),
            node(7, "binary", "float", &[0, 4], json!({"operator": "-"})),
        ],
        json!({"signal": 6, "rsi": 1, "gap": 7}),
        json!({"by": ["symbol"], "ts": null, "base": null, "stamp": "open"}),
    )
}

/// The batch kernel's output for one series (None where missing).
fn batch(name: &str, values: &[f64], inputs: &[&[f64]]) -> Vec<Option<f64>> {
    let b = find(name).unwrap().run(values, inputs, None).unwrap();
    (0..inputs[0].len())
        .map(|r| b.validity.is_valid(r).then(|| b.outputs[0][r]))
        .collect()
}

fn value(runner: &PlanRunner, k: usize, s: usize) -> Option<f64> {
    let (v, ok) = runner.output(k);
    ok[s].then_some(v[s])
}

/// Output `name`'s value for symbol `s` (`json!` sorts an object's keys, so outputs are
/// found by name).
fn named(runner: &PlanRunner, name: &str, s: usize) -> Option<f64> {
    let k = runner.outputs().position(|(n, _)| n == name).unwrap();
    value(runner, k, s)
}

fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x.to_bits() == y.to_bits(),
        (None, None) => true,
        _ => false,
    }
}

/// Three symbols; symbol 1 misses every 7th tick, symbol 2 has NaN closes now and then.
fn history(ticks: usize) -> (Vec<Vec<f64>>, Vec<Vec<bool>>) {
    let mut closes: Vec<Vec<f64>> = (0..3).map(|s| walk(ticks, s as u64 + 1)).collect();
    for t in (5..ticks).step_by(11) {
        closes[2][t] = f64::NAN;
    }
    let has: Vec<Vec<bool>> = (0..3)
        .map(|s| (0..ticks).map(|t| !(s == 1 && t % 7 == 3)).collect())
        .collect();
    (closes, has)
}

#[test]
fn a_single_frame_plan_equals_the_batch_kernels_per_symbol() {
    let ticks = 200;
    let (closes, has) = history(ticks);
    let mut runner = PlanRunner::from_ir(&single_frame_plan(), 3).unwrap();
    assert_eq!(runner.columns(), ["close"]);
    let outs: Vec<(String, Kind)> = runner.outputs().map(|(n, k)| (n.to_string(), k)).collect();
    assert!(outs.contains(&("signal".to_string(), Kind::Bool)));
    // Each symbol's own series: only the ticks where it has a bar.
    let series: Vec<Vec<f64>> = (0..3)
        .map(|s| {
            (0..ticks)
                .filter(|&t| has[s][t])
                .map(|t| closes[s][t])
                .collect()
        })
        .collect();
    let rsi: Vec<_> = series.iter().map(|x| batch("rsi", &[14.0], &[x])).collect();
    let sma: Vec<_> = series.iter().map(|x| batch("sma", &[5.0], &[x])).collect();
    let mut row = [0_usize; 3];
    for t in 0..ticks {
        let close: Vec<f64> = (0..3).map(|s| closes[s][t]).collect();
        let has_bar: Vec<bool> = (0..3).map(|s| has[s][t]).collect();
        runner
            .update(&Tick {
                times: Times::None,
                columns: &[&close],
                has_bar: Some(&has_bar),
            })
            .unwrap();
        for s in 0..3 {
            if !has_bar[s] {
                assert!((0..3).all(|k| value(&runner, k, s).is_none()));
                continue;
            }
            let r = row[s];
            row[s] += 1;
            let x = series[s][r];
            let c = (!x.is_nan()).then_some(x);
            let below = rsi[s][r].map(|v| v < 30.0);
            let above = c.zip(sma[s][r]).map(|(c, m)| c > m);
            let signal = match (below, above) {
                (Some(true), _) | (_, Some(true)) => Some(true),
                (Some(false), Some(false)) => Some(false),
                _ => None,
            };
            assert_eq!(
                named(&runner, "signal", s),
                signal.map(f64::from),
                "signal {s} {t}"
            );
            assert!(same(named(&runner, "rsi", s), rsi[s][r]), "rsi {s} {t}");
            let gap = c.zip(sma[s][r]).map(|(c, m)| c - m);
            assert!(same(named(&runner, "gap", s), gap), "gap {s} {t}");
        }
    }
}

#[test]
fn struct_fields_and_integer_outputs() {
    let plan = doc(
        vec![
            node(0, "source", "float", &[], json!({"name": "close"})),
            node(
                1,
                "call",
                "struct",
                &[0],
                json!({"name": "macd",
                "params": {"fast_period": 12, "slow_period": 26, "signal_period": 9}}),
            ),
            node(2, "field", "float", &[1], json!({"name": "hist"})),
            node(3, "source", "float", &[], json!({"name": "open"})),
            node(4, "source", "float", &[], json!({"name": "high"})),
            node(5, "source", "float", &[], json!({"name": "low"})),
            node(
                6,
                "call",
                "int",
                &[3, 4, 5, 0],
                json!({"name": "cdldoji", "params": {}}),
            ),
            node(7, "unary", "float", &[6], json!({"operator": "-"})),
            node(8, "binary", "float", &[6, 6], json!({"operator": "%"})),
        ],
        json!({"hist": 2, "doji": 6, "neg": 7, "mod": 8}),
        json!({}),
    );
    let mut runner = PlanRunner::from_ir(&plan, 1).unwrap();
    let kinds: Vec<(&str, Kind)> = runner.outputs().collect();
    assert_eq!(
        kinds,
        [
            ("doji", Kind::Int),
            ("hist", Kind::Float),
            ("mod", Kind::Int),
            ("neg", Kind::Int)
        ]
    );
    let close = walk(120, 9);
    let open: Vec<f64> = close
        .iter()
        .enumerate()
        .map(|(i, c)| if i % 5 == 0 { *c } else { c - 0.4 })
        .collect();
    let high: Vec<f64> = close.iter().map(|c| c + 1.0).collect();
    let low: Vec<f64> = close.iter().map(|c| c - 1.0).collect();
    let spec = find("macd").unwrap();
    let macd = spec.run(&spec.default_values(), &[&close], None).unwrap();
    let doji = batch(
        "cdldoji",
        &find("cdldoji").unwrap().default_values(),
        &[&open, &high, &low, &close],
    );
    let cols = runner.columns().to_vec();
    for t in 0..close.len() {
        let row: Vec<[f64; 1]> = cols
            .iter()
            .map(|c| {
                [match c.as_str() {
                    "close" => close[t],
                    "open" => open[t],
                    "high" => high[t],
                    _ => low[t],
                }]
            })
            .collect();
        let columns: Vec<&[f64]> = row.iter().map(|r| &r[..]).collect();
        runner
            .update(&Tick {
                times: Times::None,
                columns: &columns,
                has_bar: None,
            })
            .unwrap();
        let hist = macd.validity.is_valid(t).then(|| macd.outputs[2][t]);
        assert!(same(named(&runner, "hist", 0), hist));
        assert_eq!(named(&runner, "doji", 0), doji[t]);
        // Int32 minus: 0 stays +0, never -0.0.
        if let Some(neg) = named(&runner, "neg", 0) {
            assert!(neg.to_bits() == (-doji[t].unwrap()).to_bits() || neg.to_bits() == 0);
        }
        // x % x for integers: 0, or null where x is 0.
        let modulo = doji[t].and_then(|d| (d != 0.0).then_some(0.0));
        assert_eq!(named(&runner, "mod", 0), modulo);
    }
}

/// `close@5m` (and `sma(close, 2)@5m`) over 1m bars opening 09:00..09:11, as the README's
/// worked table shows it.
fn five_minute_plan(stamp: &str) -> String {
    let tf = json!("5m");
    let mut close = node(0, "source", "float", &[], json!({"name": "close"}));
    close["timeframe"] = tf.clone();
    let mut sma = node(
        1,
        "call",
        "float",
        &[0],
        json!({"name": "sma", "params": {"period": 2}}),
    );
    sma["timeframe"] = tf;
    doc(
        vec![close, sma],
        json!({"c": 0, "s": 1}),
        json!({"base": "1m", "stamp": stamp, "tz": null, "session_offset": null}),
    )
}

const MINUTE: i64 = 60_000_000_000;

fn twelve_bars(
    runner: &mut PlanRunner,
    stamp: &str,
    skip: &[usize],
) -> Vec<(Option<f64>, Option<f64>)> {
    let nine = 1_704_186_000_000_000_000_i64; // 2024-01-02 09:00 UTC
    let mut seen = Vec::new();
    for k in 0..12 {
        if skip.contains(&k) {
            continue;
        }
        let t = nine + k as i64 * MINUTE + if stamp == "close" { MINUTE } else { 0 };
        let close = [k as f64 + 0.1];
        runner
            .update(&Tick {
                times: Times::All(t),
                columns: &[&close],
                has_bar: None,
            })
            .unwrap();
        seen.push((named(runner, "c", 0), named(runner, "s", 0)));
    }
    seen
}

#[test]
fn higher_timeframe_bars_show_once_complete() {
    for stamp in ["open", "close"] {
        let mut runner = PlanRunner::from_ir(&five_minute_plan(stamp), 1).unwrap();
        assert!(runner.needs_time());
        let seen = twelve_bars(&mut runner, stamp, &[]);
        let closes: Vec<Option<f64>> = seen.iter().map(|s| s.0).collect();
        let mut expected = vec![None; 4];
        expected.extend([Some(4.1); 5]);
        expected.extend([Some(9.1); 3]);
        assert_eq!(closes, expected, "{stamp}");
        let smas: Vec<Option<f64>> = seen.iter().map(|s| s.1).collect();
        assert_eq!(smas[9..], [Some((4.1 + 9.1) / 2.0); 3]);
        assert!(smas[..9].iter().all(Option::is_none));
    }
    // A gap at the end of a bucket: the bucket closes with 09:03's close, seen from 09:05.
    let mut runner = PlanRunner::from_ir(&five_minute_plan("open"), 1).unwrap();
    let closes: Vec<Option<f64>> = twelve_bars(&mut runner, "open", &[4])
        .iter()
        .map(|s| s.0)
        .collect();
    assert_eq!(closes[..5], [None, None, None, None, Some(3.1)]);
    // A partial leading bucket never shows.
    let mut runner = PlanRunner::from_ir(&five_minute_plan("open"), 1).unwrap();
    let closes: Vec<Option<f64>> = twelve_bars(&mut runner, "open", &[0, 1])
        .iter()
        .map(|s| s.0)
        .collect();
    let mut expected = vec![None; 7];
    expected.extend([Some(9.1); 3]);
    assert_eq!(closes, expected);
}

#[test]
fn time_must_not_go_backwards_and_a_refused_tick_changes_nothing() {
    let mut runner = PlanRunner::from_ir(&five_minute_plan("open"), 2).unwrap();
    let close = [1.0, 2.0];
    runner
        .update(&Tick {
            times: Times::Each(&[10 * MINUTE, 10 * MINUTE]),
            columns: &[&close],
            has_bar: None,
        })
        .unwrap();
    let err = runner
        .update(&Tick {
            times: Times::Each(&[11 * MINUTE, 9 * MINUTE]),
            columns: &[&close],
            has_bar: None,
        })
        .unwrap_err();
    assert_eq!(err.code(), "invalid_plan");
    assert!(err.to_string().contains("symbol 1"), "{err}");
    assert_eq!(runner.last_time, [Some(10 * MINUTE), Some(10 * MINUTE)]);
    let err = runner
        .update(&Tick {
            times: Times::None,
            columns: &[&close],
            has_bar: None,
        })
        .unwrap_err();
    assert!(err.to_string().contains("instants"), "{err}");
    let err = runner
        .update(&Tick {
            times: Times::All(0),
            columns: &[&close[..1]],
            has_bar: None,
        })
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("column 'close' has 1 values for 2 symbols"),
        "{err}"
    );
}

#[test]
fn malformed_plans_are_refused_never_panicking() {
    let close = node(0, "source", "float", &[], json!({"name": "close"}));
    let cases: Vec<(String, &str)> = vec![
        ("not json".to_string(), "not a plan document"),
        (doc(vec![close.clone()], json!({}), json!({})), "no outputs"),
        (
            doc(vec![close.clone()], json!({"x": 3}), json!({})),
            "does not exist",
        ),
        (
            doc(
                vec![
                    close.clone(),
                    node(1, "frobnicate", "float", &[0], json!({})),
                ],
                json!({"x": 1}),
                json!({}),
            ),
            "unknown operation",
        ),
        (
            doc(
                vec![node(0, "unary", "float", &[0], json!({"operator": "-"}))],
                json!({"x": 0}),
                json!({}),
            ),
            "does not come before",
        ),
        (
            doc(
                vec![
                    close.clone(),
                    node(1, "call", "float", &[0], json!({"name": "nope"})),
                ],
                json!({"x": 1}),
                json!({}),
            ),
            "unknown indicator",
        ),
        (
            doc(
                vec![
                    close.clone(),
                    node(
                        1,
                        "call",
                        "float",
                        &[0],
                        json!({"name": "rsi", "params": {"period": 0}}),
                    ),
                ],
                json!({"x": 1}),
                json!({}),
            ),
            "period",
        ),
        (
            doc(
                vec![
                    close.clone(),
                    node(1, "unary", "bool", &[0], json!({"operator": "not"})),
                ],
                json!({"x": 1}),
                json!({}),
            ),
            "true/false",
        ),
        (
            doc(
                vec![
                    close.clone(),
                    node(1, "call", "struct", &[0], json!({"name": "macd"})),
                ],
                json!({"x": 1}),
                json!({}),
            ),
            "multi-output",
        ),
        (
            doc(
                vec![
                    close.clone(),
                    node(1, "call", "struct", &[0], json!({"name": "macd"})),
                    node(2, "field", "float", &[1], json!({"name": "sig"})),
                ],
                json!({"x": 2}),
                json!({}),
            ),
            "no output 'sig'",
        ),
        (
            {
                let mut coarse = close.clone();
                coarse["timeframe"] = json!("1h");
                doc(vec![coarse], json!({"x": 0}), json!({}))
            },
            "no base bar length",
        ),
        (
            {
                let mut coarse = node(1, "abs", "float", &[0], json!({}));
                coarse["timeframe"] = json!("1h");
                doc(
                    vec![close.clone(), coarse],
                    json!({"x": 1}),
                    json!({"base": "1m"}),
                )
            },
            "finer",
        ),
        (
            {
                let mut coarse = close.clone();
                coarse["timeframe"] = json!("1x");
                doc(vec![coarse], json!({"x": 0}), json!({"base": "1m"}))
            },
            "not a timeframe",
        ),
        (
            json!({"version": 2, "nodes": [], "outputs": {}}).to_string(),
            "version 2",
        ),
    ];
    for (text, expected) in cases {
        let err = PlanRunner::from_ir(&text, 2).unwrap_err();
        assert!(err.to_string().contains(expected), "{text}: {err}");
    }
}

fn run_ticks(
    runner: &mut PlanRunner,
    closes: &[Vec<f64>],
    has: &[Vec<bool>],
    range: std::ops::Range<usize>,
) -> Vec<Vec<Option<u64>>> {
    let mut seen = Vec::new();
    for t in range {
        let close: Vec<f64> = closes.iter().map(|c| c[t]).collect();
        let has_bar: Vec<bool> = has.iter().map(|h| h[t]).collect();
        let times: Vec<i64> = (0..closes.len()).map(|_| t as i64 * MINUTE).collect();
        runner
            .update(&Tick {
                times: Times::Each(&times),
                columns: &[&close],
                has_bar: Some(&has_bar),
            })
            .unwrap();
        for k in 0..runner.outputs().count() {
            seen.push(
                (0..closes.len())
                    .map(|s| value(runner, k, s).map(f64::to_bits))
                    .collect(),
            );
        }
    }
    seen
}

#[test]
fn restoring_a_snapshot_then_continuing_equals_never_stopping() {
    let ticks = 300;
    let (closes, has) = history(ticks);
    for plan in [
        single_frame_plan(),
        five_minute_plan("open"),
        five_minute_plan("close"),
    ] {
        let mut whole = PlanRunner::from_ir(&plan, 3).unwrap();
        let expected = run_ticks(&mut whole, &closes, &has, 0..ticks);
        for cut in [0, 1, 7, 123, 299] {
            let mut first = PlanRunner::from_ir(&plan, 3).unwrap();
            let mut got = run_ticks(&mut first, &closes, &has, 0..cut);
            let bytes = first.to_bytes("meta").unwrap();
            let (mut second, meta) = PlanRunner::from_bytes(&bytes).unwrap();
            assert_eq!(meta, "meta");
            // The restored runner holds exactly the saved state.
            assert_eq!(second.to_bytes("meta").unwrap(), bytes);
            got.extend(run_ticks(&mut second, &closes, &has, cut..ticks));
            assert_eq!(got, expected, "cut at {cut}");
        }
    }
}

#[test]
fn damaged_snapshots_are_refused() {
    let mut runner = PlanRunner::from_ir(&five_minute_plan("open"), 2).unwrap();
    let closes = vec![walk(40, 1), walk(40, 2)];
    let has = vec![vec![true; 40], vec![true; 40]];
    run_ticks(&mut runner, &closes, &has, 0..37);
    let bytes = runner.to_bytes("").unwrap();
    let code = |b: &[u8]| match PlanRunner::from_bytes(b).unwrap_err() {
        TaError::Snapshot { problem, .. } => problem,
        other => panic!("{other}"),
    };
    assert_eq!(code(b"LKTA...."), SnapshotProblem::NotASnapshot);
    assert_eq!(code(&bytes[..bytes.len() - 9]), SnapshotProblem::Truncated);
    let mut altered = bytes.clone();
    altered[40] ^= 1;
    assert_eq!(code(&altered), SnapshotProblem::Checksum);
    let mut newer = bytes.clone();
    newer[4] = 9;
    assert_eq!(code(&newer), SnapshotProblem::UnsupportedVersion);
    // Flipped bits with the checksum recomputed: refused or restored, never a panic.
    for at in (10..bytes.len() - 4).step_by(7) {
        let mut flipped = bytes.clone();
        flipped[at] ^= 0x5a;
        let body = flipped.len() - 4;
        let crc = crc32fast::hash(&flipped[..body]).to_le_bytes();
        flipped[body..].copy_from_slice(&crc);
        if let Ok((mut restored, _)) = PlanRunner::from_bytes(&flipped) {
            let _ = run_ticks(&mut restored, &closes, &has, 37..40);
        }
    }
}

use crate::error::SnapshotProblem;

#[test]
fn symbols_can_be_added_and_removed_between_ticks() {
    let ticks = 80;
    let (closes, has) = history(ticks);
    let plan = single_frame_plan();
    // Symbol 2 joins at tick 30; symbol 0 leaves at tick 50: each behaves as on its own.
    let mut runner = PlanRunner::from_ir(&plan, 2).unwrap();
    let mut alone: Vec<PlanRunner> = (0..3)
        .map(|_| PlanRunner::from_ir(&plan, 1).unwrap())
        .collect();
    let mut live: Vec<usize> = vec![0, 1];
    for t in 0..ticks {
        if t == 30 {
            runner.add(1);
            live.push(2);
        }
        if t == 50 {
            runner.remove(0).unwrap();
            live.remove(0);
        }
        let close: Vec<f64> = live.iter().map(|&s| closes[s][t]).collect();
        let has_bar: Vec<bool> = live.iter().map(|&s| has[s][t]).collect();
        runner
            .update(&Tick {
                times: Times::None,
                columns: &[&close],
                has_bar: Some(&has_bar),
            })
            .unwrap();
        for (i, &s) in live.iter().enumerate() {
            let single = &mut alone[s];
            single
                .update(&Tick {
                    times: Times::None,
                    columns: &[&[closes[s][t]]],
                    has_bar: Some(&[has[s][t]]),
                })
                .unwrap();
            for k in 0..3 {
                assert!(
                    same(value(&runner, k, i), value(single, k, 0)),
                    "{t} {s} {k}"
                );
            }
        }
    }
    assert!(runner.remove(5).is_err());
}

#[test]
fn signal_entries_take_levels_and_keep_booleans() {
    // crosses_above(close, 100): a constant input is that value on every bar; (close > 100)[1]
    // lags a boolean series and stays boolean.
    let plan = doc(
        vec![
            node(0, "source", "float", &[], json!({"name": "close"})),
            node(1, "const", "int", &[], json!({"value": 100})),
            node(
                2,
                "call",
                "bool",
                &[0, 1],
                json!({"name": "crosses_above", "params": {}}),
            ),
            node(3, "binary", "bool", &[0, 1], json!({"operator": ">"})),
            node(
                4,
                "call",
                "bool",
                &[3],
                json!({"name": "lag", "params": {"period": 1}}),
            ),
            node(5, "binary", "bool", &[2, 4], json!({"operator": "or"})),
        ],
        json!({"x": 2, "l": 4, "o": 5}),
        json!({}),
    );
    let mut runner = PlanRunner::from_ir(&plan, 1).unwrap();
    let kinds: Vec<(&str, Kind)> = runner.outputs().collect();
    assert!(kinds.iter().all(|(_, k)| *k == Kind::Bool), "{kinds:?}");
    let close = walk(300, 4);
    let level = vec![100.0; close.len()];
    let above: Vec<f64> = close
        .iter()
        .map(|&c| f64::from(u8::from(c > 100.0)))
        .collect();
    let crosses = batch("crosses_above", &[], &[&close, &level]);
    let lagged = batch("lag", &[1.0], &[&above]);
    let mut fired = 0;
    for t in 0..close.len() {
        runner
            .update(&Tick {
                times: Times::None,
                columns: &[&close[t..=t]],
                has_bar: None,
            })
            .unwrap();
        assert_eq!(named(&runner, "x", 0), crosses[t]);
        assert_eq!(
            named(&runner, "l", 0),
            lagged[t].map(|v| f64::from(u8::from(v != 0.0)))
        );
        fired += usize::from(crosses[t] == Some(1.0));
    }
    assert!(fired > 0);
}
