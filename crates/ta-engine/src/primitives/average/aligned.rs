//! A smoother whose first output is delayed to a given bar.

use super::Smoother;

/// Delays a smoother's first input so that its first output lands on bar `align_to`
/// (TA-Lib starts each MA of MACD/APO/PPO at `slow lookback - own lookback`).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Aligned<S> {
    pub inner: S,
    skip: usize,
}

impl<S: Smoother> Aligned<S> {
    pub fn new(inner: S, align_to: usize) -> Self {
        let skip = align_to - inner.lookback();
        Aligned { inner, skip }
    }

    #[inline(always)]
    pub fn update(&mut self, x: f64) -> Option<f64> {
        if self.skip > 0 {
            self.skip -= 1;
            return None;
        }
        self.inner.update(x)
    }
}
