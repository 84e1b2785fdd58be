//! Wilder's average gain and loss, shared by RSI, CMO and STOCHRSI.

/// How [`WilderChanges`] divides by the period. TA-Lib 0.8's RSI multiplies by the
/// reciprocal; its CMO divides. The two differ in the last bit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) enum Scaling {
    Divide,
    Reciprocal,
}

/// Wilder-smoothed average gain and average loss of one-bar changes (RSI, CMO, STOCHRSI).
///
/// The first `period` changes are summed and scaled by `1 / period`; after that each average
/// becomes `(previous · (period - 1) + today) / period`, in that order.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct WilderChanges {
    period: usize,
    scaling: Scaling,
    reciprocal: f64,
    /// Changes folded in so far (saturates at `period`).
    changes: usize,
    started: bool,
    previous: f64,
    gain: f64,
    loss: f64,
}

impl WilderChanges {
    pub(crate) fn new(period: usize, scaling: Scaling) -> Self {
        WilderChanges {
            period,
            scaling,
            reciprocal: 1.0 / period as f64,
            changes: 0,
            started: false,
            previous: 0.0,
            gain: 0.0,
            loss: 0.0,
        }
    }

    /// Values consumed before the first average: one bar per change plus the first price.
    pub(crate) fn lookback(&self) -> usize {
        self.period
    }

    /// Adds one change to the gain or the loss side.
    #[inline(always)]
    fn add(&mut self, change: f64) {
        // Branch-free, as TA-Lib 0.8's RSI: the gain side gets `max(change, 0)` and the loss
        // side `max(change, 0) - change`; one of the two is an exact zero.
        let up = if change > 0.0 { change } else { 0.0 };
        self.gain += up;
        self.loss += up - change;
    }

    #[inline(always)]
    fn scale(&mut self) {
        match self.scaling {
            Scaling::Divide => {
                let n = self.period as f64;
                self.loss /= n;
                self.gain /= n;
            }
            Scaling::Reciprocal => {
                self.loss *= self.reciprocal;
                self.gain *= self.reciprocal;
            }
        }
    }

    /// `(average gain, average loss)` once `period` changes have been seen.
    #[inline(always)]
    pub(crate) fn update(&mut self, x: f64) -> Option<(f64, f64)> {
        if !self.started {
            self.started = true;
            self.previous = x;
            return None;
        }
        let change = x - self.previous;
        self.previous = x;
        if self.changes == self.period {
            let keep = (self.period - 1) as f64;
            self.loss *= keep;
            self.gain *= keep;
            self.add(change);
            self.scale();
            return Some((self.gain, self.loss));
        }
        self.add(change);
        self.changes += 1;
        if self.changes < self.period {
            return None;
        }
        self.scale();
        Some((self.gain, self.loss))
    }
}

/// RSI from Wilder's averages: `100 · gain / (gain + loss)`, zero when both are zero.
#[inline(always)]
pub(crate) fn rsi_value(gain: f64, loss: f64) -> f64 {
    let total = loss + gain;
    if total > 0.0 {
        (gain / total) * 100.0
    } else {
        0.0
    }
}
