//! Candle measures, the bar history and TA-Lib's rolling candle averages.

use super::settings::{CandleSetting, Config, RangeType, Setting};

/// One bar's open, high, low and close.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Candle {
    pub open: f64,
    pub high: f64,
    pub low: f64,
    pub close: f64,
}

impl Candle {
    /// Real body `|close - open|` (TA_REALBODY).
    #[inline(always)]
    pub fn body(&self) -> f64 {
        (self.close - self.open).abs()
    }

    /// Upper shadow (TA_UPPERSHADOW: high minus the close of a white candle, else the open).
    #[inline(always)]
    pub fn upper(&self) -> f64 {
        self.high - self.body_top()
    }

    /// Lower shadow (TA_LOWERSHADOW: the open of a white candle, else the close, minus low).
    #[inline(always)]
    pub fn lower(&self) -> f64 {
        self.body_bottom() - self.low
    }

    /// High minus low (TA_HIGHLOWRANGE).
    #[inline(always)]
    pub fn high_low(&self) -> f64 {
        self.high - self.low
    }

    /// White (or flat): close at or above open.
    #[inline(always)]
    pub fn white(&self) -> bool {
        self.close >= self.open
    }

    /// Black: close below open.
    #[inline(always)]
    pub fn black(&self) -> bool {
        !self.white()
    }

    /// TA_CANDLECOLOR: 1 white, -1 black.
    #[inline(always)]
    pub fn color(&self) -> i32 {
        if self.white() {
            1
        } else {
            -1
        }
    }

    /// Top of the real body: the close of a white candle, else the open. Written as the
    /// select x86's `maxsd` computes (`a > b ? a : b`), so it compiles without a branch;
    /// the same value whichever way a tie goes.
    #[inline(always)]
    pub fn body_top(&self) -> f64 {
        if self.open > self.close {
            self.open
        } else {
            self.close
        }
    }

    /// Bottom of the real body: the open of a white candle, else the close (`minsd`'s
    /// select, as [`Candle::body_top`]).
    #[inline(always)]
    pub fn body_bottom(&self) -> f64 {
        if self.close < self.open {
            self.close
        } else {
            self.open
        }
    }

    /// The candle's range of type `range` (TA_CANDLERANGE).
    #[inline(always)]
    pub fn range(&self, range: RangeType) -> f64 {
        match range {
            RangeType::RealBody => self.body(),
            RangeType::HighLow => self.high_low(),
            RangeType::Shadows => self.upper() + self.lower(),
        }
    }
}

/// TA_REALBODYGAPUP: `later`'s real body entirely above `earlier`'s.
#[inline(always)]
pub(crate) fn body_gap_up(later: &Candle, earlier: &Candle) -> bool {
    later.body_bottom() > earlier.body_top()
}

/// TA_REALBODYGAPDOWN: `later`'s real body entirely below `earlier`'s.
#[inline(always)]
pub(crate) fn body_gap_down(later: &Candle, earlier: &Candle) -> bool {
    later.body_top() < earlier.body_bottom()
}

/// TA_CANDLEGAPUP: `later`'s low above `earlier`'s high.
#[inline(always)]
pub(crate) fn gap_up(later: &Candle, earlier: &Candle) -> bool {
    later.low > earlier.high
}

/// TA_CANDLEGAPDOWN: `later`'s high below `earlier`'s low.
#[inline(always)]
pub(crate) fn gap_down(later: &Candle, earlier: &Candle) -> bool {
    later.high < earlier.low
}

/// One of TA-Lib's running `...PeriodTotal` sums: the setting's range over the `period`
/// candles before the candle `back` bars before the current one.
///
/// TA-Lib seeds it at the first output bar `start` (= the lookback) with a loop over the bars
/// `start - period - back .. start - back`, adding each one's range, and after each output at
/// bar `i` adds `range(i - back) - range(i - back - period)`. Streaming, the seed loop runs one
/// term per warm-up bar, in the same order, so the sums carry the same bits.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
#[serde(from = "TotalFields", into = "TotalFields")]
pub(crate) struct Total {
    pub setting: CandleSetting,
    pub sum: f64,
    back: usize,
    /// Derived from the setting, for the per-bar arithmetic: the period as a float, the
    /// [`RangeType`] code, `period + back`, the average's last factor (1, or 0.5 for shadows:
    /// TA-Lib divides by 2, and halving is exact either way), and where in the window's ring
    /// the ranges it adds and drops are, back from the newest bar's row (`4 * bars back -
    /// range code`, wrapping).
    period: f64,
    range: usize,
    drop_back: usize,
    half: f64,
    add_offset: usize,
    drop_offset: usize,
}

/// A sum as a snapshot holds it (the derived fields are recomputed).
#[derive(serde::Serialize, serde::Deserialize)]
struct TotalFields {
    setting: CandleSetting,
    sum: f64,
    back: usize,
}

impl From<TotalFields> for Total {
    fn from(f: TotalFields) -> Total {
        let s = f.setting;
        Total {
            setting: s,
            sum: f.sum,
            back: f.back,
            period: s.period as f64,
            range: s.range as usize,
            // Saturating and wrapping: a damaged snapshot's huge period or back is refused by
            // the window's check.
            drop_back: s.period.saturating_add(f.back),
            half: if s.range == RangeType::Shadows {
                0.5
            } else {
                1.0
            },
            add_offset: row_offset(f.back, s.range),
            drop_offset: row_offset(s.period.saturating_add(f.back), s.range),
        }
    }
}

/// Where the range of type `range` of the bar `back` bars before the newest is in the
/// window's ring, counted back from the newest bar's row (rows of four, wrapping).
fn row_offset(back: usize, range: RangeType) -> usize {
    back.wrapping_mul(ROW).wrapping_sub(range as usize)
}

impl From<Total> for TotalFields {
    fn from(t: Total) -> TotalFields {
        TotalFields {
            setting: t.setting,
            sum: t.sum,
            back: t.back,
        }
    }
}

impl Total {
    /// The setting's sum for the candle `back` bars before the current one.
    pub fn before(config: &Config, setting: Setting, back: usize) -> Total {
        Total::from(TotalFields {
            setting: config.get(setting),
            sum: 0.0,
            back,
        })
    }

    /// Bars of history it reads.
    fn reach(&self) -> usize {
        self.drop_back
    }

    /// The candle average of the setting for `candle` (TA_CANDLEAVERAGE), in TA-Lib's order
    /// of operations: `factor * (sum / period) / divisor`, or the candle's own range for
    /// period 0.
    #[inline(always)]
    pub fn average(&self, candle: &Candle) -> f64 {
        let s = &self.setting;
        let base = if s.period != 0 {
            self.sum / self.period
        } else {
            candle.range(s.range)
        };
        s.factor * base * self.half
    }
}

/// The history and running sums every pattern shares: the last `N` candles (the pattern
/// reads no further back), their colours, and `K` sums with a ring of past candle ranges for
/// them to add and drop.
///
/// Up to three candles shift down by one each bar: they stay in registers through the batch
/// fold. Four or five would not (the shift then spills to memory every bar), so they are kept
/// in a ring instead, where a pattern reads only the candles it gets to (see
/// [`Window::whites`]).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "WindowSnapshot<N, K>")]
pub(crate) struct Window<const N: usize, const K: usize> {
    /// Newest first (`N` <= 3), or a ring whose newest candle is at `pos`.
    #[serde(with = "crate::execution::serde_array")]
    recent: [Candle; N],
    pos: usize,
    /// For a ring, bit `k`: the candle `k` bars back is white (derived from the candles, not
    /// stored; shifted candles are read directly instead).
    #[serde(skip_serializing)]
    whites: u32,
    /// The last bars' ranges, a power-of-two ring of rows of four: body, high-low, shadows
    /// (by [`RangeType`] code) and an unused slot, so that a row starts at a multiple of four.
    ranges: Vec<f64>,
    /// Start of the newest bar's row.
    head: usize,
    /// Bars seen before the current one.
    seen: usize,
    lookback: usize,
    #[serde(with = "crate::execution::serde_array")]
    pub totals: [Total; K],
}

/// Values in a row of the window's ring.
const ROW: usize = 4;

/// A window as a snapshot holds it, before its sizes are checked.
#[derive(serde::Deserialize)]
struct WindowFields<const N: usize, const K: usize> {
    #[serde(with = "crate::execution::serde_array")]
    recent: [Candle; N],
    pos: usize,
    ranges: Vec<f64>,
    head: usize,
    seen: usize,
    lookback: usize,
    #[serde(with = "crate::execution::serde_array")]
    totals: [Total; K],
}

impl<const N: usize, const K: usize> TryFrom<WindowFields<N, K>> for Window<N, K> {
    type Error = String;

    fn try_from(f: WindowFields<N, K>) -> Result<Self, String> {
        // The ring is exactly as long as `new` makes it, so every range a sum reads (up to
        // its reach back) is in it, and its slots wrap with a mask; each sum adds a candle the
        // pattern keeps, and seeding starts within the warm-up, as `new` asserts.
        if f.ranges.is_empty()
            || f.ranges.len() != ROW * ring_len(&f.totals)
            || f.head >= f.ranges.len()
            || f.head % ROW != 0
            || f.pos >= N.max(1)
            || (N <= SHIFTED && f.pos != 0)
            || f.totals
                .iter()
                .any(|t| t.back >= N || t.reach() > f.lookback)
        {
            return Err(crate::execution::checks::outside("candle window"));
        }
        let mut window = Window {
            recent: f.recent,
            pos: f.pos,
            whites: 0,
            ranges: f.ranges,
            head: f.head,
            seen: f.seen,
            lookback: f.lookback,
            totals: f.totals,
        };
        window.whites = (0..N).fold(0, |bits, k| bits | u32::from(window.c(k).white()) << k);
        Ok(window)
    }
}

/// A window in any layout a snapshot may hold: this version's, or state version 1's (which
/// kept the last candles themselves and read their ranges when needed).
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum WindowSnapshot<const N: usize, const K: usize> {
    Current(WindowFields<N, K>),
    Version1(WindowFieldsV1<K>),
}

/// State version 1's window: a ring of the last candles (`head` the newest) and sums that
/// named each of their bars back.
#[derive(serde::Deserialize)]
struct WindowFieldsV1<const K: usize> {
    bars: CandlesV1,
    seen: usize,
    lookback: usize,
    #[serde(with = "crate::execution::serde_array")]
    totals: [TotalV1; K],
}

#[derive(serde::Deserialize)]
struct CandlesV1 {
    buf: Vec<Candle>,
    head: usize,
}

/// State version 1's sum: TA-Lib's seed loop and roll in bars back (see [`Total`]).
#[derive(serde::Deserialize)]
struct TotalV1 {
    setting: CandleSetting,
    sum: f64,
    seed_first: usize,
    seed_end: usize,
    seed_back: usize,
    add_back: usize,
    drop_back: usize,
}

impl<const N: usize, const K: usize> TryFrom<WindowSnapshot<N, K>> for Window<N, K> {
    type Error = String;

    fn try_from(snapshot: WindowSnapshot<N, K>) -> Result<Self, String> {
        match snapshot {
            WindowSnapshot::Current(fields) => Window::try_from(fields),
            WindowSnapshot::Version1(old) => Window::try_from(WindowFields::from_v1(old)?),
        }
    }
}

impl<const N: usize, const K: usize> WindowFields<N, K> {
    /// This version's fields from version 1's: the same sums and bar count, the last `N`
    /// candles, and the ranges of the candles the sums will still add or drop (computed as a
    /// bar's push computes them, so the sums continue with the same bits).
    fn from_v1(old: WindowFieldsV1<K>) -> Result<Self, String> {
        let refuse = || crate::execution::checks::outside("candle window (state version 1)");
        let CandlesV1 { buf, head } = old.bars;
        if head >= buf.len() {
            return Err(refuse());
        }
        // Version 1 wrote every sum TA-Lib's usual way: seeded over the `period` bars before
        // the one `back` bars back, then rolled by one bar; anything else is not a snapshot
        // this engine wrote.
        let mut totals = Vec::with_capacity(K);
        for t in &old.totals {
            let standard = t.seed_back == 0
                && t.seed_end == t.add_back
                && Some(t.drop_back) == t.setting.period.checked_add(t.add_back)
                && t.seed_first == t.drop_back;
            if !standard {
                return Err(refuse());
            }
            totals.push(Total::from(TotalFields {
                setting: t.setting,
                sum: t.sum,
                back: t.add_back,
            }));
        }
        let totals: [Total; K] = totals.try_into().map_err(|_| refuse())?;
        let back = |k: usize| buf[(head + buf.len() - k % buf.len()) % buf.len()];
        // Newest first, or a ring with the newest at slot 0 (`Window::slot`).
        let mut recent = [Candle::default(); N];
        for k in 0..N.min(buf.len()) {
            let slot = if N <= SHIFTED { k } else { (N - k) % N };
            recent[slot] = back(k);
        }
        let rows = ring_len(&totals);
        let mut ranges = vec![0.0; ROW * rows];
        let mask = ranges.len().wrapping_sub(1);
        let head_row: usize = 0;
        for k in 0..rows.min(buf.len()) {
            write_ranges(&mut ranges, head_row.wrapping_sub(k * ROW) & mask, &back(k));
        }
        Ok(WindowFields {
            recent,
            pos: 0,
            ranges,
            head: head_row,
            seen: old.seen,
            lookback: old.lookback,
            totals,
        })
    }
}

/// Most candles a window shifts; more are kept in a ring.
const SHIFTED: usize = 3;

/// Writes a candle's row of ranges (body, high-low, shadows) at `at` of the power-of-two ring
/// `ranges` (`mask` = its length - 1): what a bar's push stores, and what a converted version 1
/// snapshot stores for its candles. Element by element: values built on the stack and copied
/// in would be read back in other sizes than they were written, which defeats store
/// forwarding.
#[inline(always)]
fn write_ranges(ranges: &mut [f64], at: usize, candle: &Candle) {
    let mask = ranges.len() - 1;
    ranges[at] = candle.body();
    ranges[(at + 1) & mask] = candle.high_low();
    ranges[(at + 2) & mask] = candle.upper() + candle.lower();
}

/// Length of the ranges ring the sums need: a power of two above their reach.
fn ring_len(totals: &[Total]) -> usize {
    totals
        .iter()
        .map(Total::reach)
        .fold(0, usize::max)
        .saturating_add(1)
        .checked_next_power_of_two()
        .unwrap_or(0)
}

impl<const N: usize, const K: usize> Window<N, K> {
    /// A window whose first output is at bar `lookback`; the pattern reads the last `N`
    /// candles.
    pub fn new(lookback: usize, totals: [Total; K]) -> Self {
        for t in &totals {
            debug_assert!(t.back < N && t.reach() <= lookback);
        }
        Window {
            recent: [Candle::default(); N],
            pos: 0,
            // The default candles are white (close >= open), as a decoded window has it.
            whites: (1 << N) - 1,
            ranges: vec![0.0; ROW * ring_len(&totals)],
            head: 0,
            seen: 0,
            lookback,
            totals,
        }
    }

    pub fn lookback(&self) -> usize {
        self.lookback
    }

    /// Takes in a bar; true when it is an output bar (the sums then are those for it, and
    /// [`Window::roll`] must follow once the pattern is evaluated).
    #[inline(always)]
    pub fn push(&mut self, bar: &[f64]) -> bool {
        let candle = Candle {
            open: bar[0],
            high: bar[1],
            low: bar[2],
            close: bar[3],
        };
        if N <= SHIFTED {
            for k in (1..N).rev() {
                self.recent[k] = self.recent[k - 1];
            }
            if N > 0 {
                self.recent[0] = candle;
            }
        } else {
            self.whites = self.whites << 1 | u32::from(candle.white());
            self.pos = (self.pos + 1) % N;
            self.recent[self.pos] = candle;
        }
        if K > 0 {
            let mask = self.ranges.len() - 1;
            self.head = (self.head + ROW) & mask;
            write_ranges(&mut self.ranges, self.head, &candle);
        }
        let i = self.seen;
        self.seen += 1;
        if i >= self.lookback {
            return true;
        }
        // Warm-up: this bar's term of each seed loop.
        let to_start = self.lookback - i;
        let mask = self.ranges.len() - 1;
        for t in &mut self.totals {
            if to_start > t.back && to_start <= t.drop_back {
                t.sum += self.ranges[(self.head + t.range) & mask];
            }
        }
        false
    }

    /// Moves every sum on by one bar (after the current bar's pattern was evaluated).
    #[inline(always)]
    pub fn roll(&mut self) {
        let mask = self.ranges.len() - 1;
        for t in &mut self.totals {
            let add = self.ranges[self.head.wrapping_sub(t.add_offset) & mask];
            let drop = self.ranges[self.head.wrapping_sub(t.drop_offset) & mask];
            t.sum += add - drop;
        }
    }

    /// Where the candle `k` bars before the current one is in `recent`.
    #[inline(always)]
    fn slot(&self, k: usize) -> usize {
        if N <= SHIFTED {
            k
        } else {
            (self.pos + N - k) % N
        }
    }

    /// The candle `k` bars before the current one.
    #[inline(always)]
    pub fn c(&self, k: usize) -> Candle {
        self.recent[self.slot(k)]
    }

    /// The colours of the last `n` candles as bits, oldest first (the lowest bit is the
    /// current candle; 1 is white): a pattern's colours are one comparison.
    #[inline(always)]
    pub fn whites(&self, n: u32) -> u32 {
        let bits = if N <= SHIFTED {
            (0..N).fold(0, |bits, k| bits | u32::from(self.recent[k].white()) << k)
        } else {
            self.whites
        };
        bits & ((1 << n) - 1)
    }

    /// Sum `t`'s candle average for the candle `k` bars back.
    #[inline(always)]
    pub fn avg(&self, t: usize, k: usize) -> f64 {
        self.totals[t].average(&self.c(k))
    }

    /// Runs one bar through the window: `detect` gives the output bar's signal.
    #[inline(always)]
    pub fn step(
        &mut self,
        bar: &[f64],
        out: &mut [f64],
        detect: impl FnOnce(&Self) -> i32,
    ) -> bool {
        if !self.push(bar) {
            return false;
        }
        out[0] = f64::from(detect(self));
        self.roll();
        true
    }
}

/// `condition`, computed without branches. Given `a & b & ...` (each a comparison of prices,
/// each as unpredictable as the data), LLVM splits a branch on the whole into one branch per
/// comparison; behind this barrier it combines them with bit operations and branches once,
/// on a result that is rarely true. A pattern tests its cheap price comparisons this way first
/// and its candle averages (divisions) only when they hold.
#[inline(always)]
pub(crate) fn all(condition: bool) -> bool {
    std::hint::black_box(condition)
}

/// `value` when `condition` holds, else 0, as arithmetic rather than a branch: for patterns
/// that fire often (a doji on a third of random bars), where any branch on the condition
/// would mispredict, and where LLVM compiles `if a & b { value } else { 0 }` into branches
/// (it skips the division behind an average when a cheaper comparison already failed).
#[inline(always)]
pub(crate) fn when(condition: bool, value: i32) -> i32 {
    i32::from(condition) * value
}

/// Declares a pattern's indicator type over a [`Window`] of `N` candles and `K` sums:
/// `$totals` builds the sums from the settings, `$lookback` is TA-Lib's lookback, `$detect`
/// the signal (`fused: true` where TA-Lib fuses a multiply-add, see
/// [`crate::kernel::Indicator::FUSED`]).
macro_rules! candle_pattern {
    (
        $(#[$doc:meta])*
        $ty:ident, $(fused: $fused:literal,)? candles: $n:literal, sums: $k:literal,
        |$cfg:ident| ($lookback:expr, $totals:expr),
        |$w:ident, $pen:ident| $detect:expr
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
        pub struct $ty {
            window: $crate::indicators::pattern::candle::Window<$n, $k>,
            #[allow(dead_code)]
            penetration: f64,
        }

        impl $crate::kernel::Indicator for $ty {
            const INPUTS: usize = 4;
            const OUTPUTS: usize = 1;
            const FUSED: bool = false $(|| $fused)?;
            /// 2: the window keeps its last candles and a ring of ranges.
            const STATE_VERSION: u32 = 2;
            /// Version 1 snapshots are converted when restored (see `Window`).
            const OLDEST_STATE_VERSION: u32 = 1;
            fn from_params(
                params: &$crate::params::Params,
            ) -> Result<Self, $crate::TaError> {
                let $cfg = $crate::indicators::pattern::settings::Config::read(
                    params,
                    SETTINGS,
                    HAS_PENETRATION,
                );
                #[allow(unused_imports)]
                use $crate::indicators::pattern::settings::Setting::*;
                #[allow(unused_imports)]
                use $crate::indicators::pattern::candle::Total;
                let (lookback, totals) = ($lookback, $totals);
                Ok($ty {
                    window: $crate::indicators::pattern::candle::Window::new(lookback, totals),
                    penetration: $cfg.penetration,
                })
            }
            fn lookback(&self) -> usize {
                self.window.lookback()
            }
            #[inline(always)]
            fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
                let $pen = self.penetration;
                #[allow(unused_imports)]
                use $crate::indicators::pattern::candle::{
                    all, body_gap_down, body_gap_up, gap_down, gap_up, when,
                };
                self.window.step(bar, out, #[inline(always)] |$w| $detect)
            }
        }
    };
}

/// Declares a pattern's catalog entry `SPEC` (inputs open, high, low, close; one signal).
macro_rules! pattern_spec {
    ($name:literal, $talib:literal, $ty:ty, $summary:literal) => {
        /// Catalog entry.
        pub(crate) static SPEC: $crate::catalog::IndicatorSpec =
            $crate::catalog::IndicatorSpec::new(
                $name,
                $talib,
                $crate::catalog::Group::Pattern,
                $summary,
                $crate::indicators::OPEN_HIGH_LOW_CLOSE,
                PARAMS,
                $crate::indicators::pattern::SIGNAL,
                $crate::catalog::kernel::<$ty>(),
            );
    };
}
