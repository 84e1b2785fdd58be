//! Index of the highest value over a window.

use super::{HighestIndex, WindowParams, INDEX};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::REAL;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// Index of the highest of the last `period` values, counting consumed bars from 0 (see the
/// module notes); of equal highs, the one TA-Lib's rescan-and-replace rule picks.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct MaxIndex {
    window: HighestIndex,
}

impl Indicator for MaxIndex {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: WindowParams = params.get();
        Ok(MaxIndex {
            window: HighestIndex::new(p.period),
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
    "maxindex",
    "MAXINDEX",
    Group::MathOperator,
    "Index of the highest value of the last period values",
    REAL,
    WindowParams::SPECS,
    INDEX,
    kernel::<MaxIndex>(),
)
.with_deviations(&[crate::catalog::deviations::INDEX_WITHIN_SERIES]);
