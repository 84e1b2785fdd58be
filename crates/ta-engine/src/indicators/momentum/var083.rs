//! Population variance as TA-Lib 0.8.3 computes it (its VAR and STDDEV, used by SQZMOM).

use crate::primitives::{Ring, RESEED_WINDOWS};

/// Population variance of the last `period` values with TA-Lib 0.8.3's running sums of
/// deviations from a shift (first the first value). They are rebuilt from the window, against
/// the window mean, every 32 windows or when the variance falls below 1e-6 of the largest mean
/// squared deviation held since the last rebuild; a window flat to within its mean's rounding
/// is anchored on its newest value instead. A rebuilt variance under 1e-12 of its scale is 0.
/// (0.8.1 triggered on the current sum rather than the peak, and had no flat re-anchor.)
#[derive(Debug, Clone)]
pub(super) struct Var083 {
    window: Ring,
    inv_period: f64,
    shift: f64,
    total1: f64,
    total2: f64,
    peak2: f64,
    until_rebuild: usize,
}

impl Var083 {
    pub(super) fn new(period: usize) -> Self {
        Var083 {
            window: Ring::new(period),
            inv_period: 1.0 / period as f64,
            shift: 0.0,
            total1: 0.0,
            total2: 0.0,
            peak2: 0.0,
            until_rebuild: RESEED_WINDOWS * period,
        }
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

    /// Rebuilds the sums over the whole window against `shift`.
    fn rebuild(&mut self, shift: f64) {
        self.shift = shift;
        self.total1 = 0.0;
        self.total2 = 0.0;
        for i in 0..self.window.len() {
            self.add(self.window.get(i));
        }
    }

    #[inline(always)]
    pub(super) fn update(&mut self, x: f64) -> Option<f64> {
        let was_full = self.window.is_full();
        self.window.push(x);
        if !was_full {
            if self.window.len() == 1 {
                self.shift = x;
            }
            if !self.window.is_full() {
                self.add(x);
                return None;
            }
            // First full window: the peak starts from the sums of the bars before it.
            self.peak2 = self.total2;
        }
        self.add(x);
        if self.total2 > self.peak2 {
            self.peak2 = self.total2;
        }
        let mut variance = self.variance();
        self.remove(self.window.oldest());
        self.until_rebuild -= 1;
        if variance < 0.000001 * (self.peak2 * self.inv_period) || self.until_rebuild == 0 {
            self.until_rebuild = RESEED_WINDOWS * self.window.capacity();
            let sum = self.window.iter().fold(0.0, |s, v| s + v);
            self.rebuild(sum * self.inv_period);
            variance = self.variance();
            if variance < 0.000001 * (self.total2 * self.inv_period) {
                self.rebuild(x);
                variance = self.variance();
            }
            self.peak2 = self.total2;
            if variance < 0.000000000001 * (self.total2 * self.inv_period) {
                variance = 0.0;
            }
            self.remove(self.window.oldest());
        }
        Some(variance)
    }
}
