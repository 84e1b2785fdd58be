//! Highest value over a window.

use super::{BlockHighest, WindowParams};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{PRICE_LINE, REAL};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// Highest of the last `period` values (TA-Lib's MAX; equal values resolve as TA-Lib's).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Max {
    window: BlockHighest,
}

impl Indicator for Max {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: WindowParams = params.get();
        Ok(Max {
            window: BlockHighest::new(p.period),
        })
    }
    fn lookback(&self) -> usize {
        self.window.period() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        if !self.window.push(bar[0]) {
            return false;
        }
        out[0] = self.window.value();
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "max",
    "MAX",
    Group::MathOperator,
    "Highest value of the last period values",
    REAL,
    WindowParams::SPECS,
    PRICE_LINE,
    kernel::<Max>(),
);
