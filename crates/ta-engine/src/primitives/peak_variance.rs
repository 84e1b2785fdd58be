//! Population variance of a sliding window as TA-Lib 0.8.3 computes it (VAR, and the bands of
//! BBW, PERCENTB and RVI).

use super::{Ring, RESEED_WINDOWS};

/// Population variance of the last `period` values, TA-Lib 0.8.3's form of the shifted running
/// sums: deviations are taken from a shift (the first value, later a window mean), and the sums
/// are rebuilt from the window when the variance falls below 1e-6 of the largest mean squared
/// deviation held since the last rebuild, or at least every 32 windows. A rebuild whose
/// variance is still below 1e-6 of its own mean square (a window flat to within the rounding
/// of its mean) is redone with the newest value as the shift; a rebuilt variance under 1e-12
/// of its scale is 0.
///
/// TA-Lib 0.8.1's [`ShiftedVar`](super::ShiftedVar) measures the trigger against the current
/// sum and has one more trigger, so the two round differently after a rebuild.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "PeakVarFields")]
pub struct PeakVar {
    period: usize,
    inv_period: f64,
    window: Ring,
    shift: f64,
    total1: f64,
    total2: f64,
    /// Largest `total2` (whole window) since the last rebuild.
    peak2: f64,
    bars_since_reseed: usize,
}

/// A peak-tracked variance as a snapshot holds it, before it is checked.
#[derive(serde::Deserialize)]
struct PeakVarFields {
    period: usize,
    inv_period: f64,
    window: Ring,
    shift: f64,
    total1: f64,
    total2: f64,
    peak2: f64,
    bars_since_reseed: usize,
}

impl TryFrom<PeakVarFields> for PeakVar {
    type Error = String;

    fn try_from(f: PeakVarFields) -> Result<Self, String> {
        // The period is the window's length (its reciprocal `new`'s), and the rebuild
        // countdown within its run.
        if f.period != f.window.capacity()
            || f.inv_period.to_bits() != (1.0 / f.period as f64).to_bits()
            || !crate::execution::checks::countdown(
                f.bars_since_reseed,
                RESEED_WINDOWS.saturating_mul(f.period),
            )
        {
            return Err(crate::execution::checks::inconsistent("variance"));
        }
        Ok(PeakVar {
            period: f.period,
            inv_period: f.inv_period,
            window: f.window,
            shift: f.shift,
            total1: f.total1,
            total2: f.total2,
            peak2: f.peak2,
            bars_since_reseed: f.bars_since_reseed,
        })
    }
}

impl PeakVar {
    pub fn new(period: usize) -> Self {
        PeakVar {
            period,
            inv_period: 1.0 / period as f64,
            window: Ring::new(period),
            shift: 0.0,
            total1: 0.0,
            total2: 0.0,
            peak2: 0.0,
            bars_since_reseed: RESEED_WINDOWS * period,
        }
    }

    pub fn lookback(&self) -> usize {
        self.period - 1
    }

    #[inline(always)]
    fn add(&mut self, x: f64) {
        let d = x - self.shift;
        self.total1 += d;
        self.total2 += d * d;
    }

    #[inline(always)]
    fn remove(&mut self, x: f64) {
        let d = x - self.shift;
        self.total1 -= d;
        self.total2 -= d * d;
    }

    #[inline(always)]
    fn variance(&self) -> f64 {
        let mean = self.total1 * self.inv_period;
        self.total2 * self.inv_period - mean * mean
    }

    /// The sums of the whole window measured from `shift`; returns the variance.
    fn rebuild_from(&mut self, shift: f64) -> f64 {
        self.shift = shift;
        self.total1 = 0.0;
        self.total2 = 0.0;
        for i in 0..self.window.len() {
            self.add(self.window.get(i));
        }
        self.variance()
    }

    #[cold]
    fn reseed(&mut self) -> f64 {
        self.bars_since_reseed = RESEED_WINDOWS * self.period;
        let mut sum = 0.0;
        for v in self.window.iter() {
            sum += v;
        }
        let mut variance = self.rebuild_from(sum * self.inv_period);
        if variance < 0.000_001 * (self.total2 * self.inv_period) {
            // Anchored on one of its own values the variance cannot stay at rounding level.
            variance = self.rebuild_from(self.window.back(0));
        }
        self.peak2 = self.total2;
        if variance < 0.000_000_000_001 * (self.total2 * self.inv_period) {
            variance = 0.0;
        }
        self.remove(self.window.oldest());
        variance
    }

    /// Adds `x`; the variance of the last `period` values once there are that many.
    #[inline(always)]
    pub fn update(&mut self, x: f64) -> Option<f64> {
        if self.window.is_empty() {
            self.shift = x;
        }
        self.window.push(x);
        if !self.window.is_full() {
            self.add(x);
            return None;
        }
        self.add(x);
        if self.total2 > self.peak2 {
            self.peak2 = self.total2;
        }
        let variance = self.variance();
        // The sums keep the `period - 1` values that stay.
        self.remove(self.window.oldest());
        self.bars_since_reseed -= 1;
        if variance < 0.000_001 * (self.peak2 * self.inv_period) || self.bars_since_reseed == 0 {
            return Some(self.reseed());
        }
        Some(variance)
    }

    /// The values in the window, oldest first (for callers that need the window too).
    pub fn window(&self) -> &Ring {
        &self.window
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variance_of_small_windows() {
        let mut v = PeakVar::new(3);
        let out: Vec<_> = [1.0, 2.0, 3.0, 5.0, 5.0, 5.0]
            .iter()
            .map(|&x| v.update(x))
            .collect();
        assert_eq!(out[..2], [None, None]);
        assert!((out[2].unwrap() - 2.0 / 3.0).abs() < 1e-15);
        assert!((out[3].unwrap() - 14.0 / 9.0).abs() < 1e-14);
        assert_eq!(out[5], Some(0.0));
    }
}
