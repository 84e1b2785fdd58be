//! Highest or lowest value of a sliding window in O(1) per bar.

/// Highest (`HIGHEST = true`) or lowest of the last `period` values and the bar it was seen
/// on, ties going to the most recent bar (as in TA-Lib's AROON).
///
/// Streaming van Herk/Gil-Werman: bars are grouped in blocks of `period`. The window ending
/// inside a block is the tail of the previous block, whose suffix extremes were computed when
/// it completed, plus the head of the current one, whose running extreme is kept. Each bar
/// costs O(1) with one O(period) pass per block, and no data-dependent loop.
#[derive(Debug, Clone)]
pub struct RunningExtreme<const HIGHEST: bool> {
    period: usize,
    /// Values of the current block.
    block: Vec<f64>,
    /// Extreme and its bar over `previous block[i..]`.
    suffix: Vec<(f64, usize)>,
    /// Extreme and its bar over the current block so far.
    prefix: (f64, usize),
    /// Extreme and its bar over the window.
    best: (f64, usize),
    /// Bars pushed so far.
    seen: usize,
    /// Position of the next bar in its block.
    at: usize,
}

impl<const HIGHEST: bool> RunningExtreme<HIGHEST> {
    pub fn new(period: usize) -> Self {
        RunningExtreme {
            period,
            block: vec![0.0; period],
            suffix: vec![(0.0, 0); period],
            prefix: (0.0, 0),
            best: (0.0, 0),
            seen: 0,
            at: 0,
        }
    }

    /// True when `newer` is at least as extreme as `older` (so a tie goes to `newer`).
    #[inline(always)]
    fn at_least(newer: f64, older: f64) -> bool {
        if HIGHEST {
            newer >= older
        } else {
            newer <= older
        }
    }

    /// Adds `x`; true once `period` values have been seen.
    #[inline(always)]
    pub fn push(&mut self, x: f64) -> bool {
        let now = self.seen;
        self.seen += 1;
        let at = self.at;
        self.at = if at + 1 == self.period { 0 } else { at + 1 };
        self.block[at] = x;
        // Selects rather than branches: which side wins is a coin flip on real data.
        let take = (at == 0) | Self::at_least(x, self.prefix.0);
        self.prefix.0 = if take { x } else { self.prefix.0 };
        self.prefix.1 = if take { now } else { self.prefix.1 };
        if at + 1 == self.period {
            self.close_block(now);
        } else if now >= self.period {
            let older = self.suffix[at + 1];
            let newer_wins = Self::at_least(self.prefix.0, older.0);
            self.best.0 = if newer_wins { self.prefix.0 } else { older.0 };
            self.best.1 = if newer_wins { self.prefix.1 } else { older.1 };
        }
        self.seen >= self.period
    }

    /// The block ending on bar `now` is the window; keep its suffix extremes for the
    /// windows that end inside the next block.
    #[inline(always)]
    fn close_block(&mut self, now: usize) {
        self.best = self.prefix;
        let last = self.period - 1;
        let mut tail = (self.block[last], now);
        self.suffix[last] = tail;
        for i in (0..last).rev() {
            let v = self.block[i];
            let older_wins = !Self::at_least(tail.0, v);
            tail.0 = if older_wins { v } else { tail.0 };
            tail.1 = if older_wins { now - last + i } else { tail.1 };
            self.suffix[i] = tail;
        }
    }

    /// Window length.
    pub fn period(&self) -> usize {
        self.period
    }

    /// The extreme of the window.
    #[inline(always)]
    pub fn value(&self) -> f64 {
        self.best.0
    }

    /// Bars since the extreme (0 = the newest bar).
    #[inline(always)]
    pub fn age(&self) -> usize {
        self.seen - 1 - self.best.1
    }
}

/// Highest of the last `period` values.
pub type Highest = RunningExtreme<true>;

/// Lowest of the last `period` values.
pub type Lowest = RunningExtreme<false>;
