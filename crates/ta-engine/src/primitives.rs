//! Small state machines the indicators are built from.

/// TA-Lib 0.8's `TA_EPSILON` (it was 1e-8 before 0.8). Its zero tests are relative where a
/// difference of two prices is tested (`|a - b| ≤ ε·(|a| + |b|)`) and absolute elsewhere.
pub const TA_EPSILON: f64 = 1e-14;

/// TA-Lib's `TA_IS_ZERO` as of 0.8 (`|v| < 1e-14`).
#[inline]
pub fn is_tiny(v: f64) -> bool {
    -TA_EPSILON < v && v < TA_EPSILON
}

/// TA-Lib 0.8's scale-aware zero test: `|v| ≤ ε·scale`, where `scale` is the sum of the
/// magnitudes of the operands `v` was computed from. False for NaN.
#[inline]
pub fn is_tiny_against(v: f64, scale: f64) -> bool {
    scale * TA_EPSILON >= v.abs()
}

/// TA-Lib's smoothing factor for an EMA of `period` bars.
#[inline]
pub fn ema_k(period: usize) -> f64 {
    2.0 / (period as f64 + 1.0)
}

/// The last `capacity` values seen, oldest first.
#[derive(Debug, Clone)]
pub struct Ring {
    buf: Vec<f64>,
    head: usize,
    len: usize,
}

impl Ring {
    pub fn new(capacity: usize) -> Self {
        Ring {
            buf: vec![0.0; capacity.max(1)],
            head: 0,
            len: 0,
        }
    }

    #[inline]
    pub fn capacity(&self) -> usize {
        self.buf.len()
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[inline]
    pub fn is_full(&self) -> bool {
        self.len == self.buf.len()
    }

    /// Appends `x`; returns the value pushed out when the ring was full.
    #[inline]
    pub fn push(&mut self, x: f64) -> Option<f64> {
        let cap = self.buf.len();
        if self.len < cap {
            let slot = (self.head + self.len) % cap;
            self.buf[slot] = x;
            self.len += 1;
            None
        } else {
            let old = std::mem::replace(&mut self.buf[self.head], x);
            self.head += 1;
            if self.head == cap {
                self.head = 0;
            }
            Some(old)
        }
    }

    /// The `i`-th oldest value (0 = oldest).
    #[inline]
    pub fn get(&self, i: usize) -> f64 {
        debug_assert!(i < self.len);
        let cap = self.buf.len();
        let mut at = self.head + i;
        if at >= cap {
            at -= cap;
        }
        self.buf[at]
    }

    /// The `i`-th newest value (0 = newest).
    #[inline]
    pub fn back(&self, i: usize) -> f64 {
        self.get(self.len - 1 - i)
    }

    #[inline]
    pub fn oldest(&self) -> f64 {
        self.get(0)
    }

    /// The values as two contiguous runs, oldest first.
    #[inline]
    pub fn as_slices(&self) -> (&[f64], &[f64]) {
        if self.len < self.buf.len() {
            // Until the ring is full nothing wraps: values sit at 0..len.
            (&self.buf[..self.len], &[])
        } else {
            let (newer, older) = self.buf.split_at(self.head);
            (older, newer)
        }
    }

    /// Values oldest first.
    #[inline]
    pub fn iter(&self) -> impl Iterator<Item = f64> + '_ {
        let (older, newer) = self.as_slices();
        older.iter().chain(newer).copied()
    }
}

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
    #[inline]
    fn at_least(newer: f64, older: f64) -> bool {
        if HIGHEST {
            newer >= older
        } else {
            newer <= older
        }
    }

    /// Adds `x`; true once `period` values have been seen.
    #[inline]
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
    #[inline]
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
    #[inline]
    pub fn value(&self) -> f64 {
        self.best.0
    }

    /// Bars since the extreme (0 = the newest bar).
    #[inline]
    pub fn age(&self) -> usize {
        self.seen - 1 - self.best.1
    }
}

/// Highest of the last `period` values.
pub type Highest = RunningExtreme<true>;
/// Lowest of the last `period` values.
pub type Lowest = RunningExtreme<false>;

/// Running sums are rebuilt from the window at least every `RESEED_WINDOWS × period` bars
/// (TA-Lib's interval).
pub const RESEED_WINDOWS: usize = 32;

/// Population variance of the last `period` values, TA-Lib 0.8.1's cancellation-free form: the
/// running sums hold deviations from a shift (first the first value, later the window mean), and
/// are rebuilt from the window with a fresh shift when the variance has shrunk below 1e-6 of the
/// mean squared deviation, when the value just removed dwarfs the remaining sum of squares, or at
/// least every 32 windows. The result is never negative: a rebuilt variance under 1e-12 of its
/// scale is 0.
#[derive(Debug, Clone)]
pub struct ShiftedVar {
    period: usize,
    inv_period: f64,
    window: Ring,
    shift: f64,
    total1: f64,
    total2: f64,
    bars_since_reseed: usize,
}

impl ShiftedVar {
    pub fn new(period: usize) -> Self {
        ShiftedVar {
            period,
            inv_period: 1.0 / period as f64,
            window: Ring::new(period),
            shift: 0.0,
            total1: 0.0,
            total2: 0.0,
            bars_since_reseed: RESEED_WINDOWS * period,
        }
    }

    pub fn lookback(&self) -> usize {
        self.period - 1
    }

    /// Adds a deviation from the shift to the running sums.
    #[inline]
    fn add(&mut self, x: f64) {
        let d = x - self.shift;
        self.total1 += d;
        self.total2 += d * d;
    }

    /// Takes a value out of the running sums; returns its squared deviation.
    #[inline]
    fn remove(&mut self, x: f64) -> f64 {
        let d = x - self.shift;
        self.total1 -= d;
        let sq = d * d;
        self.total2 -= sq;
        sq
    }

    #[inline]
    fn variance(&self) -> f64 {
        let mean = self.total1 * self.inv_period;
        self.total2 * self.inv_period - mean * mean
    }

    /// Re-anchors the shift on the window mean and rebuilds the sums; returns the variance.
    fn reseed(&mut self) -> f64 {
        self.bars_since_reseed = RESEED_WINDOWS * self.period;
        let mut sum = 0.0;
        for v in self.window.iter() {
            sum += v;
        }
        self.shift = sum * self.inv_period;
        self.total1 = 0.0;
        self.total2 = 0.0;
        for i in 0..self.window.len() {
            self.add(self.window.get(i));
        }
        let mut variance = self.variance();
        if variance < 0.000_000_000_001 * (self.total2 * self.inv_period) {
            variance = 0.0;
        }
        self.remove(self.window.oldest());
        variance
    }

    #[inline]
    pub fn update(&mut self, x: f64) -> Option<f64> {
        if self.window.is_empty() {
            self.shift = x;
        }
        self.window.push(x);
        self.add(x);
        if !self.window.is_full() {
            return None;
        }
        let variance = self.variance();
        // Take the oldest value out now: the sums then hold the `period - 1` values that stay.
        let leaving_sq = self.remove(self.window.oldest());
        self.bars_since_reseed -= 1;
        if variance < 0.000_001 * (self.total2 * self.inv_period)
            || leaving_sq > 1_000_000.0 * self.total2
            || self.bars_since_reseed == 0
        {
            return Some(self.reseed());
        }
        Some(variance)
    }
}
