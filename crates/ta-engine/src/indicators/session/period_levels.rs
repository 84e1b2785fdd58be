//! The open, high, low and close of anchor periods, as they build up.

use super::PendingAnchor;

/// The running open, high, low and close of the current anchor period, and those of the last
/// completed one (once a period has completed).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct PeriodLevels {
    /// The current period's open, high, low, close; `None` before the first bar.
    current: Option<[f64; 4]>,
    /// The last completed period's open, high, low, close.
    previous: Option<[f64; 4]>,
    /// An anchor that fell on skipped bars, for the next complete bar.
    #[serde(default)]
    anchor: PendingAnchor,
}

impl PeriodLevels {
    /// Takes one bar; true when it started a new period (the series' first bar included).
    #[inline(always)]
    pub fn push(&mut self, open: f64, high: f64, low: f64, close: f64, reset: f64) -> bool {
        let starts = self.anchor.starts(reset);
        match &mut self.current {
            Some(ohlc) if !starts => {
                ohlc[1] = ohlc[1].max(high);
                ohlc[2] = ohlc[2].min(low);
                ohlc[3] = close;
                false
            }
            slot => {
                // A new period: the one before it is complete.
                self.previous = slot.replace([open, high, low, close]);
                true
            }
        }
    }

    /// Sees a skipped bar's reset input (see [`PendingAnchor`]).
    #[inline(always)]
    pub fn skip(&mut self, reset: f64) {
        self.anchor.keep(reset);
    }

    /// The last completed period's open, high, low and close.
    #[inline(always)]
    pub fn previous(&self) -> Option<[f64; 4]> {
        self.previous
    }

    /// The current period's open (its first bar's).
    #[inline(always)]
    pub fn open(&self) -> Option<f64> {
        self.current.map(|[open, ..]| open)
    }
}
