//! Stochastic RSI.

use super::stochastic::FastStochastic;
use super::wilder_changes::{rsi_value, Scaling, WilderChanges};
use super::{FASTD_MA_TYPE, FASTD_PERIOD, FASTK_PERIOD, FAST_STOCH_OUTPUTS};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::{ParamSpec, Params};
use crate::TaError;

/// Stochastic RSI: the fast stochastic of the RSI line.
#[derive(Debug, Clone)]
pub struct Stochrsi {
    rsi: WilderChanges,
    stochastic: FastStochastic,
}

impl Indicator for Stochrsi {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 2;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        Ok(Stochrsi {
            rsi: WilderChanges::new(p.int(0), Scaling::Reciprocal),
            stochastic: FastStochastic::new(p.int(1), p.int(2), p.ma_type(3)),
        })
    }
    fn lookback(&self) -> usize {
        self.rsi.lookback() + self.stochastic.lookback()
    }
    #[inline]
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
    &[
        ParamSpec::period(14, 2),
        FASTK_PERIOD,
        FASTD_PERIOD,
        FASTD_MA_TYPE,
    ],
    FAST_STOCH_OUTPUTS,
    kernel::<Stochrsi>(),
)
.with_flags(UNSTABLE);
