//! Average true range.

use super::wilder_atr::WilderAtr;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW_CLOSE, OWN_LINE, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct AtrParams {
        period: usize = period(14, 1),
    }
}

/// Average true range.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Atr(WilderAtr);

impl Indicator for Atr {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: AtrParams = params.get();
        Ok(Atr(WilderAtr::new(p.period)))
    }
    fn lookback(&self) -> usize {
        self.0.period
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        match self.0.update(bar[0], bar[1], bar[2]) {
            Some(v) => {
                out[0] = v;
                true
            }
            None => false,
        }
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "atr",
    "ATR",
    Group::Volatility,
    "Average true range: Wilder-smoothed true range",
    HIGH_LOW_CLOSE,
    AtrParams::SPECS,
    OWN_LINE,
    kernel::<Atr>(),
)
.with_flags(UNSTABLE);
