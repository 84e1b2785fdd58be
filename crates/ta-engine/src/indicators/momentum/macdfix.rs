//! MACD 12/26 with fixed smoothing factors.

use super::macd_lines::MacdLines;
use super::MACD_OUTPUTS;
use super::SIGNAL_PERIOD_DOC;
use crate::catalog::deviations::FLAGGED_UNSTABLE;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::average::{Ema, EmaForm};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct MacdfixParams {
        signal_period: usize = int("signalperiod", 9, 1, SIGNAL_PERIOD_DOC),
    }
}

/// MACD 12/26 with the fixed smoothing factors 0.15 and 0.075.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Macdfix(MacdLines<Ema>);

impl Macdfix {
    const FAST: (usize, f64) = (12, 0.15);
    const SLOW: (usize, f64) = (26, 0.075);
}

impl Indicator for Macdfix {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 3;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: MacdfixParams = params.get();
        let fast = Ema::with_k(Self::FAST.0, Self::FAST.1, EmaForm::Delta);
        let slow = Ema::with_k(Self::SLOW.0, Self::SLOW.1, EmaForm::Delta);
        Ok(Macdfix(MacdLines::new(
            fast,
            slow,
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
    "macdfix",
    "MACDFIX",
    Group::Momentum,
    "MACD 12/26 with the fixed smoothing factors 0.15 and 0.075",
    REAL,
    MacdfixParams::SPECS,
    MACD_OUTPUTS,
    kernel::<Macdfix>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[FLAGGED_UNSTABLE]);
