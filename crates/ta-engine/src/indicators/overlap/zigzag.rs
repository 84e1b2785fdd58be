//! Zig zag.

use crate::catalog::deviations::FLAGGED_UNSTABLE;
use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::{HIGH_LOW, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct ZigzagParams {
        sensitivity: f64 = float(
            "sensitivity", 5.0, 0.0, 100.0,
            "percent move away from the leg's extreme that reverses the leg"
        ),
        min_trend_length: usize = int("mintrendlength", 1, 1, "fewest bars between two pivots"),
    }
}

/// Zig zag as TA-Lib 0.8.3 computes it, bar by bar: the current leg's extreme (the pivot so
/// far), the leg's direction (1 up, -1 down) and the bar of that extreme. The first bar seeds
/// a down leg at its low. A leg reverses when the high reaches pivot·(1 + s) (down leg) or the
/// low reaches pivot·(1 − s) (up leg), s = sensitivity/100, at least `min_trend_length` bars
/// after the pivot's bar; the reversal is tested before the extension, and an equal price
/// moves the pivot to the later bar. No row is revised later: a row's pivot is the extreme of
/// the leg as known on that bar.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Zigzag {
    up: f64,
    down: f64,
    min_trend_length: usize,
    started: bool,
    trend: f64,
    pivot: f64,
    /// Complete bars seen, minus one (the current bar's number).
    bar: usize,
    bars_since_pivot: usize,
}

impl Indicator for Zigzag {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 3;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: ZigzagParams = params.get();
        let s = p.sensitivity / 100.0;
        Ok(Zigzag {
            up: 1.0 + s,
            down: 1.0 - s,
            min_trend_length: p.min_trend_length,
            started: false,
            trend: -1.0,
            pivot: 0.0,
            bar: 0,
            bars_since_pivot: 0,
        })
    }
    fn lookback(&self) -> usize {
        self.min_trend_length
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (high, low) = (bar[0], bar[1]);
        if !self.started {
            self.started = true;
            self.pivot = low;
            return false;
        }
        self.bar += 1;
        self.bars_since_pivot += 1;
        let can_reverse = self.bars_since_pivot >= self.min_trend_length;
        if self.trend < 0.0 {
            if high >= self.pivot * self.up && can_reverse {
                self.trend = 1.0;
                self.pivot = high;
                self.bars_since_pivot = 0;
            } else {
                if low <= self.pivot {
                    self.bars_since_pivot = 0;
                }
                self.pivot = if self.pivot < low { self.pivot } else { low };
            }
        } else if low <= self.pivot * self.down && can_reverse {
            self.trend = -1.0;
            self.pivot = low;
            self.bars_since_pivot = 0;
        } else {
            if high >= self.pivot {
                self.bars_since_pivot = 0;
            }
            self.pivot = if self.pivot > high { self.pivot } else { high };
        }
        if self.bar < self.min_trend_length {
            return false;
        }
        out[0] = self.pivot;
        out[1] = self.trend;
        out[2] = (self.bar - self.bars_since_pivot) as f64;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "zigzag",
    "ZIGZAG",
    Group::Overlap,
    "Zig zag: the current leg's extreme, its direction and its bar; legs reverse on a percent move",
    HIGH_LOW,
    ZigzagParams::SPECS,
    &[
        OutputSpec::new("zigzag", "zigzag", Pane::Price, Style::Line),
        OutputSpec::new("trend", "trend", Pane::Own, Style::Histogram).integer(),
        OutputSpec::new("pivot_index", "pivotidx", Pane::Own, Style::Line).integer(),
    ],
    kernel::<Zigzag>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[
    FLAGGED_UNSTABLE,
    "pivot_index counts the complete bars the state machine has seen (from each group's start): \
     it equals TA-Lib's row index when no earlier row is missing.",
]);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legs_by_hand() {
        let spec = crate::catalog::find("zigzag").unwrap();
        let mut k = Zigzag::from_params(&spec.params(&[10.0, 1.0]).unwrap()).unwrap();
        let mut out = [0.0; 3];
        assert!(!k.step(&[101.0, 100.0], &mut out));
        // Lower low: the down leg extends to bar 1.
        assert!(k.step(&[99.0, 95.0], &mut out));
        assert_eq!(out, [95.0, -1.0, 1.0]);
        // 104 < 95·1.1 = 104.5: no reversal, the pivot stays.
        assert!(k.step(&[104.0, 100.0], &mut out));
        assert_eq!(out, [95.0, -1.0, 1.0]);
        // 105 reverses: an up leg from bar 3.
        assert!(k.step(&[105.0, 101.0], &mut out));
        assert_eq!(out, [105.0, 1.0, 3.0]);
    }
}
