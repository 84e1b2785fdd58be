//! The three MACD lines, shared by MACD, MACDEXT and MACDFIX.

use crate::primitives::average::{Aligned, Smoother};

/// The three MACD lines from a fast and a slow average of the price and a signal average of
/// their difference. Both price averages start so that their first values land on the same
/// bar (the later of the two), as TA-Lib computes them over the same output range.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct MacdLines<S> {
    fast: Aligned<S>,
    slow: Aligned<S>,
    signal: S,
    pub(crate) lookback: usize,
}

impl<S: Smoother> MacdLines<S> {
    pub(crate) fn new(fast: S, slow: S, signal: S) -> Self {
        let longest = fast.lookback().max(slow.lookback());
        let lookback = longest + signal.lookback();
        MacdLines {
            fast: Aligned::new(fast, longest),
            slow: Aligned::new(slow, longest),
            signal,
            lookback,
        }
    }

    /// Writes `(macd, signal, hist)` once the signal exists; all three are withheld until then.
    #[inline(always)]
    pub(crate) fn step(&mut self, x: f64, out: &mut [f64]) -> bool {
        let fast = self.fast.update(x);
        let slow = self.slow.update(x);
        let (Some(fast), Some(slow)) = (fast, slow) else {
            return false;
        };
        let macd = fast - slow;
        let Some(signal) = self.signal.update(macd) else {
            return false;
        };
        out[0] = macd;
        out[1] = signal;
        out[2] = macd - signal;
        true
    }
}
