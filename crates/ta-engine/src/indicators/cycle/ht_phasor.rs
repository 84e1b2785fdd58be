//! Hilbert transform: phasor components.

use super::hilbert::{Hilbert, SHORT_LOOKBACK, SHORT_START};
use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::{REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// HT_PHASOR: the in-phase and quadrature components of the detrended, smoothed price.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct HtPhasor(Hilbert);

impl Indicator for HtPhasor {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 2;
    const FUSED: bool = true;
    fn from_params(_: &Params) -> Result<Self, TaError> {
        Ok(HtPhasor(Hilbert::new(SHORT_START)))
    }
    fn lookback(&self) -> usize {
        SHORT_LOOKBACK
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let Some(h) = self.0.update(bar[0]) else {
            return false;
        };
        out[0] = h.inphase;
        out[1] = h.quadrature;
        self.0.today() >= SHORT_LOOKBACK
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "ht_phasor",
    "HT_PHASOR",
    Group::Cycle,
    "Hilbert transform phasor: in-phase and quadrature components of the detrended price",
    REAL,
    &[],
    &[
        OutputSpec::new("inphase", "inphase", Pane::Own, Style::Line),
        OutputSpec::new("quadrature", "quadrature", Pane::Own, Style::DashedLine),
    ],
    kernel::<HtPhasor>(),
)
.with_flags(UNSTABLE);
