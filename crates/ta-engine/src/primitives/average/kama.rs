//! Kaufman adaptive moving average.

use super::Smoother;
use crate::primitives::Ring;

/// Kaufman adaptive moving average (fast 2, slow 30), TA-Lib 0.8.1's arithmetic: the
/// volatility (sum of the last `period` absolute one-bar changes) is a running sum, except
/// that once `period` consecutive changes are exactly zero the window is flat and the sum is
/// reset to exactly 0 (so rounding left over from earlier moves cannot pass for movement);
/// the efficiency ratio is 1 when the sum is not positive or the change reaches it, and is
/// capped at 1; both multiply-adds are fused, as in TA-Lib's build.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Kama {
    period: usize,
    /// The last `period + 1` values.
    window: Ring,
    volatility: f64,
    /// Consecutive one-bar changes that were exactly zero (at most `period`).
    flat_steps: usize,
    /// The value whose change left the volatility sum last.
    trailing: f64,
    value: f64,
}

impl Kama {
    const SLOWEST: f64 = 2.0 / (30.0 + 1.0);
    const SPREAD: f64 = 2.0 / (2.0 + 1.0) - Self::SLOWEST;

    pub fn new(period: usize) -> Self {
        Kama {
            period,
            window: Ring::new(period + 1),
            volatility: 0.0,
            flat_steps: 0,
            trailing: 0.0,
            value: 0.0,
        }
    }

    #[inline(always)]
    fn efficiency(change: f64, volatility: f64) -> f64 {
        if 0.0 >= volatility || change >= volatility {
            1.0
        } else {
            (change / volatility).abs().min(1.0)
        }
    }

    #[inline(always)]
    fn smooth(&mut self, efficiency: f64, x: f64) -> f64 {
        let mut sc = efficiency.mul_add(Self::SPREAD, Self::SLOWEST);
        sc *= sc;
        self.value = sc.mul_add(x - self.value, self.value);
        self.value
    }

    #[inline(always)]
    fn count_flat(&mut self, step: f64) {
        self.flat_steps = if step == 0.0 { self.flat_steps + 1 } else { 0 };
    }
}

impl Smoother for Kama {
    const FUSED: bool = true;
    #[inline(always)]
    fn update(&mut self, x: f64) -> Option<f64> {
        let n = self.period;
        let seen = self.window.len();
        if seen < n {
            if seen > 0 {
                let step = self.window.back(0) - x;
                self.volatility += step.abs();
                self.count_flat(step);
            }
            self.window.push(x);
            return None;
        }
        let previous = self.window.back(0);
        self.window.push(x);
        let start = self.window.oldest();
        let step = x - previous;
        if seen == n {
            // First output: the seed sum still lacks its newest change; the previous value
            // stands in for the previous average.
            self.volatility += step.abs();
            self.count_flat(step);
            self.value = previous;
            self.trailing = start;
            return Some(self.smooth(Self::efficiency(x - start, self.volatility), x));
        }
        if step == 0.0 {
            self.flat_steps += 1;
            if self.flat_steps >= n {
                self.flat_steps = n;
                self.volatility = 0.0;
                self.trailing = start;
                return Some(self.smooth(1.0, x));
            }
        } else {
            self.flat_steps = 0;
        }
        self.volatility -= (self.trailing - start).abs();
        self.volatility += step.abs();
        self.trailing = start;
        Some(self.smooth(Self::efficiency(x - start, self.volatility), x))
    }
    fn lookback(&self) -> usize {
        self.period
    }
}
