//! ADX rating.

use super::adx::Adx;
use super::DIRECTIONAL_LINE;
use crate::catalog::deviations::FLAGGED_UNSTABLE;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW_CLOSE, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::Ring;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct AdxrParams {
        period: usize = period(14, 2),
    }
}

/// ADX rating: the mean of today's ADX and the ADX `period - 1` bars earlier.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Adxr {
    adx: Adx,
    /// The last `period` ADX values.
    history: Ring,
}

impl Indicator for Adxr {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: AdxrParams = params.get();
        let period = p.period;
        Ok(Adxr {
            adx: Adx::new(period),
            history: Ring::new(period),
        })
    }
    fn lookback(&self) -> usize {
        3 * self.adx.core.period - 2
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let Some(adx) = self.adx.update(bar[0], bar[1], bar[2]) else {
            return false;
        };
        self.history.push(adx);
        if !self.history.is_full() {
            return false;
        }
        out[0] = (adx + self.history.oldest()) / 2.0;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "adxr",
    "ADXR",
    Group::Momentum,
    "ADX rating: mean of today's ADX and the ADX period - 1 bars earlier",
    HIGH_LOW_CLOSE,
    AdxrParams::SPECS,
    DIRECTIONAL_LINE,
    kernel::<Adxr>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[FLAGGED_UNSTABLE])
.with_levels(&[25.0]);
