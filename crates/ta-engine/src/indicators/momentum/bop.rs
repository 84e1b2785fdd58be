//! Balance of power.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OPEN_HIGH_LOW_CLOSE, OWN_LINE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// Balance of power: `(close - open) / (high - low)`; zero on an empty or inverted range.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Bop;

impl Indicator for Bop {
    const INPUTS: usize = 4;
    const OUTPUTS: usize = 1;
    const STATELESS: bool = true;
    fn from_params(_: &Params) -> Result<Self, TaError> {
        Ok(Bop)
    }
    fn lookback(&self) -> usize {
        0
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (open, high, low, close) = (bar[0], bar[1], bar[2], bar[3]);
        let range = high - low;
        out[0] = if range <= 0.0 {
            0.0
        } else {
            (close - open) / range
        };
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "bop",
    "BOP",
    Group::Momentum,
    "Balance of power: (close - open) / (high - low)",
    OPEN_HIGH_LOW_CLOSE,
    &[],
    OWN_LINE,
    kernel::<Bop>(),
);
