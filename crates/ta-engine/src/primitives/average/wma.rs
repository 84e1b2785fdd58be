//! Weighted moving average.

use super::Smoother;
use crate::primitives::Ring;

/// Weighted moving average (weights 1..=period, newest heaviest) in TA-Lib's running form,
/// re-summed exactly once every `period` bars so rounding cannot drift over long series
/// (TA-Lib 0.8 drifts less than the plain running form).
#[derive(Debug, Clone)]
pub struct Wma {
    period: usize,
    window: Ring,
    weighted_sum: f64,
    plain_sum: f64,
    trailing: f64,
    since_exact: usize,
}

impl Wma {
    pub fn new(period: usize) -> Self {
        Wma {
            period,
            window: Ring::new(period),
            weighted_sum: 0.0,
            plain_sum: 0.0,
            trailing: 0.0,
            since_exact: 0,
        }
    }

    /// Sums for the next bar from the current window alone: weights 0..n-1 on the values
    /// after the oldest, which is what the running form holds after emitting.
    #[cold]
    fn resum(&mut self) {
        let mut weighted = 0.0;
        let mut plain = 0.0;
        for i in 1..self.window.len() {
            let v = self.window.get(i);
            weighted += v * i as f64;
            plain += v;
        }
        self.weighted_sum = weighted;
        self.plain_sum = plain + self.trailing;
        self.since_exact = 0;
    }
}

impl Smoother for Wma {
    #[inline]
    fn update(&mut self, x: f64) -> Option<f64> {
        let n = self.period;
        if self.window.len() + 1 < n {
            self.window.push(x);
            self.plain_sum += x;
            self.weighted_sum += x * self.window.len() as f64;
            return None;
        }
        self.window.push(x);
        self.plain_sum += x;
        self.plain_sum -= self.trailing;
        self.weighted_sum += x * n as f64;
        self.trailing = self.window.oldest();
        let divider = ((n * (n + 1)) >> 1) as f64;
        let out = self.weighted_sum / divider;
        self.weighted_sum -= self.plain_sum;
        self.since_exact += 1;
        if self.since_exact >= n {
            self.resum();
        }
        Some(out)
    }
    fn lookback(&self) -> usize {
        self.period - 1
    }
}
