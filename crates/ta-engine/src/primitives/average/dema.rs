//! Double exponential moving average.

use super::{Ema, Smoother};

/// Double EMA: `2·EMA - EMA(EMA)`.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Dema {
    first: Ema,
    second: Ema,
}

impl Dema {
    pub fn new(period: usize) -> Self {
        Dema {
            first: Ema::new(period),
            second: Ema::new(period),
        }
    }
}

impl Smoother for Dema {
    const FUSED: bool = true;
    #[inline(always)]
    fn update(&mut self, x: f64) -> Option<f64> {
        let e1 = self.first.update(x)?;
        let e2 = self.second.update(e1)?;
        Some(2.0 * e1 - e2)
    }
    fn lookback(&self) -> usize {
        2 * (self.first.period - 1)
    }
}
