//! Slow stochastic.

use super::stochastic::FastK;
use super::FASTK_PERIOD_DOC;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::catalog::{OutputSpec, Pane, Style};
use crate::indicators::HIGH_LOW_CLOSE;
use crate::kernel::Indicator;
use crate::params::MaType;
use crate::params::Params;
use crate::primitives::average::{MovingAverage, Smoother};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct StochParams {
        fastk_period: usize = int("fastk_period", 5, 1, FASTK_PERIOD_DOC),
        slowk_period: usize = int("slowk_period", 3, 1, "bars in the moving average of %K (slow %K)"),
        slowk_ma_type: MaType = ma_type("slowk_matype", MaType::Sma),
        slowd_period: usize = int("slowd_period", 3, 1, "bars in the moving average of slow %K (slow %D)"),
        slowd_ma_type: MaType = ma_type("slowd_matype", MaType::Sma),
    }
}

/// Slow stochastic: %K smoothed into slow %K, smoothed again into slow %D.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Stoch {
    fast_k: FastK,
    slow_k: MovingAverage,
    slow_d: MovingAverage,
}

impl Indicator for Stoch {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 2;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: StochParams = params.get();
        Ok(Stoch {
            fast_k: FastK::new(p.fastk_period),
            slow_k: MovingAverage::new(p.slowk_ma_type, p.slowk_period),
            slow_d: MovingAverage::new(p.slowd_ma_type, p.slowd_period),
        })
    }
    fn lookback(&self) -> usize {
        self.fast_k.lookback() + self.slow_k.lookback() + self.slow_d.lookback()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let Some(k) = self.fast_k.update(bar[0], bar[1], bar[2]) else {
            return false;
        };
        let Some(slow_k) = self.slow_k.update(k) else {
            return false;
        };
        let Some(slow_d) = self.slow_d.update(slow_k) else {
            return false;
        };
        out[0] = slow_k;
        out[1] = slow_d;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "stoch",
    "STOCH",
    Group::Momentum,
    "Slow stochastic: smoothed %K and its moving average %D",
    HIGH_LOW_CLOSE,
    StochParams::SPECS,
    &[
        OutputSpec::new("slowk", "slowk", Pane::Own, Style::DashedLine),
        OutputSpec::new("slowd", "slowd", Pane::Own, Style::DashedLine),
    ],
    kernel::<Stoch>(),
)
.with_levels(&[20.0, 80.0]);
