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

/// Builds a plan document node by node (children first, as `ta.compile` writes them).
#[derive(Default)]
struct Builder {
    nodes: Vec<Value>,
}

impl Builder {
    fn add(&mut self, op: &str, kind: &str, args: &[usize], extra: Value) -> usize {
        let mut node = json!({"id": self.nodes.len(), "op": op, "type": kind, "args": args,
                              "timeframe": null, "lookback": 0});
        if let (Some(map), Value::Object(more)) = (node.as_object_mut(), extra) {
            map.extend(more);
        }
        self.nodes.push(node);
        self.nodes.len() - 1
    }

    fn source(&mut self, name: &str) -> usize {
        self.add("source", "float", &[], json!({"name": name}))
    }

    fn call(&mut self, name: &str, kind: &str, args: &[usize], params: Value) -> usize {
        self.add("call", kind, args, json!({"name": name, "params": params}))
    }

    fn field(&mut self, of: usize, name: &str) -> usize {
        self.add("field", "float", &[of], json!({"name": name}))
    }

    fn constant(&mut self, value: Value) -> usize {
        let kind = if value.is_i64() { "int" } else { "float" };
        self.add("const", kind, &[], json!({ "value": value }))
    }

    fn bin(&mut self, op: &str, a: usize, b: usize) -> usize {
        let kind = if ["+", "-", "*", "/"].contains(&op) {
            "float"
        } else {
            "bool"
        };
        self.add("binary", kind, &[a, b], json!({ "operator": op }))
    }

    fn crosses(&mut self, a: usize, b: usize) -> usize {
        self.call("crosses_above", "bool", &[a, b], json!({}))
    }
}

/// Twenty signals over shared RSIs, EMAs, SMAs, MACD, ATR and Bollinger bands (the kind of
/// plan `ta.compile` writes: every indicator once, however many signals read it).
fn twenty_signals() -> String {
    let mut p = Builder::default();
    let close = p.source("close");
    let high = p.source("high");
    let low = p.source("low");
    let volume = p.source("volume");
    let rsi14 = p.call("rsi", "float", &[close], json!({"period": 14}));
    let rsi7 = p.call("rsi", "float", &[close], json!({"period": 7}));
    let ema12 = p.call("ema", "float", &[close], json!({"period": 12}));
    let ema26 = p.call("ema", "float", &[close], json!({"period": 26}));
    let ema50 = p.call("ema", "float", &[close], json!({"period": 50}));
    let sma200 = p.call("sma", "float", &[close], json!({"period": 200}));
    let sma20v = p.call("sma", "float", &[volume], json!({"period": 20}));
    let atr = p.call("atr", "float", &[high, low, close], json!({"period": 14}));
    let hh = p.call("max", "float", &[high], json!({"period": 20}));
    let ll = p.call("min", "float", &[low], json!({"period": 20}));
    let macd = p.call("macd", "struct", &[close], json!({}));
    let bb = p.call("bbands", "struct", &[close], json!({"period": 20}));
    let (hist, line, signal) = (
        p.field(macd, "hist"),
        p.field(macd, "macd"),
        p.field(macd, "signal"),
    );
    let (upper, lower) = (p.field(bb, "upper"), p.field(bb, "lower"));
    let c30 = p.constant(json!(30));
    let c50 = p.constant(json!(50));
    let c70 = p.constant(json!(70));
    let c0 = p.constant(json!(0));
    let c2 = p.constant(json!(2.0));
    let oversold = p.bin("<", rsi14, c30);
    let overbought = p.bin(">", rsi14, c70);
    let above_ema = p.bin(">", close, ema50);
    let above_sma = p.bin(">", close, sma200);
    let breakout = p.bin(">", close, upper);
    let mut outputs = vec![
        oversold,
        overbought,
        p.crosses(rsi7, c50),
        p.crosses(ema12, ema26),
        above_ema,
        above_sma,
        p.bin(">", hist, c0),
        p.crosses(line, signal),
        p.bin("<", close, lower),
        breakout,
        p.bin(">", volume, sma20v),
        p.bin(">=", high, hh),
        p.bin("<=", low, ll),
    ];
    let spread = p.bin("-", close, ema50);
    let scaled = p.bin("/", spread, atr);
    outputs.push(p.bin(">", scaled, c2));
    let trend = p.bin("and", above_ema, above_sma);
    outputs.push(trend);
    outputs.push(p.bin("and", trend, oversold));
    outputs.push(p.bin("or", overbought, breakout));
    let width = p.bin("-", upper, lower);
    outputs.push(p.bin("<", width, atr));
    outputs.push(scaled);
    outputs.push(spread);
    let outputs: serde_json::Map<String, Value> = outputs
        .iter()
        .enumerate()
        .map(|(k, &id)| (format!("s{k}"), json!(id)))
        .collect();
    json!({"version": 1, "nodes": p.nodes, "outputs": outputs, "options": {}, "grid": []})
        .to_string()
}
