//! Hilbert transform: instantaneous trendline.

use super::hilbert::{Hilbert, Trendline, LONG_LOOKBACK, LONG_START};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{PRICE_LINE, REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// HT_TRENDLINE: the price averaged over the dominant cycle, then weighted over 4 bars.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct HtTrendline {
    hilbert: Hilbert,
    trendline: Trendline,
}

impl Indicator for HtTrendline {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(_: &Params) -> Result<Self, TaError> {
        Ok(HtTrendline {
            hilbert: Hilbert::new(LONG_START),
            trendline: Trendline::default(),
        })
    }
    fn lookback(&self) -> usize {
        LONG_LOOKBACK
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        self.trendline.push(bar[0]);
        let Some(h) = self.hilbert.update(bar[0]) else {
            return false;
        };
        out[0] = self.trendline.update(h.smooth_period);
        self.hilbert.today() >= LONG_LOOKBACK
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "ht_trendline",
    "HT_TRENDLINE",
    Group::Overlap,
    "Hilbert transform instantaneous trendline: the price averaged over the dominant cycle",
    REAL,
    &[],
    PRICE_LINE,
    kernel::<HtTrendline>(),
)
.with_flags(UNSTABLE);
