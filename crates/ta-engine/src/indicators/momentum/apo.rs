//! Absolute price oscillator.

use super::price_oscillator::{PriceOscillator, PriceOscillatorParams};
use crate::catalog::deviations::FLAGGED_UNSTABLE;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// Absolute price oscillator: fast MA - slow MA.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Apo(PriceOscillator);

impl Indicator for Apo {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        Ok(Apo(PriceOscillator::from_params(params)))
    }
    fn lookback(&self) -> usize {
        self.0.lookback()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let Some((fast, slow)) = self.0.update(bar[0]) else {
            return false;
        };
        out[0] = fast - slow;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "apo",
    "APO",
    Group::Momentum,
    "Absolute price oscillator: fast moving average - slow moving average",
    REAL,
    PriceOscillatorParams::SPECS,
    OWN_LINE,
    kernel::<Apo>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[FLAGGED_UNSTABLE]);
