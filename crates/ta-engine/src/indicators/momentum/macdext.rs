//! MACD with a moving-average type per line.

use super::macd_lines::MacdLines;
use super::{fast_period, signal_period, slow_period, MACD_OUTPUTS};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::REAL;
use crate::kernel::Indicator;
use crate::params::MaType;
use crate::params::{ParamSpec, Params};
use crate::primitives::average::MovingAverage;
use crate::TaError;

/// MACD with a moving-average type for each line.
#[derive(Debug, Clone)]
pub struct Macdext(MacdLines<MovingAverage>);

impl Indicator for Macdext {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 3;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        let (mut fast, mut fast_type) = (p.int(0), p.ma_type(1));
        let (mut slow, mut slow_type) = (p.int(2), p.ma_type(3));
        if slow < fast {
            // TA-Lib swaps the types along with the periods.
            std::mem::swap(&mut fast, &mut slow);
            std::mem::swap(&mut fast_type, &mut slow_type);
        }
        Ok(Macdext(MacdLines::new(
            MovingAverage::new(fast_type, fast),
            MovingAverage::new(slow_type, slow),
            MovingAverage::new(p.ma_type(5), p.int(4)),
        )))
    }
    fn lookback(&self) -> usize {
        self.0.lookback
    }
    #[inline]
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
    &[
        fast_period(12),
        ParamSpec::ma_type("fast_ma_type", "fastmatype", MaType::Sma),
        slow_period(26),
        ParamSpec::ma_type("slow_ma_type", "slowmatype", MaType::Sma),
        signal_period(9),
        ParamSpec::ma_type("signal_ma_type", "signalmatype", MaType::Sma),
    ],
    MACD_OUTPUTS,
    kernel::<Macdext>(),
);
