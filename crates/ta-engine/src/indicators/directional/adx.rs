//! Average directional movement index.

use super::wilder_dm::WilderDm;
use super::DIRECTIONAL_LINE;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW_CLOSE, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct AdxParams {
        period: usize = period(14, 2),
    }
}

/// Average directional movement index: the mean of the first `period` DX values, then Wilder
/// smoothing. Bars where DX is undefined are left out of the mean's sum (still divided by
/// `period`) and leave the smoothed value unchanged.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Adx {
    pub(super) core: WilderDm,
    adx: f64,
}

impl Adx {
    pub(super) fn new(period: usize) -> Self {
        Adx {
            core: WilderDm::new(period),
            adx: 0.0,
        }
    }

    /// Consumes a bar; the ADX once available.
    #[inline(always)]
    pub(super) fn update(&mut self, high: f64, low: f64, close: f64) -> Option<f64> {
        let index = self.core.update(high, low, close).index;
        let n = self.core.period;
        if index < n {
            return None;
        }
        let dx = self.core.dx();
        if index < 2 * n {
            if let Some(dx) = dx {
                self.adx += dx;
            }
            if index + 1 < 2 * n {
                return None;
            }
            self.adx /= n as f64;
        } else if let Some(dx) = dx {
            self.adx = (self.adx * (n - 1) as f64 + dx) / n as f64;
        }
        Some(self.adx)
    }
}

impl Indicator for Adx {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: AdxParams = params.get();
        Ok(Adx::new(p.period))
    }
    fn lookback(&self) -> usize {
        2 * self.core.period - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        match self.update(bar[0], bar[1], bar[2]) {
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
    "adx",
    "ADX",
    Group::Momentum,
    "Average directional movement index: Wilder-smoothed DX, the strength of a trend",
    HIGH_LOW_CLOSE,
    AdxParams::SPECS,
    DIRECTIONAL_LINE,
    kernel::<Adx>(),
)
.with_flags(UNSTABLE)
.with_levels(&[25.0]);
