//! Wilder's average true range, shared by ATR and NATR.

use crate::primitives::{true_range, PrevBar};

/// Wilder's average of the true range, seeded on bar `period` with the mean of the true ranges
/// of bars `1..=period` (bar 0 has none), then `ATR = fma(ATR, β, α·TR)` with
/// `β = (period - 1)/period` and `α = 1 - β` (TA-Lib 0.8.1's fused Wilder step). Period 1 takes
/// the same path, so it equals the true range.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
// Not `wilder_sum`: TA-Lib 0.8.1 averages the true range with a fused step, which rounds
// differently.
pub(crate) struct WilderAtr {
    pub(crate) period: usize,
    alpha: f64,
    beta: f64,
    /// True ranges seen so far.
    count: usize,
    prev: PrevBar,
    atr: f64,
}

impl WilderAtr {
    pub(crate) fn new(period: usize) -> Self {
        let beta = (period - 1) as f64 / period as f64;
        WilderAtr {
            period,
            alpha: 1.0 - beta,
            beta,
            count: 0,
            prev: PrevBar::new(),
            atr: 0.0,
        }
    }

    #[inline(always)]
    pub(crate) fn update(&mut self, high: f64, low: f64, close: f64) -> Option<f64> {
        let (_, _, prev_close) = self.prev.swap(high, low, close)?;
        let tr = true_range(high, low, prev_close);
        self.count += 1;
        if self.count <= self.period {
            self.atr += tr;
            if self.count < self.period {
                return None;
            }
            self.atr /= self.period as f64;
        } else {
            self.atr = self.atr.mul_add(self.beta, self.alpha * tr);
        }
        Some(self.atr)
    }
}
