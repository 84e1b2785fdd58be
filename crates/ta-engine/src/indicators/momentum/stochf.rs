//! Fast stochastic.

use super::stochastic::FastStochastic;
use super::FAST_STOCH_OUTPUTS;
use super::{FASTD_PERIOD_DOC, FASTK_PERIOD_DOC};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::HIGH_LOW_CLOSE;
use crate::kernel::Indicator;
use crate::params::MaType;
use crate::params::Params;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct StochfParams {
        fastk_period: usize = int("fastk_period", 5, 1, FASTK_PERIOD_DOC),
        fastd_period: usize = int("fastd_period", 3, 1, FASTD_PERIOD_DOC),
        fastd_ma_type: MaType = ma_type("fastd_matype", MaType::Sma),
    }
}

/// Fast stochastic: %K and its moving average %D.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Stochf(FastStochastic);

impl Indicator for Stochf {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 2;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: StochfParams = params.get();
        Ok(Stochf(FastStochastic::new(
            p.fastk_period,
            p.fastd_period,
            p.fastd_ma_type,
        )))
    }
    fn lookback(&self) -> usize {
        self.0.lookback()
    }
    #[inline(always)]
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
    StochfParams::SPECS,
    FAST_STOCH_OUTPUTS,
    kernel::<Stochf>(),
)
.with_levels(&[20.0, 80.0]);
