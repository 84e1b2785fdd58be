//! Moving average convergence/divergence.

use super::macd_lines::MacdLines;
use super::{fast_period, signal_period, slow_period, MACD_OUTPUTS};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::average::Ema;
use crate::TaError;

/// MACD with SMA-seeded EMAs.
#[derive(Debug, Clone)]
pub struct Macd(MacdLines<Ema>);

impl Indicator for Macd {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 3;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        let (mut fast, mut slow) = (p.int(0), p.int(1));
        if slow < fast {
            std::mem::swap(&mut fast, &mut slow);
        }
        Ok(Macd(MacdLines::new(
            Ema::new(fast),
            Ema::new(slow),
            Ema::new(p.int(2)),
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
    "macd",
    "MACD",
    Group::Momentum,
    "Moving average convergence/divergence: fast EMA - slow EMA, its signal EMA and the difference",
    REAL,
    &[fast_period(12), slow_period(26), signal_period(9)],
    MACD_OUTPUTS,
    kernel::<Macd>(),
)
.with_flags(UNSTABLE);
