//! Hilbert transform: dominant cycle period.

use super::hilbert::{Hilbert, SHORT_LOOKBACK, SHORT_START};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// HT_DCPERIOD: Ehlers' smoothed dominant cycle period, in bars.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct HtDcperiod(Hilbert);

impl Indicator for HtDcperiod {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(_: &Params) -> Result<Self, TaError> {
        Ok(HtDcperiod(Hilbert::new(SHORT_START)))
    }
    fn lookback(&self) -> usize {
        SHORT_LOOKBACK
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let Some(h) = self.0.update(bar[0]) else {
            return false;
        };
        out[0] = h.smooth_period;
        self.0.today() >= SHORT_LOOKBACK
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "ht_dcperiod",
    "HT_DCPERIOD",
    Group::Cycle,
    "Hilbert transform dominant cycle period, in bars",
    REAL,
    &[],
    OWN_LINE,
    kernel::<HtDcperiod>(),
)
.with_flags(UNSTABLE);
