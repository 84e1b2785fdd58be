//! Triangular moving average.

use super::Smoother;
use crate::primitives::Ring;

/// Triangular moving average in TA-Lib's running form: a weighted sum with weights rising
/// 1, 2, … to the middle and falling back, kept up to date with two partial sums (the older
/// and the newer half). TA-Lib's rounding drifts measurably on short periods, so we follow
/// its arithmetic step for step rather than taking an SMA of an SMA.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "TrimaFields")]
pub struct Trima {
    period: usize,
    half: usize,
    odd: bool,
    factor: f64,
    window: Ring,
    numerator: f64,
    older_sum: f64,
    newer_sum: f64,
}

/// A TRIMA as a snapshot holds it, before its period is checked against its window.
#[derive(serde::Deserialize)]
struct TrimaFields {
    period: usize,
    half: usize,
    odd: bool,
    factor: f64,
    window: Ring,
    numerator: f64,
    older_sum: f64,
    newer_sum: f64,
}

impl TryFrom<TrimaFields> for Trima {
    type Error = String;

    fn try_from(f: TrimaFields) -> Result<Self, String> {
        // Everything but the sums follows from the period, which is the window's length (the
        // seed and the middle index into it).
        if f.period != f.window.capacity() {
            return Err(crate::execution::checks::outside("trima"));
        }
        let fresh = Trima::new(f.period);
        if f.half != fresh.half
            || f.odd != fresh.odd
            || f.factor.to_bits() != fresh.factor.to_bits()
        {
            return Err(crate::execution::checks::inconsistent("trima"));
        }
        Ok(Trima {
            period: f.period,
            half: f.half,
            odd: f.odd,
            factor: f.factor,
            window: f.window,
            numerator: f.numerator,
            older_sum: f.older_sum,
            newer_sum: f.newer_sum,
        })
    }
}

impl Trima {
    pub fn new(period: usize) -> Self {
        let half = period / 2;
        let odd = period % 2 == 1;
        let divisor = if odd {
            (half + 1) * (half + 1)
        } else {
            half * (half + 1)
        };
        Trima {
            period,
            half,
            odd,
            factor: 1.0 / divisor as f64,
            window: Ring::new(period),
            numerator: 0.0,
            older_sum: 0.0,
            newer_sum: 0.0,
        }
    }

    /// The first full window, summed in TA-Lib's order (the older half backwards).
    fn seed(&mut self) {
        let middle = if self.odd { self.half } else { self.half - 1 };
        for k in (0..=middle).rev() {
            self.older_sum += self.window.get(k);
            self.numerator += self.older_sum;
        }
        for k in middle + 1..self.period {
            self.newer_sum += self.window.get(k);
            self.numerator += self.newer_sum;
        }
    }
}

impl Smoother for Trima {
    #[inline(always)]
    fn update(&mut self, x: f64) -> Option<f64> {
        let Some(leaving) = self.window.push(x) else {
            if self.window.is_full() {
                self.seed();
                return Some(self.numerator * self.factor);
            }
            return None;
        };
        let middle = self.window.back(self.half);
        self.numerator -= self.older_sum;
        self.older_sum -= leaving;
        self.older_sum += middle;
        if self.odd {
            self.numerator += self.newer_sum;
            self.newer_sum -= middle;
        } else {
            self.newer_sum -= middle;
            self.numerator += self.newer_sum;
        }
        self.newer_sum += x;
        self.numerator += x;
        Some(self.numerator * self.factor)
    }
    fn lookback(&self) -> usize {
        self.period - 1
    }
}
