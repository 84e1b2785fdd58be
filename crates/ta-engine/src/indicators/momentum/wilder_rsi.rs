//! The RSI arithmetic of the functions TA-Lib 0.8.3 added (DOSC, CRSI).

/// Wilder's RSI as TA-Lib 0.8.3 writes it inside its newer functions: gains and losses are
/// summed over the first `period` changes and scaled by `1/period`, then smoothed as
/// `(avg·(n-1) + change)·(1/n)`; a window without movement reads 50.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "WilderRsiFields")]
pub(super) struct WilderRsi {
    period: usize,
    inv_period: f64,
    changes: usize,
    prev: Option<f64>,
    gain: f64,
    loss: f64,
}

/// A Wilder RSI as a snapshot holds it, before its counters are checked.
#[derive(serde::Deserialize)]
struct WilderRsiFields {
    period: usize,
    inv_period: f64,
    changes: usize,
    prev: Option<f64>,
    gain: f64,
    loss: f64,
}

impl TryFrom<WilderRsiFields> for WilderRsi {
    type Error = String;

    fn try_from(f: WilderRsiFields) -> Result<Self, String> {
        // A period of at least one (the smoothing keeps `period - 1` parts), which its
        // reciprocal confirms; changes are counted up to it, from the second value on.
        if f.period == 0
            || f.inv_period.to_bits() != (1.0 / f.period as f64).to_bits()
            || f.changes > f.period
            || (f.prev.is_none() && f.changes > 0)
        {
            return Err(crate::execution::checks::inconsistent("rsi"));
        }
        Ok(WilderRsi {
            period: f.period,
            inv_period: f.inv_period,
            changes: f.changes,
            prev: f.prev,
            gain: f.gain,
            loss: f.loss,
        })
    }
}

impl WilderRsi {
    pub(super) fn new(period: usize) -> Self {
        WilderRsi {
            period,
            inv_period: 1.0 / period as f64,
            changes: 0,
            prev: None,
            gain: 0.0,
            loss: 0.0,
        }
    }

    /// Values consumed before the first RSI.
    pub(super) fn lookback(&self) -> usize {
        self.period
    }

    #[inline(always)]
    pub(super) fn update(&mut self, x: f64) -> Option<f64> {
        let prev = self.prev.replace(x)?;
        let change = x - prev;
        let up = if change > 0.0 { change } else { 0.0 };
        if self.changes >= self.period {
            let keep = (self.period - 1) as f64;
            self.loss *= keep;
            self.gain *= keep;
        }
        self.gain += up;
        self.loss += up - change;
        if self.changes < self.period {
            self.changes += 1;
            if self.changes < self.period {
                return None;
            }
        }
        self.loss *= self.inv_period;
        self.gain *= self.inv_period;
        let total = self.gain + self.loss;
        Some(if total > 0.0 {
            100.0 * (self.gain / total)
        } else {
            50.0
        })
    }
}
