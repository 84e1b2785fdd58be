//! Percentage price oscillator.

use super::price_oscillator::{PriceOscillator, PriceOscillatorParams};
use crate::catalog::deviations::FLAGGED_UNSTABLE;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::is_tiny;
use crate::TaError;

/// Percentage price oscillator: `(fast - slow) / slow · 100`; zero when the slow MA is
/// (nearly) zero.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Ppo(PriceOscillator);

impl Indicator for Ppo {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        Ok(Ppo(PriceOscillator::from_params(params)))
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
    PriceOscillatorParams::SPECS,
    OWN_LINE,
    kernel::<Ppo>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[FLAGGED_UNSTABLE]);
