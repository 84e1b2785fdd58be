//! Indices of the lowest and highest values over a window.

use super::{HighestIndex, LowestIndex, WindowParams};
use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::REAL;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// Indices of the lowest and highest of the last `period` values (TA-Lib's MINMAXINDEX:
/// MININDEX and MAXINDEX at once), counting consumed bars from 0 (see the module notes).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct MinMaxIndex {
    lows: LowestIndex,
    highs: HighestIndex,
}

impl Indicator for MinMaxIndex {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 2;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: WindowParams = params.get();
        Ok(MinMaxIndex {
            lows: LowestIndex::new(p.period),
            highs: HighestIndex::new(p.period),
        })
    }
    fn lookback(&self) -> usize {
        self.highs.period() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        self.lows.push(bar[0]);
        if !self.highs.push(bar[0]) {
            return false;
        }
        out[0] = self.lows.bar() as f64;
        out[1] = self.highs.bar() as f64;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "minmaxindex",
    "MINMAXINDEX",
    Group::MathOperator,
    "Indices of the lowest and highest of the last period values",
    REAL,
    WindowParams::SPECS,
    &[
        OutputSpec::new("min_index", "minidx", Pane::Own, Style::Line).integer(),
        OutputSpec::new("max_index", "maxidx", Pane::Own, Style::Line).integer(),
    ],
    kernel::<MinMaxIndex>(),
)
.with_deviations(&[crate::catalog::deviations::INDEX_WITHIN_SERIES]);
