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
pub fn fold<I: Indicator>(mut indicator: I, inputs: &[&[f64]], rows_present: Option<&[bool]>) -> Batch {
    debug_assert_eq!(inputs.len(), I::INPUTS);
    let len = inputs.first().map_or(0, |s| s.len());
    debug_assert!(inputs.iter().all(|s| s.len() == len));
    let mut outputs: Vec<Vec<f64>> = (0..I::OUTPUTS).map(|_| Vec::with_capacity(len)).collect();
    let mut bar = [0.0_f64; MAX_INPUTS];
    let mut out = [f64::NAN; MAX_OUTPUTS];
    let push = |outputs: &mut Vec<Vec<f64>>, values: &[f64]| {
        for (series, &v) in outputs.iter_mut().zip(values) {
            series.push(v);
        }
    };
    let missing = [f64::NAN; MAX_OUTPUTS];

    match rows_present {
        None => {
            let mut warm_up = 0;
            for row in 0..len {
                for (slot, series) in bar.iter_mut().zip(inputs) {
                    *slot = series[row];
                }
                if indicator.step(&bar[..I::INPUTS], &mut out[..I::OUTPUTS]) {
                    push(&mut outputs, &out[..I::OUTPUTS]);
                } else {
                    warm_up += 1;
                    push(&mut outputs, &missing[..I::OUTPUTS]);
                }
            }
            Batch { outputs, validity: Validity::Prefix(warm_up) }
        }
        Some(present) => {
            let mut mask = Vec::with_capacity(len);
            for (row, &is_present) in present.iter().enumerate().take(len) {
                let ready = is_present && {
                    for (slot, series) in bar.iter_mut().zip(inputs) {
                        *slot = series[row];
                    }
                    indicator.step(&bar[..I::INPUTS], &mut out[..I::OUTPUTS])
                };
                mask.push(ready);
                push(&mut outputs, if ready { &out[..I::OUTPUTS] } else { &missing[..I::OUTPUTS] });
            }
            Batch { outputs, validity: Validity::Mask(mask) }
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
