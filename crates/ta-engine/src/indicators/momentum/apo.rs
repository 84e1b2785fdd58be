//! Absolute price oscillator.

use super::price_oscillator::PriceOscillator;
use super::{fast_period, slow_period};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::MaType;
use crate::params::{ParamSpec, Params};
use crate::TaError;

/// Absolute price oscillator: fast MA - slow MA.
#[derive(Debug, Clone)]
pub struct Apo(PriceOscillator);

impl Indicator for Apo {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        Ok(Apo(PriceOscillator::from_params(p)))
    }
    fn lookback(&self) -> usize {
        self.0.lookback()
    }
    #[inline]
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
    &[
        fast_period(12),
        slow_period(26),
        ParamSpec::ma_type("ma_type", "matype", MaType::Ema),
    ],
    OWN_LINE,
    kernel::<Apo>(),
)
.with_flags(UNSTABLE);
