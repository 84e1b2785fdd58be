//! Small state machines the indicators are built from.

/// TA-Lib's `TA_IS_ZERO`: values this close to zero are treated as zero.
#[inline]
pub fn is_zero(v: f64) -> bool {
    -0.000_000_01 < v && v < 0.000_000_01
}

/// TA-Lib's `TA_IS_ZERO_OR_NEG`.
#[inline]
pub fn is_zero_or_neg(v: f64) -> bool {
    v < 0.000_000_01
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
        Ring { buf: vec![0.0; capacity.max(1)], head: 0, len: 0 }
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

    /// Values oldest first.
    pub fn iter(&self) -> impl Iterator<Item = f64> + '_ {
        (0..self.len).map(move |i| self.get(i))
    }
}

/// Highest and lowest of the last `period` values, with the index of each (ties go to the
/// most recent bar, as in TA-Lib's AROON). Rescans only when an extreme leaves the window.
#[derive(Debug, Clone)]
pub struct Extremes {
    window: Ring,
    seen: usize,
    max_at: usize,
    min_at: usize,
    max: f64,
    min: f64,
}

impl Extremes {
    pub fn new(period: usize) -> Self {
        Extremes { window: Ring::new(period), seen: 0, max_at: 0, min_at: 0, max: f64::NAN, min: f64::NAN }
    }

    /// Adds `x`; true once the window is full.
    #[inline]
    pub fn push(&mut self, x: f64) -> bool {
        self.window.push(x);
        let now = self.seen;
        self.seen += 1;
        let first = now + 1 - self.window.len(); // index of the oldest bar in the window
        if now == 0 || self.max_at < first {
            self.rescan_max(first);
        } else if x >= self.max {
            self.max = x;
            self.max_at = now;
        }
        if now == 0 || self.min_at < first {
            self.rescan_min(first);
        } else if x <= self.min {
            self.min = x;
            self.min_at = now;
        }
        self.window.is_full()
    }

    fn rescan_max(&mut self, first: usize) {
        self.max = self.window.get(0);
        self.max_at = first;
        for i in 1..self.window.len() {
            let v = self.window.get(i);
            if v >= self.max {
                self.max = v;
                self.max_at = first + i;
            }
        }
    }

    fn rescan_min(&mut self, first: usize) {
        self.min = self.window.get(0);
        self.min_at = first;
        for i in 1..self.window.len() {
            let v = self.window.get(i);
            if v <= self.min {
                self.min = v;
                self.min_at = first + i;
            }
        }
    }

    /// Window length.
    pub fn period(&self) -> usize {
        self.window.capacity()
    }

    #[inline]
    pub fn max(&self) -> f64 {
        self.max
    }

    #[inline]
    pub fn min(&self) -> f64 {
        self.min
    }

    /// Bars since the highest value (0 = the newest bar).
    #[inline]
    pub fn bars_since_max(&self) -> usize {
        self.seen - 1 - self.max_at
    }

    #[inline]
    pub fn bars_since_min(&self) -> usize {
        self.seen - 1 - self.min_at
    }
}

/// Population variance of the last `period` values in amortised O(1), numerically stable.
///
/// Plain running sums of `x` and `x²` (TA-Lib before 0.8) lose every digit on prices near 1e8
/// with small moves; TA-Lib 0.8 is stable there and so are we. Each bar updates the mean and
/// the sum of squared deviations with Welford's sliding form; the window is recomputed exactly
/// (two passes) once every `period` bars, so rounding cannot drift, and whenever an update
/// cancels most of the previous value, so a variance collapsing towards zero stays accurate.
#[derive(Debug, Clone)]
pub struct RollingVar {
    period: usize,
    window: Ring,
    mean: f64,
    /// Sum of squared deviations from `mean`.
    m2: f64,
    since_exact: usize,
}

impl RollingVar {
    pub fn new(period: usize) -> Self {
        RollingVar { period, window: Ring::new(period), mean: 0.0, m2: 0.0, since_exact: 0 }
    }

    #[inline]
    pub fn update(&mut self, x: f64) -> Option<f64> {
        match self.window.push(x) {
            None => {
                let count = self.window.len() as f64;
                let delta = x - self.mean;
                self.mean += delta / count;
                self.m2 += delta * (x - self.mean);
            }
            Some(old) => {
                let old_mean = self.mean;
                let old_m2 = self.m2;
                self.mean = old_mean + (x - old) / self.period as f64;
                let change = (x - old) * ((x - self.mean) + (old - old_mean));
                self.m2 = old_m2 + change;
                self.since_exact += 1;
                if self.since_exact >= self.period || self.m2 < 0.01 * (old_m2.abs() + change.abs()) {
                    self.recompute();
                }
            }
        }
        self.window.is_full().then(|| self.m2 / self.period as f64)
    }

    #[cold]
    fn recompute(&mut self) {
        let n = self.window.len() as f64;
        let mean = self.window.iter().sum::<f64>() / n;
        self.m2 = self.window.iter().map(|v| (v - mean) * (v - mean)).sum();
        self.mean = mean;
        self.since_exact = 0;
    }

    /// Mean of the current window.
    #[inline]
    pub fn mean(&self) -> f64 {
        self.mean
    }

    pub fn lookback(&self) -> usize {
        self.period - 1
    }
}

/// Standard deviation from a variance; zero when rounding left the variance at or below zero.
#[inline]
pub fn guarded_sqrt(variance: f64) -> f64 {
    if variance > 0.0 {
        variance.sqrt()
    } else {
        0.0
    }
}
