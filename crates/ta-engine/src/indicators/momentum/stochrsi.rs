//! Stochastic RSI.

use super::stochastic::FastStochastic;
use super::wilder_changes::{rsi_value, Scaling, WilderChanges};
use super::FAST_STOCH_OUTPUTS;
use super::{FASTD_PERIOD_DOC, FASTK_PERIOD_DOC};
use crate::catalog::deviations::FLAGGED_UNSTABLE;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::MaType;
use crate::params::Params;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct StochrsiParams {
        period: usize = period(14, 2),
        fastk_period: usize = int("fastk_period", 5, 1, FASTK_PERIOD_DOC),
        fastd_period: usize = int("fastd_period", 3, 1, FASTD_PERIOD_DOC),
        fastd_ma_type: MaType = ma_type("fastd_matype", MaType::Sma),
    }
}

/// Stochastic RSI: the fast stochastic of the RSI line.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Stochrsi {
    rsi: WilderChanges,
    stochastic: FastStochastic,
}

impl Indicator for Stochrsi {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 2;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: StochrsiParams = params.get();
        Ok(Stochrsi {
            rsi: WilderChanges::new(p.period, Scaling::Reciprocal),
            stochastic: FastStochastic::new(p.fastk_period, p.fastd_period, p.fastd_ma_type),
        })
    }
    fn lookback(&self) -> usize {
        self.rsi.lookback() + self.stochastic.lookback()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let Some((gain, loss)) = self.rsi.update(bar[0]) else {
            return false;
        };
        let rsi = rsi_value(gain, loss);
        self.stochastic.step(rsi, rsi, rsi, out)
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "stochrsi",
    "STOCHRSI",
    Group::Momentum,
    "Stochastic RSI: the fast stochastic of the RSI line",
    REAL,
    StochrsiParams::SPECS,
    FAST_STOCH_OUTPUTS,
    kernel::<Stochrsi>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[FLAGGED_UNSTABLE])
.with_levels(&[20.0, 80.0]);
