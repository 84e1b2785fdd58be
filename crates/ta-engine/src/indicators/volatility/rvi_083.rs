//! One leg of TA-Lib 0.8.3's relative volatility index (its RVI over one series).

use crate::primitives::peak_variance::PeakVar;

/// Relative volatility index of one series as TA-Lib 0.8.3's RVI computes it: the population
/// standard deviation of the last `stddev_period` values ([`PeakVar`]), credited to the up leg
/// on a rising bar and to the down leg on a falling one; each leg is seeded with the mean of
/// its first `period` credits and then Wilder-smoothed (fused, as TA-Lib). The value is
/// 100 × up / (up + down), 50 when both legs are 0.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct Rvi083 {
    variance: PeakVar,
    prev: Option<f64>,
    period: usize,
    seen: usize,
    up: f64,
    down: f64,
    beta: f64,
    alpha: f64,
}

impl Rvi083 {
    pub(crate) fn new(period: usize, stddev_period: usize) -> Self {
        let beta = (period - 1) as f64 / period as f64;
        Rvi083 {
            variance: PeakVar::new(stddev_period),
            prev: None,
            period,
            seen: 0,
            up: 0.0,
            down: 0.0,
            beta,
            alpha: 1.0 - beta,
        }
    }

    pub(crate) fn lookback(&self) -> usize {
        self.variance.lookback() + self.period - 1
    }

    #[inline(always)]
    pub(crate) fn update(&mut self, x: f64) -> Option<f64> {
        let prev = self.prev.replace(x);
        let sigma = self.variance.update(x)?.sqrt();
        // The variance needs at least two values, so a previous value exists here.
        let delta = x - prev.unwrap_or(x);
        let (up, down) = if delta > 0.0 {
            (sigma, 0.0)
        } else if delta < 0.0 {
            (0.0, sigma)
        } else {
            (0.0, 0.0)
        };
        if self.seen < self.period {
            self.seen += 1;
            self.up += up;
            self.down += down;
            if self.seen < self.period {
                return None;
            }
            self.up /= self.period as f64;
            self.down /= self.period as f64;
        } else {
            self.up = self.beta.mul_add(self.up, self.alpha * up);
            self.down = self.beta.mul_add(self.down, self.alpha * down);
        }
        let total = self.up + self.down;
        Some(if total == 0.0 {
            50.0
        } else {
            100.0 * (self.up / total)
        })
    }
}
