//! Fast stochastic.

use super::stochastic::FastStochastic;
use super::{FASTD_MA_TYPE, FASTD_PERIOD, FASTK_PERIOD, FAST_STOCH_OUTPUTS};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::HIGH_LOW_CLOSE;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// Fast stochastic: %K and its moving average %D.
#[derive(Debug, Clone)]
pub struct Stochf(FastStochastic);

impl Indicator for Stochf {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 2;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        Ok(Stochf(FastStochastic::new(
            p.int(0),
            p.int(1),
            p.ma_type(2),
        )))
    }
    fn lookback(&self) -> usize {
        self.0.lookback()
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        self.0.step(bar[0], bar[1], bar[2], out)
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "stochf",
    "STOCHF",
    Group::Momentum,
    "Fast stochastic: %K and its moving average %D",
    HIGH_LOW_CLOSE,
    &[FASTK_PERIOD, FASTD_PERIOD, FASTD_MA_TYPE],
    FAST_STOCH_OUTPUTS,
    kernel::<Stochf>(),
);
