//! Kaufman adaptive moving average.

use super::Smoother;
use crate::primitives::Ring;

/// Kaufman adaptive moving average (fast 2, slow 30), TA-Lib's seeding from the previous
/// price.
#[derive(Debug, Clone)]
pub struct Kama {
    period: usize,
    /// The last `period + 1` values.
    window: Ring,
    volatility: f64,
    trailing: f64,
    value: f64,
}

impl Kama {
    const FASTEST: f64 = 2.0 / 3.0;
    const SLOWEST: f64 = 2.0 / 31.0;

    pub fn new(period: usize) -> Self {
        Kama {
            period,
            window: Ring::new(period + 1),
            volatility: 0.0,
            trailing: 0.0,
            value: 0.0,
        }
    }
}

impl Kama {
    #[cold]
    fn exact_volatility(&self) -> f64 {
        let mut sum = 0.0;
        for i in 1..self.window.len() {
            sum += (self.window.get(i - 1) - self.window.get(i)).abs();
        }
        sum
    }
}

impl Smoother for Kama {
    #[inline]
    fn update(&mut self, x: f64) -> Option<f64> {
        let n = self.period;
        let seen = self.window.len();
        if seen < n {
            if seen > 0 {
                self.volatility += (self.window.back(0) - x).abs();
            }
            self.window.push(x);
            return None;
        }
        let previous = self.window.back(0);
        if seen == n {
            // First output: the running volatility still lacks its newest step.
            self.volatility += (previous - x).abs();
            self.window.push(x);
            self.value = previous;
        } else {
            self.window.push(x);
            let leaving = self.window.oldest();
            let before = self.volatility;
            let gone = (self.trailing - leaving).abs();
            let arrived = (x - previous).abs();
            self.volatility = before - gone + arrived;
            // A window gone (nearly) flat: re-add its steps exactly, so rounding left over from
            // larger moves cannot pass for movement (TA-Lib sees exactly zero there).
            if self.volatility < 0.000_001 * (before + gone + arrived) {
                self.volatility = self.exact_volatility();
            }
        }
        let start = self.window.oldest();
        let change = x - start;
        self.trailing = start;
        let efficiency = if self.volatility <= change {
            1.0
        } else {
            (change / self.volatility).abs()
        };
        let mut sc = efficiency * (Self::FASTEST - Self::SLOWEST) + Self::SLOWEST;
        sc *= sc;
        self.value = (x - self.value) * sc + self.value;
        Some(self.value)
    }
    fn lookback(&self) -> usize {
        self.period
    }
}
