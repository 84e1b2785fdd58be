//! The choppiness index's window, shared by CHOP and CHOPTR.

use crate::primitives::{Highest, Lowest, Ring};

/// Sum of the true ranges of the last `period` bars against the high-low box of the same
/// bars: their highs and lows (`TR_BOX = false`, CHOP) or their true highs and lows
/// (`TR_BOX = true`, CHOPTR).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(super) struct Choppiness<const TR_BOX: bool> {
    period: usize,
    log_period: f64,
    ranges: Ring,
    highs: Highest,
    lows: Lowest,
    prev_close: Option<f64>,
}

impl<const TR_BOX: bool> Choppiness<TR_BOX> {
    pub(super) fn new(period: usize) -> Self {
        Choppiness {
            period,
            log_period: (period as f64).log10(),
            ranges: Ring::new(period),
            highs: Highest::new(period),
            lows: Lowest::new(period),
            prev_close: None,
        }
    }

    pub(super) fn lookback(&self) -> usize {
        self.period
    }

    /// Consumes a bar; the index once `period` true ranges exist.
    #[inline(always)]
    pub(super) fn update(&mut self, high: f64, low: f64, close: f64) -> Option<f64> {
        let prev = self.prev_close.replace(close);
        let (box_high, box_low) = match prev {
            Some(pc) => {
                let true_high = if pc > high { pc } else { high };
                let true_low = if pc < low { pc } else { low };
                self.ranges.push(true_high - true_low);
                if TR_BOX {
                    (true_high, true_low)
                } else {
                    (high, low)
                }
            }
            None => (high, low),
        };
        self.highs.push(box_high);
        self.lows.push(box_low);
        if !self.ranges.is_full() {
            return None;
        }
        // TA-Lib 0.8.3 sums the window afresh each bar, oldest first.
        let sum: f64 = self.ranges.iter().fold(0.0, |s, r| s + r);
        let span = self.highs.value() - self.lows.value();
        Some(if (!TR_BOX && span <= 0.0) || sum <= 0.0 {
            100.0
        } else {
            100.0 * ((sum / span).log10() / self.log_period)
        })
    }
}
