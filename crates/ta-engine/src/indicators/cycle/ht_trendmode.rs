//! Hilbert transform: trend versus cycle mode.

use super::hilbert::{sine_lines, CyclePhase, Hilbert, Trendline, LONG_LOOKBACK, LONG_START};
use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::{REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// HT_TRENDMODE: 1 while the market trends, 0 while it cycles (Ehlers' rules on the sine
/// wave crossings, the phase rate and the distance from the trendline).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct HtTrendmode {
    hilbert: Hilbert,
    phase: CyclePhase,
    trendline: Trendline,
    prev_phase: f64,
    /// The previous bar's sine and lead sine.
    prev_sines: (f64, f64),
    /// Bars since the sine lines last crossed.
    days_in_trend: u64,
}

impl Indicator for HtTrendmode {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(_: &Params) -> Result<Self, TaError> {
        Ok(HtTrendmode {
            hilbert: Hilbert::new(LONG_START),
            phase: CyclePhase::default(),
            trendline: Trendline::default(),
            prev_phase: 0.0,
            prev_sines: (0.0, 0.0),
            days_in_trend: 0,
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
        let period = h.smooth_period;
        let phase = self.phase.update(h.smoothed, period);
        let (sine, lead) = sine_lines(phase);
        let (prev_sine, prev_lead) = std::mem::replace(&mut self.prev_sines, (sine, lead));
        let trendline = self.trendline.update(period);

        let mut trend = true;
        // Days in trend count from the last crossing of the sine wave lines.
        if (sine > lead && prev_sine <= prev_lead) || (sine < lead && prev_sine >= prev_lead) {
            self.days_in_trend = 0;
            trend = false;
        }
        self.days_in_trend += 1;
        if (self.days_in_trend as f64) < 0.5 * period {
            trend = false;
        }
        let phase_change = phase - std::mem::replace(&mut self.prev_phase, phase);
        if period != 0.0
            && phase_change > 0.67 * 360.0 / period
            && phase_change < 1.5 * 360.0 / period
        {
            trend = false;
        }
        if trendline != 0.0 && ((self.phase.smoothed() - trendline) / trendline).abs() >= 0.015 {
            trend = true;
        }
        out[0] = if trend { 1.0 } else { 0.0 };
        self.hilbert.today() >= LONG_LOOKBACK
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "ht_trendmode",
    "HT_TRENDMODE",
    Group::Cycle,
    "Hilbert transform trend vs cycle mode: 1 trending, 0 cycling",
    REAL,
    &[],
    &[OutputSpec::new("value", "integer", Pane::Own, Style::Histogram).integer()],
    kernel::<HtTrendmode>(),
)
.with_flags(UNSTABLE);
