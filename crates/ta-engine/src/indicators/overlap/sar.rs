//! Parabolic SAR.

use crate::catalog::deviations::FLAGGED_UNSTABLE;
use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::{HIGH_LOW, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::directional_movement;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct SarParams {
        acceleration: f64 = float("acceleration", 0.02, 0.0, 3e37, "acceleration factor step"),
        maximum: f64 = float("maximum", 0.2, 0.0, 3e37, "acceleration factor ceiling"),
    }
}

/// Parabolic SAR (Wilder), TA-Lib's start: the first bar's directional movement picks the
/// initial trend.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Sar {
    step_af: f64,
    max_af: f64,
    bars: usize,
    is_long: bool,
    af: f64,
    ep: f64,
    sar: f64,
    last_high: f64,
    last_low: f64,
}

impl Indicator for Sar {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: SarParams = params.get();
        let max_af = p.maximum;
        let step_af = p.acceleration.min(max_af);
        Ok(Sar {
            step_af,
            max_af,
            bars: 0,
            is_long: true,
            af: step_af,
            ep: 0.0,
            sar: 0.0,
            last_high: 0.0,
            last_low: 0.0,
        })
    }
    fn lookback(&self) -> usize {
        1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (high, low) = (bar[0], bar[1]);
        self.bars += 1;
        if self.bars == 1 {
            self.last_high = high;
            self.last_low = low;
            return false;
        }
        if self.bars == 2 {
            // TA-Lib: MINUS_DM(1) of the second bar decides; a down move starts short.
            let (_, minus) = directional_movement(self.last_high, self.last_low, high, low);
            self.is_long = minus == 0.0;
            if self.is_long {
                self.ep = high;
                self.sar = self.last_low;
            } else {
                self.ep = low;
                self.sar = self.last_high;
            }
            self.last_high = high;
            self.last_low = low;
        }
        let (prev_high, prev_low) = (self.last_high, self.last_low);
        self.last_high = high;
        self.last_low = low;
        let (acc, max_af) = (self.step_af, self.max_af);
        if self.is_long {
            if low <= self.sar {
                self.is_long = false;
                self.sar = self.ep.max(prev_high).max(high);
                out[0] = self.sar;
                self.af = acc;
                self.ep = low;
                self.sar = self.af.mul_add(self.ep - self.sar, self.sar);
                self.sar = self.sar.max(prev_high).max(high);
            } else {
                out[0] = self.sar;
                if high > self.ep {
                    self.ep = high;
                    self.af = (self.af + acc).min(max_af);
                }
                self.sar = self.af.mul_add(self.ep - self.sar, self.sar);
                self.sar = self.sar.min(prev_low).min(low);
            }
        } else if high >= self.sar {
            self.is_long = true;
            self.sar = self.ep.min(prev_low).min(low);
            out[0] = self.sar;
            self.af = acc;
            self.ep = high;
            self.sar = self.af.mul_add(self.ep - self.sar, self.sar);
            self.sar = self.sar.min(prev_low).min(low);
        } else {
            out[0] = self.sar;
            if low < self.ep {
                self.ep = low;
                self.af = (self.af + acc).min(max_af);
            }
            self.sar = self.af.mul_add(self.ep - self.sar, self.sar);
            self.sar = self.sar.max(prev_high).max(high);
        }
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "sar",
    "SAR",
    Group::Overlap,
    "Parabolic stop and reverse",
    HIGH_LOW,
    SarParams::SPECS,
    &[OutputSpec::new("value", "real", Pane::Price, Style::Dots)],
    kernel::<Sar>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[FLAGGED_UNSTABLE]);
