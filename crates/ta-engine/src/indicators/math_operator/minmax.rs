//! Lowest and highest values over a window.

use super::{BlockHighest, BlockLowest, WindowParams};
use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::REAL;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// Lowest and highest of the last `period` values (TA-Lib's MINMAX: MIN and MAX at once).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct MinMax {
    lows: BlockLowest,
    highs: BlockHighest,
}

impl Indicator for MinMax {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 2;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: WindowParams = params.get();
        Ok(MinMax {
            lows: BlockLowest::new(p.period),
            highs: BlockHighest::new(p.period),
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
        out[0] = self.lows.value();
        out[1] = self.highs.value();
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "minmax",
    "MINMAX",
    Group::MathOperator,
    "Lowest and highest values of the last period values",
    REAL,
    WindowParams::SPECS,
    &[
        OutputSpec::new("min", "min", Pane::Price, Style::Line),
        OutputSpec::new("max", "max", Pane::Price, Style::Line),
    ],
    kernel::<MinMax>(),
);
