//! Developer tool: times the live plan runner per tick.
//!
//! `plan_bench [SYMBOLS] [IR_FILE]` steps a plan over SYMBOLS symbols (default 1,000) for
//! 2,000 ticks of random-walk bars and prints the time per tick after a 300-tick warm-up
//! (median and mean). IR_FILE is a plan document (`json.dumps(plan.ir)` in Python); without
//! one, a 20-signal plan that shares its indicators (RSIs, EMAs, SMAs, MACD, ATR, Bollinger
//! bands, rolling extremes) is used.

use std::time::Instant;

use serde_json::{json, Value};
use ta_engine::execution::runner::{Tick, Times};
use ta_engine::PlanRunner;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let symbols: usize = args
        .first()
        .map_or(1_000, |s| s.parse().expect("SYMBOLS: a number"));
    let ir = match args.get(1) {
        Some(path) => std::fs::read_to_string(path).expect("cannot read IR_FILE"),
        None => twenty_signals(),
    };
    let mut runner = PlanRunner::from_ir(&ir, symbols).expect("a valid plan");
    let columns = runner.columns().to_vec();
    let (ticks, warm) = (2_000, 300);
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut price = vec![100.0_f64; symbols];
    let mut row: Vec<Vec<f64>> = vec![vec![0.0; symbols]; columns.len()];
    let mut times = Vec::with_capacity(ticks);
    for t in 0..ticks {
        for p in &mut price {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            *p *= 1.0 + ((state >> 11) as f64 / (1u64 << 53) as f64 - 0.5) * 0.01;
        }
        for (values, name) in row.iter_mut().zip(&columns) {
            for (v, &p) in values.iter_mut().zip(&price) {
                *v = match name.as_str() {
                    "high" => p * 1.002,
                    "low" => p * 0.998,
                    "open" => p * 0.999,
                    "volume" => 1_000.0 + (t % 17) as f64,
                    _ => p,
                };
            }
        }
        let slices: Vec<&[f64]> = row.iter().map(Vec::as_slice).collect();
        let started = Instant::now();
        runner
            .update(&Tick {
                times: Times::All(t as i64 * 60_000_000_000),
                columns: &slices,
                has_bar: None,
            })
            .expect("a valid tick");
        if t >= warm {
            times.push(started.elapsed());
        }
    }
    let mean = times.iter().sum::<std::time::Duration>() / times.len() as u32;
    times.sort();
    println!(
        "plan runner: {symbols} symbols, {} outputs: median {:?}, mean {mean:?} per tick",
        runner.outputs().count(),
        times[times.len() / 2]
    );
}

/// Twenty signals over shared RSIs, EMAs, SMAs, MACD, ATR and Bollinger bands (the kind of
/// plan `ta.compile` writes: every parameter given, children before parents).
fn twenty_signals() -> String {
    let mut nodes: Vec<Value> = Vec::new();
    let mut add = |op: &str, kind: &str, args: &[usize], extra: Value| {
        let mut node = json!({"id": nodes.len(), "op": op, "type": kind, "args": args,
                              "timeframe": null, "lookback": 0});
        if let (Some(map), Value::Object(more)) = (node.as_object_mut(), extra) {
            map.extend(more);
        }
        nodes.push(node);
        nodes.len() - 1
    };
    let source = |add: &mut dyn FnMut(&str, &str, &[usize], Value) -> usize, name: &str| {
        add("source", "float", &[], json!({"name": name}))
    };
    let call = |add: &mut dyn FnMut(&str, &str, &[usize], Value) -> usize,
                name: &str,
                kind: &str,
                args: &[usize],
                params: Value| {
        add("call", kind, args, json!({"name": name, "params": params}))
    };
    let close = source(&mut add, "close");
    let high = source(&mut add, "high");
    let low = source(&mut add, "low");
    let volume = source(&mut add, "volume");
    let rsi14 = call(&mut add, "rsi", "float", &[close], json!({"period": 14}));
    let rsi7 = call(&mut add, "rsi", "float", &[close], json!({"period": 7}));
    let ema12 = call(&mut add, "ema", "float", &[close], json!({"period": 12}));
    let ema26 = call(&mut add, "ema", "float", &[close], json!({"period": 26}));
    let ema50 = call(&mut add, "ema", "float", &[close], json!({"period": 50}));
    let sma200 = call(&mut add, "sma", "float", &[close], json!({"period": 200}));
    let sma20v = call(&mut add, "sma", "float", &[volume], json!({"period": 20}));
    let atr = call(
        &mut add,
        "atr",
        "float",
        &[high, low, close],
        json!({"period": 14}),
    );
    let hh = call(&mut add, "max", "float", &[high], json!({"period": 20}));
    let ll = call(&mut add, "min", "float", &[low], json!({"period": 20}));
    let macd = call(&mut add, "macd", "struct", &[close], json!({}));
    let bb = call(
        &mut add,
        "bbands",
        "struct",
        &[close],
        json!({"period": 20}),
    );
    let field =
        |add: &mut dyn FnMut(&str, &str, &[usize], Value) -> usize, of: usize, name: &str| {
            add("field", "float", &[of], json!({"name": name}))
        };
    let hist = field(&mut add, macd, "hist");
    let line = field(&mut add, macd, "macd");
    let signal = field(&mut add, macd, "signal");
    let upper = field(&mut add, bb, "upper");
    let lower = field(&mut add, bb, "lower");
    let constant = |add: &mut dyn FnMut(&str, &str, &[usize], Value) -> usize, v: Value| {
        add(
            "const",
            if v.is_i64() { "int" } else { "float" },
            &[],
            json!({"value": v}),
        )
    };
    let (c30, c50, c70, c0, c2) = (
        constant(&mut add, json!(30)),
        constant(&mut add, json!(50)),
        constant(&mut add, json!(70)),
        constant(&mut add, json!(0)),
        constant(&mut add, json!(2.0)),
    );
    let bin = |add: &mut dyn FnMut(&str, &str, &[usize], Value) -> usize,
               op: &str,
               a: usize,
               b: usize| {
        let kind = if ["+", "-", "*", "/"].contains(&op) {
            "float"
        } else {
            "bool"
        };
        add("binary", kind, &[a, b], json!({"operator": op}))
    };
    let crosses =
        |add: &mut dyn FnMut(&str, &str, &[usize], Value) -> usize, a: usize, b: usize| {
            add(
                "call",
                "bool",
                &[a, b],
                json!({"name": "crosses_above", "params": {}}),
            )
        };
    let mut outputs = Vec::new();
    outputs.push(bin(&mut add, "<", rsi14, c30));
    outputs.push(bin(&mut add, ">", rsi14, c70));
    outputs.push(crosses(&mut add, rsi7, c50));
    outputs.push(crosses(&mut add, ema12, ema26));
    outputs.push(bin(&mut add, ">", close, ema50));
    outputs.push(bin(&mut add, ">", close, sma200));
    outputs.push(bin(&mut add, ">", hist, c0));
    outputs.push(crosses(&mut add, line, signal));
    outputs.push(bin(&mut add, "<", close, lower));
    outputs.push(bin(&mut add, ">", close, upper));
    outputs.push(bin(&mut add, ">", volume, sma20v));
    outputs.push(bin(&mut add, ">=", high, hh));
    outputs.push(bin(&mut add, "<=", low, ll));
    let spread = bin(&mut add, "-", close, ema50);
    let scaled = bin(&mut add, "/", spread, atr);
    outputs.push(bin(&mut add, ">", scaled, c2));
    let trend = bin(&mut add, "and", outputs[4], outputs[5]);
    outputs.push(trend);
    outputs.push(bin(&mut add, "and", trend, outputs[0]));
    outputs.push(bin(&mut add, "or", outputs[1], outputs[9]));
    let width = bin(&mut add, "-", upper, lower);
    outputs.push(bin(&mut add, "<", width, atr));
    outputs.push(scaled);
    outputs.push(spread);
    let outputs: serde_json::Map<String, Value> = outputs
        .iter()
        .enumerate()
        .map(|(k, &id)| (format!("s{k}"), json!(id)))
        .collect();
    json!({"version": 1, "nodes": nodes, "outputs": outputs, "options": {}, "grid": []}).to_string()
}
