//! Developer tool: times each catalog indicator's batch kernel over plain slices (no Polars),
//! for `benches/bench.py`'s kernel table.
//!
//! `kernel_bench FILE REPEAT [NAME ...]`: FILE holds the open, high, low, close, volume,
//! per-bar period and unit (a series inside (0, 1), for math transforms) columns one after
//! another as little-endian f64 (equal lengths). Prints `name median_ms`
//! per indicator (every catalog entry when no name is given), default parameters.

use std::time::Instant;

use ta_engine::catalog::{catalog, Group, Input};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), Some(repeat)) = (args.first(), args.get(1)) else {
        eprintln!("usage: kernel_bench FILE REPEAT [NAME ...]");
        std::process::exit(2);
    };
    let repeat: usize = repeat.parse().expect("REPEAT must be a number");
    let only = &args[2..];
    let bytes = std::fs::read(path).expect("cannot read FILE");
    let values: Vec<f64> = bytes
        .chunks_exact(8)
        .map(|b| f64::from_le_bytes(b.try_into().expect("8 bytes")))
        .collect();
    let rows = values.len() / 7;
    let column = |k: usize| &values[k * rows..(k + 1) * rows];
    for spec in catalog() {
        if !only.is_empty() && !only.iter().any(|n| n == spec.name) {
            continue;
        }
        let inputs: Vec<&[f64]> = spec
            .inputs
            .iter()
            .map(|input| match input {
                Input::Real if spec.group == Group::MathTransform => column(6),
                Input::Open | Input::Real1 => column(0),
                Input::High => column(1),
                Input::Low => column(2),
                Input::Volume => column(4),
                Input::Periods => column(5),
                _ => column(3),
            })
            .collect();
        let params = spec.default_values();
        let mut times = Vec::with_capacity(repeat);
        for round in 0..=repeat {
            let start = Instant::now();
            let batch = spec.run(&params, &inputs, None).expect("valid defaults");
            let elapsed = start.elapsed().as_secs_f64() * 1e3;
            std::hint::black_box(batch);
            if round > 0 {
                times.push(elapsed);
            }
        }
        times.sort_by(f64::total_cmp);
        println!("{} {:.4}", spec.name, times[times.len() / 2]);
    }
}
