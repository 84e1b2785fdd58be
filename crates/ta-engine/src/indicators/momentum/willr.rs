//! Williams' %R.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW_CLOSE, OWN_LINE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::{significant_range, RunningExtreme};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct WillrParams {
        period: usize = period(14, 2),
    }
}

/// Williams' %R: where the close sits below the highest high of the window, in -percent.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Willr {
    highs: RunningExtreme<true>,
    lows: RunningExtreme<false>,
}

impl Indicator for Willr {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: WillrParams = params.get();
        Ok(Willr {
            highs: RunningExtreme::new(p.period),
            lows: RunningExtreme::new(p.period),
        })
    }
    fn lookback(&self) -> usize {
        self.highs.period() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        self.highs.push(bar[0]);
        if !self.lows.push(bar[1]) {
            return false;
        }
        let (highest, lowest) = (self.highs.value(), self.lows.value());
        out[0] = match significant_range(highest, lowest) {
            // Multiplied by -100 rather than negating `percent_of_range`, which could flip the
            // sign of a NaN; clamped into [-100, 0] (a close outside the high-low range).
            Some(range) => (((highest - bar[2]) / range) * -100.0).clamp(-100.0, 0.0),
            None => 0.0,
        };
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "willr",
    "WILLR",
    Group::Momentum,
    "Williams' %R: the close's distance below the highest high, as -percent of the range",
    HIGH_LOW_CLOSE,
    WillrParams::SPECS,
    OWN_LINE,
    kernel::<Willr>(),
)
.with_levels(&[-80.0, -20.0]);
