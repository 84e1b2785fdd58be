//! Triple exponential moving average.

use super::{Ema, Smoother};

/// Triple EMA: `3·EMA - 3·EMA² + EMA³`.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Tema {
    first: Ema,
    second: Ema,
    third: Ema,
}

impl Tema {
    pub fn new(period: usize) -> Self {
        Tema {
            first: Ema::new(period),
            second: Ema::new(period),
            third: Ema::new(period),
        }
    }
}

impl Smoother for Tema {
    const FUSED: bool = true;
    #[inline(always)]
    fn update(&mut self, x: f64) -> Option<f64> {
        let e1 = self.first.update(x)?;
        let e2 = self.second.update(e1)?;
        let e3 = self.third.update(e2)?;
        Some(e3 + ((3.0 * e1) - (3.0 * e2)))
    }
    fn lookback(&self) -> usize {
        3 * (self.first.period - 1)
    }
}
