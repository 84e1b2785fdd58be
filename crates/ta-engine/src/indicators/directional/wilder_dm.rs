//! Wilder sums of +DM, -DM and the true range, shared by the DI, DX and ADX family.

use crate::primitives::{directional_movement, is_tiny, true_range, wilder_sum, PrevBar};

/// One bar's raw movement, as seen by [`WilderDm::update`].
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
pub(crate) struct Move {
    /// Index of the bar (0 for the first).
    pub(crate) index: usize,
    pub(crate) plus: f64,
    pub(crate) minus: f64,
    pub(crate) tr: f64,
}

/// Wilder sums of +DM, -DM and the true range, TA-Lib style: bars `1..period` are summed
/// plainly, later bars update `S = S - S/period + x`. Bar 0 only seeds the previous bar.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct WilderDm {
    pub(crate) period: usize,
    /// Bars consumed so far.
    bars: usize,
    prev: PrevBar,
    plus: f64,
    minus: f64,
    tr: f64,
}

impl WilderDm {
    pub(crate) fn new(period: usize) -> Self {
        WilderDm {
            period,
            bars: 0,
            prev: PrevBar::new(),
            plus: 0.0,
            minus: 0.0,
            tr: 0.0,
        }
    }

    /// Consumes a bar and returns its raw movement (all 0 on the first bar).
    #[inline(always)]
    pub(crate) fn update(&mut self, high: f64, low: f64, close: f64) -> Move {
        let index = self.bars;
        self.bars += 1;
        let Some((prev_high, prev_low, prev_close)) = self.prev.swap(high, low, close) else {
            return Move {
                index,
                plus: 0.0,
                minus: 0.0,
                tr: 0.0,
            };
        };
        let (plus, minus) = directional_movement(prev_high, prev_low, high, low);
        let tr = true_range(high, low, prev_close);
        if index < self.period {
            self.plus += plus;
            self.minus += minus;
            self.tr += tr;
        } else {
            let n = self.period as f64;
            self.plus = wilder_sum(self.plus, n, plus);
            self.minus = wilder_sum(self.minus, n, minus);
            self.tr = wilder_sum(self.tr, n, tr);
        }
        Move {
            index,
            plus,
            minus,
            tr,
        }
    }

    /// `(+DI, -DI)`, or `None` unless the smoothed true range is positive.
    #[inline(always)]
    pub(crate) fn di(&self) -> Option<(f64, f64)> {
        if self.tr > 0.0 {
            Some((
                100.0 * (self.plus / self.tr),
                100.0 * (self.minus / self.tr),
            ))
        } else {
            None
        }
    }

    /// DX, or `None` when the true range is not positive or the two DIs sum to ~0.
    #[inline(always)]
    pub(crate) fn dx(&self) -> Option<f64> {
        let (plus_di, minus_di) = self.di()?;
        let sum = minus_di + plus_di;
        if is_tiny(sum) {
            return None;
        }
        Some(100.0 * ((minus_di - plus_di).abs() / sum))
    }
}
