//! Moving average convergence/divergence.

use super::macd_lines::MacdLines;
use super::MACD_OUTPUTS;
use super::{FAST_PERIOD_DOC, SIGNAL_PERIOD_DOC, SLOW_PERIOD_DOC};
use crate::catalog::deviations::FLAGGED_UNSTABLE;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::average::Ema;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct MacdParams {
        fast_period: usize = int("fastperiod", 12, 2, FAST_PERIOD_DOC),
        slow_period: usize = int("slowperiod", 26, 2, SLOW_PERIOD_DOC),
        signal_period: usize = int("signalperiod", 9, 1, SIGNAL_PERIOD_DOC),
    }
}

/// MACD with SMA-seeded EMAs.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Macd(MacdLines<Ema>);

impl Indicator for Macd {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 3;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: MacdParams = params.get();
        let (mut fast, mut slow) = (p.fast_period, p.slow_period);
        if slow < fast {
            std::mem::swap(&mut fast, &mut slow);
        }
        Ok(Macd(MacdLines::new(
            Ema::new(fast),
            Ema::new(slow),
            Ema::copying_at_one(p.signal_period),
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
    "macd",
    "MACD",
    Group::Momentum,
    "Moving average convergence/divergence: fast EMA - slow EMA, its signal EMA and the difference",
    REAL,
    MacdParams::SPECS,
    MACD_OUTPUTS,
    kernel::<Macd>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[FLAGGED_UNSTABLE]);
