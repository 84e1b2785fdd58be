//! Hull moving average (HMA).

use super::{Aligned, Smoother, Wma};

/// Hull moving average: the WMA over `⌊√period⌋` bars of `2·WMA(period/2) - WMA(period)`.
/// TA-Lib 0.8.1 starts the half-period WMA on the full one's first output (so their rebuild
/// schedules coincide); a one-bar WMA is the value itself.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Hma {
    full: Wma,
    /// `None` for a half period of 1.
    half: Option<Aligned<Wma>>,
    /// `None` for a root period of 1.
    root: Option<Wma>,
    lookback: usize,
}

impl Hma {
    pub fn new(period: usize) -> Self {
        let half = period / 2;
        let root = (period as f64).sqrt() as usize;
        Hma {
            full: Wma::new(period),
            half: (half > 1).then(|| Aligned::new(Wma::new(half), period - 1)),
            root: (root > 1).then(|| Wma::new(root)),
            lookback: period - 1 + root - 1,
        }
    }
}

impl Smoother for Hma {
    #[inline(always)]
    fn update(&mut self, x: f64) -> Option<f64> {
        let half = match &mut self.half {
            Some(h) => h.update(x),
            None => Some(x),
        };
        let full = self.full.update(x)?;
        let diff = 2.0 * half? - full;
        match &mut self.root {
            Some(r) => r.update(diff),
            None => Some(diff),
        }
    }
    fn lookback(&self) -> usize {
        self.lookback
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_periods_skip_the_trivial_averages() {
        // Period 3: half and root are one bar, so HMA = 2·x - WMA(3).
        let mut h = Hma::new(3);
        let out: Vec<_> = [1.0, 2.0, 3.0, 5.0].map(|x| h.update(x)).to_vec();
        assert_eq!(out[..2], [None, None]);
        assert_eq!(out[2], Some(6.0 - 14.0 / 6.0));
        assert_eq!(h.lookback(), 2);
        assert_eq!(Hma::new(20).lookback(), 22);
    }
}
