//! Zero-lag exponential moving average (ZLEMA).

use super::{Ema, Smoother};
use crate::primitives::Ring;

/// Zero-lag EMA: an EMA (k = 2/(period+1), SMA-seeded) of `2·x - x[lag]` with
/// `lag = (period - 1) / 2`, which is how TA-Lib 0.8.1 computes it (the EMA step fused).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Zlema {
    /// The last `lag + 1` inputs; the oldest is `x[lag]` once full.
    recent: Ring,
    ema: Ema,
}

impl Zlema {
    pub fn new(period: usize) -> Self {
        Zlema {
            recent: Ring::new((period - 1) / 2 + 1),
            ema: Ema::new(period),
        }
    }
}

impl Smoother for Zlema {
    const FUSED: bool = true;
    #[inline(always)]
    fn update(&mut self, x: f64) -> Option<f64> {
        self.recent.push(x);
        if !self.recent.is_full() {
            return None;
        }
        self.ema.update(2.0 * x - self.recent.oldest())
    }
    fn lookback(&self) -> usize {
        self.recent.capacity() - 1 + self.ema.lookback()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ema_of_the_lag_corrected_series() {
        // Period 3: lag 1, k = 0.5; de-lagged series 2·x - x[1] = 3, 4, 5, 3 from bar 1.
        let mut z = Zlema::new(3);
        let out: Vec<_> = [1.0, 2.0, 3.0, 4.0, 3.5].map(|x| z.update(x)).to_vec();
        assert_eq!(out, [None, None, None, Some(4.0), Some(3.5)]);
        assert_eq!(z.lookback(), 3);
    }
}
