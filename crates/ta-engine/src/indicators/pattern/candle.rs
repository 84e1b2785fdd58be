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

    /// Upper shadow (TA_UPPERSHADOW).
    #[inline(always)]
    pub fn upper(&self) -> f64 {
        self.high - if self.white() { self.close } else { self.open }
    }

    /// Lower shadow (TA_LOWERSHADOW).
    #[inline(always)]
    pub fn lower(&self) -> f64 {
        (if self.white() { self.open } else { self.close }) - self.low
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

    /// Top of the real body.
    #[inline(always)]
    pub fn body_top(&self) -> f64 {
        self.open.max(self.close)
    }

    /// Bottom of the real body.
    #[inline(always)]
    pub fn body_bottom(&self) -> f64 {
        self.open.min(self.close)
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

/// The last `capacity` candles.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "BarsFields")]
pub(crate) struct Bars {
    buf: Vec<Candle>,
    /// Slot of the newest candle.
    head: usize,
}

/// Candles as a snapshot holds them, before the index is checked.
#[derive(serde::Deserialize)]
struct BarsFields {
    buf: Vec<Candle>,
    head: usize,
}

impl TryFrom<BarsFields> for Bars {
    type Error = String;

    fn try_from(f: BarsFields) -> Result<Self, String> {
        if f.head >= f.buf.len() {
            return Err(crate::execution::checks::outside("candles"));
        }
        Ok(Bars {
            buf: f.buf,
            head: f.head,
        })
    }
}

impl Bars {
    fn new(capacity: usize) -> Self {
        Bars {
            buf: vec![Candle::default(); capacity.max(1)],
            head: 0,
        }
    }

    #[inline(always)]
    fn push(&mut self, candle: Candle) {
        self.head += 1;
        if self.head == self.buf.len() {
            self.head = 0;
        }
        self.buf[self.head] = candle;
    }

    /// The candle `k` bars before the newest (0 = newest); `k` below the capacity.
    #[inline(always)]
    pub fn back(&self, k: usize) -> Candle {
        let at = if k <= self.head {
            self.head - k
        } else {
            self.head + self.buf.len() - k
        };
        self.buf[at]
    }
}

/// One of TA-Lib's running `...PeriodTotal` sums of a setting's range.
///
/// TA-Lib seeds it at the first output bar `start` (= the lookback) with a loop
/// `for j in start - from .. start - to { total += range(j - seed_back) }`, and after each
/// output at bar `i` adds `range(i - add_back) - range(i - drop_back)`. Streaming, the seed
/// loop runs one term per warm-up bar, in the same order, so the sums carry the same bits.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
pub(crate) struct Total {
    pub setting: CandleSetting,
    pub sum: f64,
    seed_first: usize,
    seed_end: usize,
    seed_back: usize,
    add_back: usize,
    drop_back: usize,
}

impl Total {
    /// The usual window: the setting's `period` candles before the candle `back` bars before
    /// the current one.
    pub fn before(config: &Config, setting: Setting, back: usize) -> Total {
        let s = config.get(setting);
        Total::general(s, s.period + back, back, 0, back, s.period + back)
    }

    /// Any window, in TA-Lib's loop terms (see the type's documentation); indices as bars
    /// before `start`.
    pub fn general(
        setting: CandleSetting,
        from: usize,
        to: usize,
        seed_back: usize,
        add_back: usize,
        drop_back: usize,
    ) -> Total {
        Total {
            setting,
            sum: 0.0,
            seed_first: from,
            seed_end: to,
            seed_back,
            add_back,
            drop_back,
        }
    }

    /// Bars of history it reads.
    fn reach(&self) -> usize {
        self.seed_back.max(self.add_back).max(self.drop_back)
    }

    /// The candle average of the setting for `candle` (TA_CANDLEAVERAGE), in TA-Lib's order
    /// of operations.
    #[inline(always)]
    pub fn average(&self, candle: &Candle) -> f64 {
        let s = &self.setting;
        let base = if s.period != 0 {
            self.sum / s.period as f64
        } else {
            candle.range(s.range)
        };
        let divisor = if s.range == RangeType::Shadows {
            2.0
        } else {
            1.0
        };
        s.factor * base / divisor
    }
}

/// The history and running sums every pattern shares; `K` sums.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "WindowFields<K>")]
pub(crate) struct Window<const K: usize> {
    bars: Bars,
    /// Bars seen before the current one.
    seen: usize,
    lookback: usize,
    #[serde(with = "crate::execution::serde_array")]
    pub totals: [Total; K],
}

/// A window as a snapshot holds it, before its reach is checked.
#[derive(serde::Deserialize)]
struct WindowFields<const K: usize> {
    bars: Bars,
    seen: usize,
    lookback: usize,
    #[serde(with = "crate::execution::serde_array")]
    totals: [Total; K],
}

impl<const K: usize> TryFrom<WindowFields<K>> for Window<K> {
    type Error = String;

    fn try_from(f: WindowFields<K>) -> Result<Self, String> {
        // The history is exactly as long as `new` makes it, so every candle the pattern and
        // its sums read (up to the lookback or a sum's reach back) is inside it; seeding
        // starts within the warm-up, as `new` asserts.
        let reach = f
            .totals
            .iter()
            .map(Total::reach)
            .fold(f.lookback, usize::max);
        if reach != f.bars.buf.len() - 1 || f.totals.iter().any(|t| t.seed_first > f.lookback) {
            return Err(crate::execution::checks::outside("candle window"));
        }
        Ok(Window {
            bars: f.bars,
            seen: f.seen,
            lookback: f.lookback,
            totals: f.totals,
        })
    }
}

impl<const K: usize> Window<K> {
    /// A window whose first output is at bar `lookback`, keeping as much history as the
    /// pattern (at most `lookback` bars back) and its sums read.
    pub fn new(lookback: usize, totals: [Total; K]) -> Self {
        for t in &totals {
            debug_assert!(t.seed_first <= lookback && t.reach() <= lookback);
        }
        let reach = totals.iter().map(Total::reach).fold(lookback, usize::max);
        Window {
            bars: Bars::new(reach + 1),
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
        self.bars.push(Candle {
            open: bar[0],
            high: bar[1],
            low: bar[2],
            close: bar[3],
        });
        let i = self.seen;
        self.seen += 1;
        if i >= self.lookback {
            return true;
        }
        // Warm-up: this bar's term of each seed loop.
        let to_start = self.lookback - i;
        for t in &mut self.totals {
            if to_start <= t.seed_first && to_start > t.seed_end {
                t.sum += self.bars.back(t.seed_back).range(t.setting.range);
            }
        }
        false
    }

    /// Moves every sum on by one bar (after the current bar's pattern was evaluated).
    #[inline(always)]
    pub fn roll(&mut self) {
        for t in &mut self.totals {
            let r = t.setting.range;
            t.sum += self.bars.back(t.add_back).range(r) - self.bars.back(t.drop_back).range(r);
        }
    }

    /// The candle `k` bars before the current one.
    #[inline(always)]
    pub fn c(&self, k: usize) -> Candle {
        self.bars.back(k)
    }

    /// Sum `t`'s candle average for the candle `k` bars back.
    #[inline(always)]
    pub fn avg(&self, t: usize, k: usize) -> f64 {
        self.totals[t].average(&self.bars.back(k))
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

/// Declares a pattern's indicator type over a [`Window`] of `K` sums: `$totals` builds the
/// sums from the settings, `$lookback` is TA-Lib's lookback, `$detect` the signal (`fused:
/// true` where TA-Lib fuses a multiply-add, see [`crate::kernel::Indicator::FUSED`]).
macro_rules! candle_pattern {
    (
        $(#[$doc:meta])*
        $ty:ident, $(fused: $fused:literal,)? sums: $k:literal,
        |$cfg:ident| ($lookback:expr, $totals:expr),
        |$w:ident, $pen:ident| $detect:expr
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
        pub struct $ty {
            window: $crate::indicators::pattern::candle::Window<$k>,
            #[allow(dead_code)]
            penetration: f64,
        }

        impl $crate::kernel::Indicator for $ty {
            const INPUTS: usize = 4;
            const OUTPUTS: usize = 1;
            const FUSED: bool = false $(|| $fused)?;
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
                    body_gap_down, body_gap_up, gap_down, gap_up,
                };
                self.window.step(bar, out, |$w| $detect)
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
