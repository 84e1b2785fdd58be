//! Percentage price oscillator.

use super::price_oscillator::PriceOscillator;
use super::{FAST_PERIOD_DOC, SLOW_PERIOD_DOC};
use crate::catalog::deviations::{FLAGGED_UNSTABLE, NO_MAMA};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::MaType;
use crate::params::Params;
use crate::primitives::is_tiny;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct PpoParams {
        fast_period: usize = int("fastperiod", 12, 2, FAST_PERIOD_DOC),
        slow_period: usize = int("slowperiod", 26, 2, SLOW_PERIOD_DOC),
        ma_type: MaType = ma_type("matype", MaType::Ema),
    }
}

/// Percentage price oscillator: `(fast - slow) / slow · 100`; zero when the slow MA is
/// (nearly) zero.
#[derive(Debug, Clone)]
pub struct Ppo(PriceOscillator);

impl Indicator for Ppo {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: PpoParams = params.get();
        Ok(Ppo(PriceOscillator::new(
            p.fast_period,
            p.slow_period,
            p.ma_type,
        )))
    }
    fn lookback(&self) -> usize {
        self.0.lookback()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let Some((fast, slow)) = self.0.update(bar[0]) else {
            return false;
        };
        out[0] = if is_tiny(slow) {
            0.0
        } else {
            ((fast - slow) / slow) * 100.0
        };
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "ppo",
    "PPO",
    Group::Momentum,
    "Percentage price oscillator: (fast - slow moving average) / slow moving average, in percent",
    REAL,
    PpoParams::SPECS,
    OWN_LINE,
    kernel::<Ppo>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[NO_MAMA, FLAGGED_UNSTABLE]);
