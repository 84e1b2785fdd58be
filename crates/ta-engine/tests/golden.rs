//! Kernel parity with TA-Lib in Rust, no Python: every catalog entry against the golden corpus
//! (`tests/golden`, TA-Lib's own outputs written by `tools/golden.py`). Null mask equals
//! TA-Lib's NaN mask (integer outputs: TA-Lib's 0-filled warm-up counts as missing); values are
//! TA-Lib 0.8.1's exact bits, or within 1e-12 of max|TA-Lib| for the functions 0.8.3 added.
//! Our own entries (origin `laakhay`, no TA-Lib name) have no TA-Lib outputs to compare; their
//! unit tests and the Python reference oracle check them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde_json::Value;
use ta_engine::catalog::{catalog, IndicatorSpec, Origin};

const TOLERANCE_083: f64 = 1e-12;

struct Corpus {
    index: Value,
    values: Vec<f64>,
}

impl Corpus {
    fn load() -> Corpus {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden");
        let index =
            std::fs::read_to_string(dir.join("talib.json")).expect("tests/golden/talib.json");
        let bytes = std::fs::read(dir.join("talib.bin")).expect("tests/golden/talib.bin");
        let values = bytes
            .chunks_exact(8)
            .map(|b| f64::from_le_bytes(b.try_into().expect("8 bytes")))
            .collect();
        Corpus {
            index: serde_json::from_str(&index).expect("valid JSON"),
            values,
        }
    }

    fn slice(&self, offset: &Value, len: usize) -> &[f64] {
        let start = offset.as_u64().expect("offset") as usize;
        &self.values[start..start + len]
    }

    fn cases(&self) -> &[Value] {
        self.index["cases"].as_array().expect("cases")
    }
}

/// TA-Lib's candle setting name for our parameter prefix (`body_long` -> `BodyLong`).
fn talib_setting(prefix: &str) -> String {
    prefix
        .split('_')
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or(String::new(), |c| {
                c.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

/// Our parameter values for a case: TA-Lib's named parameters and candle settings mapped onto
/// the catalog's list (defaults for what the case leaves out).
fn values_for(spec: &IndicatorSpec, case: &Value) -> Vec<f64> {
    let given = &case["params"];
    let settings = &case["candle_settings"];
    spec.params
        .iter()
        .map(|p| {
            if let Some(v) = given.get(p.talib_name).and_then(Value::as_f64) {
                return v;
            }
            for (suffix, field) in [("_range", 0), ("_period", 1), ("_factor", 2)] {
                if let Some(prefix) = p.name.strip_suffix(suffix) {
                    if let Some(v) = settings
                        .get(talib_setting(prefix))
                        .and_then(|s| s[field].as_f64())
                    {
                        return v;
                    }
                }
            }
            p.default
        })
        .collect()
}

/// Compares one case; a description of the first difference, if any.
fn check(corpus: &Corpus, spec: &IndicatorSpec, case: &Value) -> Option<String> {
    let series = &corpus.index["series"][case["series"].as_str()?];
    let len = series["len"].as_u64()? as usize;
    let columns: Vec<&str> = case["inputs"]
        .as_array()?
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let inputs: Vec<&[f64]> = columns
        .iter()
        .map(|c| corpus.slice(&series[*c], len))
        .collect();
    let values = values_for(spec, case);
    let label = format!(
        "{} on {} with {:?} {}",
        spec.name, case["series"], values, case["candle_settings"]
    );
    if inputs.len() != spec.inputs.len() {
        return Some(format!("{label}: TA-Lib takes {} inputs", inputs.len()));
    }
    let batch = match spec.run(&values, &inputs, None) {
        Ok(batch) => batch,
        Err(e) => return Some(format!("{label}: refused: {e}")),
    };
    let lookback = spec.lookback(&values).ok()?;
    let exact = case["oracle"] == "0.8.1";
    let outputs = case["outputs"].as_array()?;
    if outputs.len() != batch.outputs.len() {
        return Some(format!("{label}: TA-Lib has {} outputs", outputs.len()));
    }
    for (k, (theirs, ours)) in outputs.iter().zip(&batch.outputs).enumerate() {
        let reference = corpus.slice(&theirs["offset"], len);
        let integer = theirs["integer"].as_bool() == Some(true);
        let scale = reference
            .iter()
            .filter(|v| v.is_finite())
            .fold(0.0_f64, |m, v| m.max(v.abs()));
        for (row, (&mine, &want)) in ours.iter().zip(reference).enumerate() {
            let missing = want.is_nan() || (integer && row < lookback && want == 0.0);
            let valid = batch.validity.is_valid(row);
            if valid == missing {
                return Some(format!(
                    "{label}: output {k} row {row}: ours {}, TA-Lib {want}",
                    if valid { "present" } else { "missing" }
                ));
            }
            let same = mine.to_bits() == want.to_bits()
                || (!exact && (mine - want).abs() <= TOLERANCE_083 * scale.max(f64::MIN_POSITIVE));
            if valid && !same {
                return Some(format!(
                    "{label}: output {k} row {row}: ours {mine:e}, TA-Lib {want:e}"
                ));
            }
        }
    }
    None
}

#[test]
fn every_catalog_entry_equals_talib_on_the_golden_corpus() {
    let corpus = Corpus::load();
    let by_talib_name: BTreeMap<&str, &IndicatorSpec> = catalog()
        .iter()
        .filter_map(|s| Some((s.talib_name?, *s)))
        .collect();
    let mut failures = Vec::new();
    let mut checked = BTreeSet::new();
    let mut absent = BTreeSet::new();
    for case in corpus.cases() {
        let function = case["function"].as_str().expect("function");
        let Some(spec) = by_talib_name.get(function) else {
            absent.insert(function);
            continue;
        };
        checked.insert(function);
        if let Some(failure) = check(&corpus, spec, case) {
            failures.push(failure);
        }
    }
    eprintln!(
        "golden corpus: {} functions checked, {} not in the catalog yet",
        checked.len(),
        absent.len()
    );
    let (ours, talib): (Vec<&IndicatorSpec>, Vec<&IndicatorSpec>) =
        catalog().iter().partition(|s| s.origin == Origin::Laakhay);
    // Only our own entries go without TA-Lib cases, and they are not TA-Lib's.
    for spec in &ours {
        assert!(spec.talib_name.is_none(), "{} has a TA-Lib name", spec.name);
    }
    assert_eq!(ours.len() + talib.len(), catalog().len());
    let untested: Vec<_> = talib
        .iter()
        .filter(|s| !s.talib_name.is_some_and(|t| checked.contains(t)))
        .map(|s| s.name)
        .collect();
    assert!(untested.is_empty(), "no golden cases for {untested:?}");
    assert!(
        failures.is_empty(),
        "{} cases differ from TA-Lib:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
