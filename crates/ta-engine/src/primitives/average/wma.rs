//! Weighted moving average.

use super::Smoother;
use crate::primitives::Ring;

/// Weighted moving average (weights 1..=period, newest heaviest), TA-Lib 0.8.1's arithmetic:
/// a running weighted sum and plain sum, both rebuilt from the window (weights 1..=n, oldest
/// first) on every `8 × period`-th output so rounding cannot drift.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "WmaFields")]
pub struct Wma {
    period: usize,
    /// The last `period` values.
    window: Ring,
    weighted_sum: f64,
    plain_sum: f64,
    /// The value that leaves the plain sum next.
    trailing: f64,
    /// Outputs until the next rebuild.
    countdown: usize,
    divider: f64,
}

/// A WMA as a snapshot holds it, before its period and countdown are checked.
#[derive(serde::Deserialize)]
struct WmaFields {
    period: usize,
    window: Ring,
    weighted_sum: f64,
    plain_sum: f64,
    trailing: f64,
    countdown: usize,
    divider: f64,
}

impl TryFrom<WmaFields> for Wma {
    type Error = String;

    fn try_from(f: WmaFields) -> Result<Self, String> {
        // The period is the window's length (the divider `new`'s), and the countdown within
        // its run.
        if f.period != f.window.capacity()
            || f.divider.to_bits() != Wma::new(f.period).divider.to_bits()
            || !crate::execution::checks::countdown(
                f.countdown,
                Self::REBUILD_WINDOWS.saturating_mul(f.period),
            )
        {
            return Err(crate::execution::checks::inconsistent("wma"));
        }
        Ok(Wma {
            period: f.period,
            window: f.window,
            weighted_sum: f.weighted_sum,
            plain_sum: f.plain_sum,
            trailing: f.trailing,
            countdown: f.countdown,
            divider: f.divider,
        })
    }
}

impl Wma {
    pub fn new(period: usize) -> Self {
        Wma {
            period,
            window: Ring::new(period),
            weighted_sum: 0.0,
            plain_sum: 0.0,
            trailing: 0.0,
            countdown: Self::REBUILD_WINDOWS * period,
            divider: ((period + 1) as f64 * period as f64) * 0.5,
        }
    }

    const REBUILD_WINDOWS: usize = 8;

    /// The plain and weighted sums of the window alone. A free function of the window
    /// (not of `self`), so the running sums can stay in registers in the per-bar loop.
    #[cold]
    fn sums(window: &Ring) -> (f64, f64) {
        let mut plain = 0.0;
        let mut weighted = 0.0;
        for i in 0..window.len() {
            let v = window.get(i);
            plain += v;
            weighted += (i + 1) as f64 * v;
        }
        (plain, weighted)
    }
}

impl Smoother for Wma {
    #[inline(always)]
    fn update(&mut self, x: f64) -> Option<f64> {
        let n = self.period;
        self.window.push(x);
        if self.window.len() < n {
            self.plain_sum += x;
            self.weighted_sum += self.window.len() as f64 * x;
            return None;
        }
        self.countdown -= 1;
        if self.countdown == 0 {
            (self.plain_sum, self.weighted_sum) = Self::sums(&self.window);
            self.countdown = Self::REBUILD_WINDOWS * n;
        } else {
            self.plain_sum += x;
            self.plain_sum -= self.trailing;
            self.weighted_sum += x * n as f64;
        }
        let out = self.weighted_sum / self.divider;
        self.weighted_sum -= self.plain_sum;
        self.trailing = self.window.oldest();
        Some(out)
    }
    fn lookback(&self) -> usize {
        self.period - 1
    }
}
