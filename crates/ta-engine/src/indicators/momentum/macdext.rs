//! MACD with a moving-average type per line.

use super::macd_lines::MacdLines;
use super::MACD_OUTPUTS;
use super::{FAST_PERIOD_DOC, SIGNAL_PERIOD_DOC, SLOW_PERIOD_DOC};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::REAL;
use crate::kernel::Indicator;
use crate::params::MaType;
use crate::params::Params;
use crate::primitives::average::MovingAverage;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct MacdextParams {
        fast_period: usize = int("fastperiod", 12, 2, FAST_PERIOD_DOC),
        fast_ma_type: MaType = ma_type("fastmatype", MaType::Sma),
        slow_period: usize = int("slowperiod", 26, 2, SLOW_PERIOD_DOC),
        slow_ma_type: MaType = ma_type("slowmatype", MaType::Sma),
        signal_period: usize = int("signalperiod", 9, 1, SIGNAL_PERIOD_DOC),
        signal_ma_type: MaType = ma_type("signalmatype", MaType::Sma),
    }
}

/// MACD with a moving-average type for each line.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Macdext(MacdLines<MovingAverage>);

impl Indicator for Macdext {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 3;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: MacdextParams = params.get();
        let (mut fast, mut fast_type) = (p.fast_period, p.fast_ma_type);
        let (mut slow, mut slow_type) = (p.slow_period, p.slow_ma_type);
        if slow < fast {
            // TA-Lib swaps the types along with the periods.
            std::mem::swap(&mut fast, &mut slow);
            std::mem::swap(&mut fast_type, &mut slow_type);
        }
        Ok(Macdext(MacdLines::new(
            MovingAverage::new(fast_type, fast),
            MovingAverage::new(slow_type, slow),
            MovingAverage::new(p.signal_ma_type, p.signal_period),
        )))
    }
    fn lookback(&self) -> usize {
        self.0.lookback
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        self.0.step(bar[0], out)
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "macdext",
    "MACDEXT",
    Group::Momentum,
    "MACD with a chosen moving-average type for each line",
    REAL,
    MacdextParams::SPECS,
    MACD_OUTPUTS,
    kernel::<Macdext>(),
);
