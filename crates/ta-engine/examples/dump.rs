//! Developer tool: run one indicator over OHLCV rows read from stdin and print its outputs,
//! or print the catalog. Used by `tools/talib_check.py` to compare kernels against TA-Lib
//! without building the Python extension.
//!
//! `dump --catalog` · `dump NAME [PARAM ...] < rows.csv` (header `open,high,low,close,volume`;
//! an optional sixth column `periods` feeds a per-bar period input; an empty field is a
//! missing value; `real` reads close, `real0` high and `real1` low).

use std::io::{self, BufRead, Write};

use ta_engine::catalog::{catalog, find, Input};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = io::stdout();
    let mut out = out.lock();
    if args.first().map(String::as_str) == Some("--catalog") {
        for spec in catalog() {
            let inputs: Vec<_> = spec.inputs.iter().map(|i| i.as_str()).collect();
            let params: Vec<_> = spec
                .params
                .iter()
                .map(|p| {
                    format!(
                        "{}:{}:{}:{}:{}:{}",
                        p.name,
                        p.talib_name,
                        p.kind.as_str(),
                        p.default,
                        p.min,
                        p.max
                    )
                })
                .collect();
            let outputs: Vec<_> = spec
                .outputs
                .iter()
                .map(|o| {
                    let talib = o.talib_name.unwrap_or_default();
                    format!("{}:{}:{}", o.name, talib, o.dtype.as_str())
                })
                .collect();
            writeln!(
                out,
                "{}|{}|{}|{}|{}",
                spec.name,
                spec.talib_name.unwrap_or_default(),
                inputs.join(","),
                params.join(";"),
                outputs.join(",")
            )
            .unwrap();
        }
        return;
    }
    let spec = find(&args[0]).unwrap_or_else(|e| panic!("{e}"));
    let values: Vec<f64> = args[1..]
        .iter()
        .map(|a| a.parse().expect("numeric parameter"))
        .collect();
    let values = if values.is_empty() {
        spec.default_values()
    } else {
        values
    };

    let mut columns: [Vec<f64>; 6] = Default::default();
    let mut present = Vec::new();
    for line in io::stdin().lock().lines().skip(1) {
        let line = line.unwrap();
        let mut all = true;
        for (col, field) in columns.iter_mut().zip(line.split(',')) {
            match field.trim().parse::<f64>() {
                Ok(v) => col.push(v),
                Err(_) => {
                    col.push(f64::NAN);
                    all = false;
                }
            }
        }
        present.push(all);
    }
    let column = |input: &Input| -> &[f64] {
        match input {
            Input::Open => &columns[0],
            Input::High | Input::Real0 => &columns[1],
            Input::Low | Input::Real1 => &columns[2],
            Input::Close | Input::Real => &columns[3],
            Input::Volume => &columns[4],
            Input::Periods if columns[5].len() == columns[0].len() => &columns[5],
            _ => panic!("no CSV column for '{}'", input.as_str()),
        }
    };
    let inputs: Vec<&[f64]> = spec.inputs.iter().map(column).collect();
    let any_missing = present.iter().any(|p| !p);
    let batch = spec
        .run(&values, &inputs, any_missing.then_some(present.as_slice()))
        .unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<_> = spec.outputs.iter().map(|o| o.name).collect();
    writeln!(out, "{}", names.join(",")).unwrap();
    for row in 0..present.len() {
        let fields: Vec<String> = batch
            .outputs
            .iter()
            .map(|o| {
                if batch.validity.is_valid(row) {
                    format!("{:e}", o[row])
                } else {
                    String::new()
                }
            })
            .collect();
        writeln!(out, "{}", fields.join(",")).unwrap();
    }
}
