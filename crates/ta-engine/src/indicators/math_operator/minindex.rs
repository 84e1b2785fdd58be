//! Index of the lowest value over a window.

use super::{LowestIndex, WindowParams, INDEX};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::REAL;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// Index of the lowest of the last `period` values, counting consumed bars from 0 (see the
/// module notes); of equal lows, the one TA-Lib's rescan-and-replace rule picks.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct MinIndex {
    window: LowestIndex,
}

impl Indicator for MinIndex {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: WindowParams = params.get();
        Ok(MinIndex {
            window: LowestIndex::new(p.period),
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
        out[0] = self.window.bar() as f64;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "minindex",
    "MININDEX",
    Group::MathOperator,
    "Index of the lowest value of the last period values",
    REAL,
    WindowParams::SPECS,
    INDEX,
    kernel::<MinIndex>(),
)
.with_deviations(&[crate::catalog::deviations::INDEX_WITHIN_SERIES]);
