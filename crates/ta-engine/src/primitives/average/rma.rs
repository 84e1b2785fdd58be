//! Wilder's smoothed moving average (RMA).

use super::Smoother;

/// Wilder's moving average, seeded with the simple mean of its first `period` values, then
/// `RMA = fma(RMA, β, α·x)` with `β = (period - 1)/period` and `α = 1 - β`: TA-Lib 0.8.1's
/// fused step (the one its ATR uses too).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Rma {
    period: usize,
    alpha: f64,
    beta: f64,
    seen: usize,
    value: f64,
}

impl Rma {
    pub fn new(period: usize) -> Self {
        let beta = (period - 1) as f64 / period as f64;
        Rma {
            period,
            alpha: 1.0 - beta,
            beta,
            seen: 0,
            value: 0.0,
        }
    }
}

impl Smoother for Rma {
    const FUSED: bool = true;
    #[inline(always)]
    fn update(&mut self, x: f64) -> Option<f64> {
        if self.seen >= self.period {
            self.value = self.value.mul_add(self.beta, self.alpha * x);
            return Some(self.value);
        }
        self.seen += 1;
        self.value += x;
        (self.seen == self.period).then(|| {
            self.value /= self.period as f64;
            self.value
        })
    }
    fn lookback(&self) -> usize {
        self.period - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_with_the_mean_then_smooths_by_one_over_period() {
        let mut r = Rma::new(2);
        assert_eq!(r.update(1.0), None);
        assert_eq!(r.update(3.0), Some(2.0));
        assert_eq!(r.update(4.0), Some(3.0)); // 2 · ½ + 4 · ½
        assert_eq!(r.lookback(), 1);
    }
}
