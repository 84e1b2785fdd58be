//! Simple moving average.

use super::Smoother;
use crate::primitives::Ring;

/// Simple moving average with TA-Lib's running sum (subtract the leaver, then add the arrival).
///
/// The same arithmetic as [`RollingSum`](crate::primitives::RollingSum), kept inline because
/// the order of loads and stores below is what keeps this hot loop in registers.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "SmaFields")]
pub struct Sma {
    period: usize,
    window: Ring,
    sum: f64,
}

/// An SMA as a snapshot holds it, before its period is checked against its window.
#[derive(serde::Deserialize)]
struct SmaFields {
    period: usize,
    window: Ring,
    sum: f64,
}

impl TryFrom<SmaFields> for Sma {
    type Error = String;

    fn try_from(f: SmaFields) -> Result<Self, String> {
        // The period is the window's length (the lookback is one less).
        if f.period != f.window.capacity() {
            return Err(crate::execution::checks::inconsistent("sma"));
        }
        Ok(Sma {
            period: f.period,
            window: f.window,
            sum: f.sum,
        })
    }
}

impl Sma {
    pub fn new(period: usize) -> Self {
        Sma {
            period,
            window: Ring::new(period),
            sum: 0.0,
        }
    }
}

impl Smoother for Sma {
    #[inline(always)]
    fn update(&mut self, x: f64) -> Option<f64> {
        // Read the state before writing the ring: a store into the ring first would make
        // the compiler reload `sum` from memory on every bar.
        let full = self.window.is_full();
        let mut sum = self.sum;
        if full {
            sum -= self.window.oldest();
        }
        sum += x;
        self.sum = sum;
        self.window.push(x);
        (full || self.window.is_full()).then(|| sum / self.period as f64)
    }
    fn lookback(&self) -> usize {
        self.period - 1
    }
}
