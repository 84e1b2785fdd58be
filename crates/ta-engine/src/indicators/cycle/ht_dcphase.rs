//! Hilbert transform: dominant cycle phase.

use super::hilbert::{CyclePhase, Hilbert, LONG_LOOKBACK, LONG_START};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// HT_DCPHASE: the phase of the dominant cycle, in degrees (-45 to 315).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct HtDcphase {
    hilbert: Hilbert,
    phase: CyclePhase,
}

impl Indicator for HtDcphase {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(_: &Params) -> Result<Self, TaError> {
        Ok(HtDcphase {
            hilbert: Hilbert::new(LONG_START),
            phase: CyclePhase::default(),
        })
    }
    fn lookback(&self) -> usize {
        LONG_LOOKBACK
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let Some(h) = self.hilbert.update(bar[0]) else {
            return false;
        };
        out[0] = self.phase.update(h.smoothed, h.smooth_period);
        self.hilbert.today() >= LONG_LOOKBACK
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "ht_dcphase",
    "HT_DCPHASE",
    Group::Cycle,
    "Hilbert transform dominant cycle phase, in degrees",
    REAL,
    &[],
    OWN_LINE,
    kernel::<HtDcphase>(),
)
.with_flags(UNSTABLE);
