//! True range.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW_CLOSE, OWN_LINE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::{true_range, PrevBar};
use crate::TaError;

/// True range: the greatest of high - low, |high - previous close| and |low - previous close|.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct TrueRange(PrevBar);

impl Indicator for TrueRange {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    fn from_params(_: &Params) -> Result<Self, TaError> {
        Ok(TrueRange(PrevBar::new()))
    }
    fn lookback(&self) -> usize {
        1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (high, low, close) = (bar[0], bar[1], bar[2]);
        let Some((_, _, prev_close)) = self.0.swap(high, low, close) else {
            return false;
        };
        out[0] = true_range(high, low, prev_close);
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "trange",
    "TRANGE",
    Group::Volatility,
    "True range: the bar's range extended to the previous close",
    HIGH_LOW_CLOSE,
    &[],
    OWN_LINE,
    kernel::<TrueRange>(),
);
