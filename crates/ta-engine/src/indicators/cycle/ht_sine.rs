//! Hilbert transform: sine wave.

use super::hilbert::{sine_lines, CyclePhase, Hilbert, LONG_LOOKBACK, LONG_START};
use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::{REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// HT_SINE: the sine of the dominant cycle phase and its 45°-leading sine.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct HtSine {
    hilbert: Hilbert,
    phase: CyclePhase,
}

impl Indicator for HtSine {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 2;
    const FUSED: bool = true;
    fn from_params(_: &Params) -> Result<Self, TaError> {
        Ok(HtSine {
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
        let phase = self.phase.update(h.smoothed, h.smooth_period);
        if self.hilbert.today() < LONG_LOOKBACK {
            // TA-Lib takes the sines only for output bars.
            return false;
        }
        (out[0], out[1]) = sine_lines(phase);
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "ht_sine",
    "HT_SINE",
    Group::Cycle,
    "Hilbert transform sine wave: sine of the dominant cycle phase and its 45° lead",
    REAL,
    &[],
    &[
        OutputSpec::new("sine", "sine", Pane::Own, Style::Line),
        OutputSpec::new("lead_sine", "leadsine", Pane::Own, Style::DashedLine),
    ],
    kernel::<HtSine>(),
)
.with_flags(UNSTABLE);
