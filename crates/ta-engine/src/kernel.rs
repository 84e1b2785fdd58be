//! The indicator contract and the two ways of driving it: the batch fold and streaming.

use crate::params::Params;
use crate::TaError;

/// Most input series any indicator takes (open, high, low, close, volume).
pub const MAX_INPUTS: usize = 5;
/// Most outputs any indicator produces.
pub const MAX_OUTPUTS: usize = 4;

/// An indicator written once, as a state machine over bars.
///
/// `step` consumes one complete bar (every input present; the drivers skip incomplete bars)
/// and either fills `out` and returns `true`, or returns `false` while it is still warming up.
/// Once an indicator has returned `true` it returns `true` for every later bar, and it first
/// does so on its `lookback()`-th complete bar (counting from zero).
pub trait Indicator: Clone + Send + Sync + 'static {
    /// Number of input series, in catalog order.
    const INPUTS: usize;
    /// Number of outputs, in catalog order.
    const OUTPUTS: usize;

    /// Builds the state machine from parameters already checked against the catalog ranges.
    fn from_params(params: &Params) -> Result<Self, TaError>;

    /// Complete bars consumed before the first output.
    fn lookback(&self) -> usize;

    /// Consumes one bar; see the trait documentation.
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool;
}

/// Which output rows hold a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Validity {
    /// The first `n` rows are missing, every later row is present.
    Prefix(usize),
    /// Row `i` is present when `mask[i]` is true.
    Mask(Vec<bool>),
}

impl Validity {
    pub fn is_valid(&self, row: usize) -> bool {
        match self {
            Validity::Prefix(n) => row >= *n,
            Validity::Mask(mask) => mask[row],
        }
    }
}

/// Result of a batch run: one value vector per output (missing rows hold NaN) and the rows
/// that are present.
#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    pub outputs: Vec<Vec<f64>>,
    pub validity: Validity,
}

/// Folds `indicator` over `inputs` (equal-length series, catalog order).
///
/// `rows_present`, when given, marks the rows whose inputs are all present; other rows are
/// skipped by the state machine and come out missing. Without it every row is present, which
/// takes a faster path.
pub fn fold<I: Indicator>(indicator: I, inputs: &[&[f64]], rows_present: Option<&[bool]>) -> Batch {
    debug_assert_eq!(inputs.len(), I::INPUTS);
    let len = inputs.first().map_or(0, |s| s.len());
    debug_assert!(inputs.iter().all(|s| s.len() == len));
    // Walk the inputs as fixed-size bars; a match on the (constant) input count lets each
    // indicator's loop compile without per-row bounds checks.
    let at = |k: usize| inputs.get(k).copied().unwrap_or(&[]);
    match I::INPUTS {
        1 => fold_bars(
            indicator,
            at(0).iter().map(|&a| [a, 0.0, 0.0, 0.0, 0.0]),
            len,
            rows_present,
        ),
        2 => fold_bars(
            indicator,
            at(0)
                .iter()
                .zip(at(1))
                .map(|(&a, &b)| [a, b, 0.0, 0.0, 0.0]),
            len,
            rows_present,
        ),
        3 => fold_bars(
            indicator,
            at(0)
                .iter()
                .zip(at(1))
                .zip(at(2))
                .map(|((&a, &b), &c)| [a, b, c, 0.0, 0.0]),
            len,
            rows_present,
        ),
        4 => fold_bars(
            indicator,
            at(0)
                .iter()
                .zip(at(1))
                .zip(at(2))
                .zip(at(3))
                .map(|(((&a, &b), &c), &d)| [a, b, c, d, 0.0]),
            len,
            rows_present,
        ),
        _ => fold_bars(
            indicator,
            at(0)
                .iter()
                .zip(at(1))
                .zip(at(2))
                .zip(at(3))
                .zip(at(4))
                .map(|((((&a, &b), &c), &d), &e)| [a, b, c, d, e]),
            len,
            rows_present,
        ),
    }
}

fn fold_bars<I: Indicator>(
    mut indicator: I,
    bars: impl Iterator<Item = [f64; MAX_INPUTS]>,
    len: usize,
    rows_present: Option<&[bool]>,
) -> Batch {
    let mut out = [f64::NAN; MAX_OUTPUTS];
    match rows_present {
        None if I::OUTPUTS == 1 => {
            // The common case: one output collected straight into its buffer.
            let mut warm_up = 0;
            let values = bars
                .map(|bar| {
                    if indicator.step(&bar[..I::INPUTS], &mut out[..1]) {
                        out[0]
                    } else {
                        warm_up += 1;
                        f64::NAN
                    }
                })
                .collect();
            Batch {
                outputs: vec![values],
                validity: Validity::Prefix(warm_up),
            }
        }
        None => {
            // Several outputs: indexed writes into zeroed buffers (pushing to several vectors
            // per row defeats the optimiser).
            let mut outputs: Vec<Vec<f64>> = (0..I::OUTPUTS).map(|_| vec![0.0; len]).collect();
            let mut warm_up = 0;
            for (row, bar) in bars.enumerate() {
                if !indicator.step(&bar[..I::INPUTS], &mut out[..I::OUTPUTS]) {
                    warm_up += 1;
                    out = [f64::NAN; MAX_OUTPUTS];
                }
                for (series, &v) in outputs.iter_mut().zip(&out) {
                    series[row] = v;
                }
            }
            Batch {
                outputs,
                validity: Validity::Prefix(warm_up),
            }
        }
        Some(present) => {
            let mut outputs: Vec<Vec<f64>> = (0..I::OUTPUTS).map(|_| vec![0.0; len]).collect();
            let mut mask = vec![false; len];
            for ((row, bar), &is_present) in bars.enumerate().zip(present) {
                let ready = is_present && indicator.step(&bar[..I::INPUTS], &mut out[..I::OUTPUTS]);
                mask[row] = ready;
                for (series, &v) in outputs.iter_mut().zip(&out) {
                    series[row] = if ready { v } else { f64::NAN };
                }
            }
            Batch {
                outputs,
                validity: Validity::Mask(mask),
            }
        }
    }
}

/// An indicator driven bar by bar, behind dynamic dispatch (runtime-chosen by name).
pub trait Stream: Send + Sync + std::fmt::Debug {
    fn inputs(&self) -> usize;
    fn outputs(&self) -> usize;
    fn lookback(&self) -> usize;
    /// Consumes one complete bar; `true` when `out` was filled.
    fn update(&mut self, bar: &[f64], out: &mut [f64]) -> bool;
    /// An independent copy of the current state (a checkpoint).
    fn clone_box(&self) -> Box<dyn Stream>;
}

impl<I: Indicator + std::fmt::Debug> Stream for I {
    fn inputs(&self) -> usize {
        I::INPUTS
    }
    fn outputs(&self) -> usize {
        I::OUTPUTS
    }
    fn lookback(&self) -> usize {
        Indicator::lookback(self)
    }
    fn update(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        self.step(bar, out)
    }
    fn clone_box(&self) -> Box<dyn Stream> {
        Box::new(self.clone())
    }
}
