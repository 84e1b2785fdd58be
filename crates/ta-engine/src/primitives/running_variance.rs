//! Population variance of a sliding window without cancellation.

use super::{Ring, RESEED_WINDOWS};

/// Population variance of the last `period` values, TA-Lib 0.8.1's cancellation-free form: the
/// running sums hold deviations from a shift (first the first value, later the window mean), and
/// are rebuilt from the window with a fresh shift when the variance has shrunk below 1e-6 of the
/// mean squared deviation, when the value just removed dwarfs the remaining sum of squares, or at
/// least every 32 windows. The result is never negative: a rebuilt variance under 1e-12 of its
/// scale is 0.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "ShiftedVarFields")]
pub struct ShiftedVar {
    period: usize,
    inv_period: f64,
    window: Ring,
    shift: f64,
    total1: f64,
    total2: f64,
    bars_since_reseed: usize,
}

/// A shifted variance as a snapshot holds it, before it is checked.
#[derive(serde::Deserialize)]
struct ShiftedVarFields {
    period: usize,
    inv_period: f64,
    window: Ring,
    shift: f64,
    total1: f64,
    total2: f64,
    bars_since_reseed: usize,
}

impl TryFrom<ShiftedVarFields> for ShiftedVar {
    type Error = String;

    fn try_from(f: ShiftedVarFields) -> Result<Self, String> {
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
        Ok(ShiftedVar {
            period: f.period,
            inv_period: f.inv_period,
            window: f.window,
            shift: f.shift,
            total1: f.total1,
            total2: f.total2,
            bars_since_reseed: f.bars_since_reseed,
        })
    }
}

impl ShiftedVar {
    pub fn new(period: usize) -> Self {
        ShiftedVar {
            period,
            inv_period: 1.0 / period as f64,
            window: Ring::new(period),
            shift: 0.0,
            total1: 0.0,
            total2: 0.0,
            bars_since_reseed: RESEED_WINDOWS * period,
        }
    }

    pub fn lookback(&self) -> usize {
        self.period - 1
    }

    /// Adds a deviation from the shift to the running sums.
    #[inline(always)]
    fn add(&mut self, x: f64) {
        let d = x - self.shift;
        self.total1 += d;
        self.total2 += d * d;
    }

    /// Takes a value out of the running sums; returns its squared deviation.
    #[inline(always)]
    fn remove(&mut self, x: f64) -> f64 {
        let d = x - self.shift;
        self.total1 -= d;
        let sq = d * d;
        self.total2 -= sq;
        sq
    }

    #[inline(always)]
    fn variance(&self) -> f64 {
        let mean = self.total1 * self.inv_period;
        self.total2 * self.inv_period - mean * mean
    }

    /// Re-anchors the shift on the window mean and rebuilds the sums; returns the variance.
    #[inline(always)]
    fn reseed(&mut self) -> f64 {
        self.bars_since_reseed = RESEED_WINDOWS * self.period;
        let mut sum = 0.0;
        for v in self.window.iter() {
            sum += v;
        }
        self.shift = sum * self.inv_period;
        self.total1 = 0.0;
        self.total2 = 0.0;
        for i in 0..self.window.len() {
            self.add(self.window.get(i));
        }
        let mut variance = self.variance();
        if variance < 0.000_000_000_001 * (self.total2 * self.inv_period) {
            variance = 0.0;
        }
        self.remove(self.window.oldest());
        variance
    }

    /// Fills the window until it holds `period` values; the variance once it does.
    #[inline(always)]
    fn warm_up(&mut self, x: f64) -> Option<f64> {
        if self.window.is_empty() {
            self.shift = x;
        }
        self.window.push(x);
        self.add(x);
        self.window.is_full().then(|| self.conclude())
    }

    /// The variance of the full window, then the oldest value taken out of the sums: they hold
    /// the `period - 1` values that stay. Rebuilds the sums when they have lost precision.
    #[inline(always)]
    fn conclude(&mut self) -> f64 {
        let variance = self.variance();
        let leaving_sq = self.remove(self.window.oldest());
        self.bars_since_reseed -= 1;
        if variance < 0.000_001 * (self.total2 * self.inv_period)
            || leaving_sq > 1_000_000.0 * self.total2
            || self.bars_since_reseed == 0
        {
            return self.reseed();
        }
        variance
    }

    #[inline(always)]
    pub fn update(&mut self, x: f64) -> Option<f64> {
        if !self.window.is_full() {
            return self.warm_up(x);
        }
        // The value pushed out was taken out of the sums on the previous bar.
        self.window.push(x);
        self.add(x);
        Some(self.conclude())
    }
}

/// Mean and population variance of the last `period` values as TA-Lib 0.8.1's BBANDS computes
/// them for its SMA middle band: [`ShiftedVar`]'s variance, and the mean from a plain running
/// sum (arrival added, mean taken, leaver subtracted; never rebuilt).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ShiftedMeanVar {
    variance: ShiftedVar,
    sum: f64,
    period: f64,
}

impl ShiftedMeanVar {
    pub fn new(period: usize) -> Self {
        ShiftedMeanVar {
            variance: ShiftedVar::new(period),
            sum: 0.0,
            period: period as f64,
        }
    }

    pub fn lookback(&self) -> usize {
        self.variance.lookback()
    }

    /// `(mean, variance)` once the window is full.
    #[inline(always)]
    pub fn update(&mut self, x: f64) -> Option<(f64, f64)> {
        let sum = self.sum + x;
        self.sum = sum;
        let variance = self.variance.update(x)?;
        self.sum = sum - self.variance.window.oldest();
        Some((sum / self.period, variance))
    }
}
