//! Momentum indicators: oscillators and rates of change (RSI, MACD, stochastics, Aroon, ...).
//!
//! The arithmetic follows the TA-Lib 0.8.1 library shipped in the `ta-lib` 0.8.2 wheel,
//! including its zero tests, which changed in 0.8: `TA_EPSILON` is 1e-14, a difference of two
//! prices (a high-low range, a typical-price change) is compared with `ε·(|a| + |b|)`, and
//! sums of non-negative terms are tested with `> 0`. ADX and the directional-movement family
//! live in `directional.rs`.

use super::ma::{Aligned, Ema, EmaForm, MovingAverage, Smoother};
use crate::catalog::{
    kernel, Flag, Group, IndicatorSpec, Input, MissingData, OutputSpec, Pane, Style,
};
use crate::kernel::Indicator;
use crate::params::{MaType, ParamSpec, Params};
use crate::primitives::{is_tiny, is_tiny_against, Ring, RunningExtreme};
use crate::TaError;

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

/// How [`WilderChanges`] divides by the period. TA-Lib 0.8's RSI multiplies by the
/// reciprocal; its CMO divides. The two differ in the last bit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scaling {
    Divide,
    Reciprocal,
}

/// Wilder-smoothed average gain and average loss of one-bar changes (RSI, CMO, STOCHRSI).
///
/// The first `period` changes are summed and scaled by `1 / period`; after that each average
/// becomes `(previous · (period - 1) + today) / period`, in that order.
#[derive(Debug, Clone)]
struct WilderChanges {
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
    fn new(period: usize, scaling: Scaling) -> Self {
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
    fn lookback(&self) -> usize {
        self.period
    }

    /// Adds one change to the gain or the loss side.
    #[inline]
    fn add(&mut self, change: f64) {
        // Branch-free, as TA-Lib 0.8's RSI: the gain side gets `max(change, 0)` and the loss
        // side `max(change, 0) - change`; one of the two is an exact zero.
        let up = if change > 0.0 { change } else { 0.0 };
        self.gain += up;
        self.loss += up - change;
    }

    #[inline]
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
    #[inline]
    fn update(&mut self, x: f64) -> Option<(f64, f64)> {
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
#[inline]
fn rsi_value(gain: f64, loss: f64) -> f64 {
    let total = loss + gain;
    if total > 0.0 {
        (gain / total) * 100.0
    } else {
        0.0
    }
}

/// Stochastic fast %K: where the close sits in the high-low range of the last `period` bars,
/// in percent; zero when the range is (relatively) empty.
#[derive(Debug, Clone)]
struct FastK {
    highs: RunningExtreme<true>,
    lows: RunningExtreme<false>,
}

impl FastK {
    fn new(period: usize) -> Self {
        FastK {
            highs: RunningExtreme::new(period),
            lows: RunningExtreme::new(period),
        }
    }

    fn lookback(&self) -> usize {
        self.highs.period() - 1
    }

    #[inline]
    fn update(&mut self, high: f64, low: f64, close: f64) -> Option<f64> {
        self.highs.push(high);
        if !self.lows.push(low) {
            return None;
        }
        let (highest, lowest) = (self.highs.value(), self.lows.value());
        let range = highest - lowest;
        Some(if is_tiny_against(range, highest.abs() + lowest.abs()) {
            0.0
        } else {
            ((close - lowest) / range) * 100.0
        })
    }
}

/// Fast %K and its moving average %D (STOCHF, and STOCHRSI over the RSI line).
#[derive(Debug, Clone)]
struct FastStochastic {
    fast_k: FastK,
    fast_d: MovingAverage,
}

impl FastStochastic {
    fn new(fastk_period: usize, fastd_period: usize, fastd_type: MaType) -> Self {
        FastStochastic {
            fast_k: FastK::new(fastk_period),
            fast_d: MovingAverage::new(fastd_type, fastd_period),
        }
    }

    fn lookback(&self) -> usize {
        self.fast_k.lookback() + self.fast_d.lookback()
    }

    /// Writes `(fastk, fastd)` once %D exists; %K is withheld until then.
    #[inline]
    fn step(&mut self, high: f64, low: f64, close: f64, out: &mut [f64]) -> bool {
        let Some(k) = self.fast_k.update(high, low, close) else {
            return false;
        };
        let Some(d) = self.fast_d.update(k) else {
            return false;
        };
        out[0] = k;
        out[1] = d;
        true
    }
}

/// The three MACD lines from a fast and a slow average of the price and a signal average of
/// their difference. Both price averages start so that their first values land on the same
/// bar (the later of the two), as TA-Lib computes them over the same output range.
#[derive(Debug, Clone)]
struct MacdLines<S> {
    fast: Aligned<S>,
    slow: Aligned<S>,
    signal: S,
    lookback: usize,
}

impl<S: Smoother> MacdLines<S> {
    fn new(fast: S, slow: S, signal: S) -> Self {
        let longest = fast.lookback().max(slow.lookback());
        let lookback = longest + signal.lookback();
        MacdLines {
            fast: Aligned::new(fast, longest),
            slow: Aligned::new(slow, longest),
            signal,
            lookback,
        }
    }

    /// Writes `(macd, signal, hist)` once the signal exists; all three are withheld until then.
    #[inline]
    fn step(&mut self, x: f64, out: &mut [f64]) -> bool {
        let fast = self.fast.update(x);
        let slow = self.slow.update(x);
        let (Some(fast), Some(slow)) = (fast, slow) else {
            return false;
        };
        let macd = fast - slow;
        let Some(signal) = self.signal.update(macd) else {
            return false;
        };
        out[0] = macd;
        out[1] = signal;
        out[2] = macd - signal;
        true
    }
}

/// Fast and slow moving averages of one type, both fed from the first bar (APO, PPO). Unlike
/// MACD's, TA-Lib's APO/PPO averages are not aligned: the fast one starts on bar 0 too.
#[derive(Debug, Clone)]
struct PriceOscillator {
    fast: MovingAverage,
    slow: MovingAverage,
}

impl PriceOscillator {
    /// Parameters `(fast_period, slow_period, ma_type)`; the periods are swapped when the
    /// slow one is shorter, as TA-Lib does.
    fn from_params(p: &Params) -> Self {
        let (mut fast, mut slow) = (p.int(0), p.int(1));
        if slow < fast {
            std::mem::swap(&mut fast, &mut slow);
        }
        let kind = p.ma_type(2);
        PriceOscillator {
            fast: MovingAverage::new(kind, fast),
            slow: MovingAverage::new(kind, slow),
        }
    }

    fn lookback(&self) -> usize {
        self.fast.lookback().max(self.slow.lookback())
    }

    /// `(fast, slow)` once both exist.
    #[inline]
    fn update(&mut self, x: f64) -> Option<(f64, f64)> {
        let fast = self.fast.update(x);
        let slow = self.slow.update(x);
        fast.zip(slow)
    }
}

// ---------------------------------------------------------------------------------------------
// Indicators
// ---------------------------------------------------------------------------------------------

/// Relative strength index (Wilder).
#[derive(Debug, Clone)]
pub struct Rsi(WilderChanges);

impl Indicator for Rsi {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        Ok(Rsi(WilderChanges::new(p.int(0), Scaling::Reciprocal)))
    }
    fn lookback(&self) -> usize {
        self.0.lookback()
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let Some((gain, loss)) = self.0.update(bar[0]) else {
            return false;
        };
        out[0] = rsi_value(gain, loss);
        true
    }
}

/// Chande momentum oscillator: `100 · (gain - loss) / (gain + loss)` over Wilder's averages.
#[derive(Debug, Clone)]
pub struct Cmo(WilderChanges);

impl Indicator for Cmo {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        Ok(Cmo(WilderChanges::new(p.int(0), Scaling::Divide)))
    }
    fn lookback(&self) -> usize {
        self.0.lookback()
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let Some((gain, loss)) = self.0.update(bar[0]) else {
            return false;
        };
        let total = loss + gain;
        out[0] = if total > 0.0 {
            ((gain - loss) / total) * 100.0
        } else {
            0.0
        };
        true
    }
}

/// MACD with SMA-seeded EMAs.
#[derive(Debug, Clone)]
pub struct Macd(MacdLines<Ema>);

impl Indicator for Macd {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 3;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        let (mut fast, mut slow) = (p.int(0), p.int(1));
        if slow < fast {
            std::mem::swap(&mut fast, &mut slow);
        }
        Ok(Macd(MacdLines::new(
            Ema::new(fast),
            Ema::new(slow),
            Ema::new(p.int(2)),
        )))
    }
    fn lookback(&self) -> usize {
        self.0.lookback
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        self.0.step(bar[0], out)
    }
}

/// MACD with a moving-average type for each line.
#[derive(Debug, Clone)]
pub struct Macdext(MacdLines<MovingAverage>);

impl Indicator for Macdext {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 3;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        let (mut fast, mut fast_type) = (p.int(0), p.ma_type(1));
        let (mut slow, mut slow_type) = (p.int(2), p.ma_type(3));
        if slow < fast {
            // TA-Lib swaps the types along with the periods.
            std::mem::swap(&mut fast, &mut slow);
            std::mem::swap(&mut fast_type, &mut slow_type);
        }
        Ok(Macdext(MacdLines::new(
            MovingAverage::new(fast_type, fast),
            MovingAverage::new(slow_type, slow),
            MovingAverage::new(p.ma_type(5), p.int(4)),
        )))
    }
    fn lookback(&self) -> usize {
        self.0.lookback
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        self.0.step(bar[0], out)
    }
}

/// MACD 12/26 with the fixed smoothing factors 0.15 and 0.075.
#[derive(Debug, Clone)]
pub struct Macdfix(MacdLines<Ema>);

impl Macdfix {
    const FAST: (usize, f64) = (12, 0.15);
    const SLOW: (usize, f64) = (26, 0.075);
}

impl Indicator for Macdfix {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 3;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        let fast = Ema::with_k(Self::FAST.0, Self::FAST.1, EmaForm::Delta);
        let slow = Ema::with_k(Self::SLOW.0, Self::SLOW.1, EmaForm::Delta);
        Ok(Macdfix(MacdLines::new(fast, slow, Ema::new(p.int(0)))))
    }
    fn lookback(&self) -> usize {
        self.0.lookback
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        self.0.step(bar[0], out)
    }
}

/// Slow stochastic: %K smoothed into slow %K, smoothed again into slow %D.
#[derive(Debug, Clone)]
pub struct Stoch {
    fast_k: FastK,
    slow_k: MovingAverage,
    slow_d: MovingAverage,
}

impl Indicator for Stoch {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 2;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        Ok(Stoch {
            fast_k: FastK::new(p.int(0)),
            slow_k: MovingAverage::new(p.ma_type(2), p.int(1)),
            slow_d: MovingAverage::new(p.ma_type(4), p.int(3)),
        })
    }
    fn lookback(&self) -> usize {
        self.fast_k.lookback() + self.slow_k.lookback() + self.slow_d.lookback()
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let Some(k) = self.fast_k.update(bar[0], bar[1], bar[2]) else {
            return false;
        };
        let Some(slow_k) = self.slow_k.update(k) else {
            return false;
        };
        let Some(slow_d) = self.slow_d.update(slow_k) else {
            return false;
        };
        out[0] = slow_k;
        out[1] = slow_d;
        true
    }
}

/// Fast stochastic: %K and its moving average %D.
#[derive(Debug, Clone)]
pub struct Stochf(FastStochastic);

impl Indicator for Stochf {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 2;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        Ok(Stochf(FastStochastic::new(
            p.int(0),
            p.int(1),
            p.ma_type(2),
        )))
    }
    fn lookback(&self) -> usize {
        self.0.lookback()
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        self.0.step(bar[0], bar[1], bar[2], out)
    }
}

/// Stochastic RSI: the fast stochastic of the RSI line.
#[derive(Debug, Clone)]
pub struct Stochrsi {
    rsi: WilderChanges,
    stochastic: FastStochastic,
}

impl Indicator for Stochrsi {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 2;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        Ok(Stochrsi {
            rsi: WilderChanges::new(p.int(0), Scaling::Reciprocal),
            stochastic: FastStochastic::new(p.int(1), p.int(2), p.ma_type(3)),
        })
    }
    fn lookback(&self) -> usize {
        self.rsi.lookback() + self.stochastic.lookback()
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let Some((gain, loss)) = self.rsi.update(bar[0]) else {
            return false;
        };
        let rsi = rsi_value(gain, loss);
        self.stochastic.step(rsi, rsi, rsi, out)
    }
}

/// Commodity channel index over the typical price.
///
/// The window is summed slot by slot in storage order (bar `i` lives in slot `i % period`),
/// which is TA-Lib's summation order.
#[derive(Debug, Clone)]
pub struct Cci {
    window: Vec<f64>,
    slot: usize,
    filled: usize,
}

impl Indicator for Cci {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        Ok(Cci {
            window: vec![0.0; p.int(0)],
            slot: 0,
            filled: 0,
        })
    }
    fn lookback(&self) -> usize {
        self.window.len() - 1
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let period = self.window.len();
        let typical = (bar[0] + bar[1] + bar[2]) / 3.0;
        self.window[self.slot] = typical;
        self.slot += 1;
        if self.slot == period {
            self.slot = 0;
        }
        if self.filled < period {
            self.filled += 1;
            if self.filled < period {
                return false;
            }
        }
        let n = period as f64;
        let mut average = 0.0;
        for &v in &self.window {
            average += v;
        }
        average /= n;
        let mut deviation = 0.0;
        for &v in &self.window {
            deviation += (v - average).abs();
        }
        let distance = typical - average;
        let mean_deviation = deviation / n;
        // Both tests are relative to the size of the mean.
        let scale = average.abs();
        let denominator = mean_deviation * 0.015;
        out[0] = if is_tiny_against(distance, scale)
            || is_tiny_against(mean_deviation, scale)
            || denominator == 0.0
        {
            0.0
        } else {
            distance / denominator
        };
        true
    }
}

/// Williams' %R: where the close sits below the highest high of the window, in -percent.
#[derive(Debug, Clone)]
pub struct Willr {
    highs: RunningExtreme<true>,
    lows: RunningExtreme<false>,
}

impl Indicator for Willr {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        Ok(Willr {
            highs: RunningExtreme::new(p.int(0)),
            lows: RunningExtreme::new(p.int(0)),
        })
    }
    fn lookback(&self) -> usize {
        self.highs.period() - 1
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        self.highs.push(bar[0]);
        if !self.lows.push(bar[1]) {
            return false;
        }
        let (highest, lowest) = (self.highs.value(), self.lows.value());
        let range = highest - lowest;
        out[0] = if is_tiny_against(range, highest.abs() + lowest.abs()) {
            0.0
        } else {
            // Clamped into [-100, 0] (a close outside the high-low range).
            (((highest - bar[2]) / range) * -100.0).clamp(-100.0, 0.0)
        };
        true
    }
}

/// Money flow index: RSI-like ratio of positive to total money flow over the window.
///
/// As in TA-Lib 0.8: a typical-price change within a relative dead zone carries no flow, a
/// window that has received no flow for a whole period has its sums reset to exactly zero
/// (dropping rounding residue), and the positive sum is clamped into `[0, total]`.
#[derive(Debug, Clone)]
pub struct Mfi {
    positive: Ring,
    negative: Ring,
    started: bool,
    previous: f64,
    positive_sum: f64,
    negative_sum: f64,
    /// Consecutive bars without money flow (saturates at the period).
    no_flow_run: usize,
}

impl Indicator for Mfi {
    const INPUTS: usize = 4;
    const OUTPUTS: usize = 1;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        let period = p.int(0);
        Ok(Mfi {
            positive: Ring::new(period),
            negative: Ring::new(period),
            started: false,
            previous: 0.0,
            positive_sum: 0.0,
            negative_sum: 0.0,
            no_flow_run: 0,
        })
    }
    fn lookback(&self) -> usize {
        self.positive.capacity()
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let typical = (bar[0] + bar[1] + bar[2]) / 3.0;
        if !self.started {
            self.started = true;
            self.previous = typical;
            return false;
        }
        let change = typical - self.previous;
        let scale = typical.abs() + self.previous.abs();
        self.previous = typical;
        let flow = if is_tiny_against(change, scale) {
            0.0
        } else {
            typical * bar[3]
        };
        let (up, down) = if change < 0.0 {
            (0.0, flow)
        } else {
            (flow, 0.0)
        };
        // The leaving bar is taken out before the arriving one is added, as in TA-Lib.
        if let Some(old) = self.positive.push(up) {
            self.positive_sum -= old;
        }
        if let Some(old) = self.negative.push(down) {
            self.negative_sum -= old;
        }
        self.positive_sum += up;
        self.negative_sum += down;
        let period = self.positive.capacity();
        self.no_flow_run = if flow == 0.0 { self.no_flow_run + 1 } else { 0 };
        if self.no_flow_run >= period {
            self.no_flow_run = period;
            self.positive_sum = 0.0;
            self.negative_sum = 0.0;
        }
        if !self.positive.is_full() {
            return false;
        }
        let total = self.positive_sum + self.negative_sum;
        let positive = self.positive_sum;
        let positive = if positive < 0.0 {
            0.0
        } else if total < positive {
            total
        } else {
            positive
        };
        out[0] = if total <= 0.0 {
            0.0
        } else {
            (positive / total) * 100.0
        };
        true
    }
}

/// A single-series indicator comparing each value with the one `period` bars earlier.
macro_rules! change_indicator {
    ($(#[$doc:meta])* $ty:ident, |$x:ident, $prev:ident| $body:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $ty(Ring);

        impl Indicator for $ty {
            const INPUTS: usize = 1;
            const OUTPUTS: usize = 1;
            fn from_params(p: &Params) -> Result<Self, TaError> {
                Ok($ty(Ring::new(p.int(0))))
            }
            fn lookback(&self) -> usize {
                self.0.capacity()
            }
            #[inline]
            fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
                let $x = bar[0];
                let Some($prev) = self.0.push($x) else { return false };
                out[0] = $body;
                true
            }
        }
    };
}

change_indicator!(
    /// Momentum: `x - x[period ago]`.
    Mom, |x, prev| x - prev
);
change_indicator!(
    /// Rate of change in percent: `(x / prev - 1) · 100`; zero when `prev` is zero.
    Roc, |x, prev| if prev != 0.0 { ((x / prev) - 1.0) * 100.0 } else { 0.0 }
);
change_indicator!(
    /// Rate of change as a fraction: `(x - prev) / prev`; zero when `prev` is zero.
    Rocp, |x, prev| if prev != 0.0 { (x - prev) / prev } else { 0.0 }
);
change_indicator!(
    /// Rate-of-change ratio: `x / prev`; zero when `prev` is zero.
    Rocr, |x, prev| if prev != 0.0 { x / prev } else { 0.0 }
);
change_indicator!(
    /// Rate-of-change ratio on a 100 scale: `(x / prev) · 100`; zero when `prev` is zero.
    Rocr100, |x, prev| if prev != 0.0 { (x / prev) * 100.0 } else { 0.0 }
);

/// Absolute price oscillator: fast MA - slow MA.
#[derive(Debug, Clone)]
pub struct Apo(PriceOscillator);

impl Indicator for Apo {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        Ok(Apo(PriceOscillator::from_params(p)))
    }
    fn lookback(&self) -> usize {
        self.0.lookback()
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let Some((fast, slow)) = self.0.update(bar[0]) else {
            return false;
        };
        out[0] = fast - slow;
        true
    }
}

/// Percentage price oscillator: `(fast - slow) / slow · 100`; zero when the slow MA is
/// (nearly) zero.
#[derive(Debug, Clone)]
pub struct Ppo(PriceOscillator);

impl Indicator for Ppo {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        Ok(Ppo(PriceOscillator::from_params(p)))
    }
    fn lookback(&self) -> usize {
        self.0.lookback()
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let Some((fast, slow)) = self.0.update(bar[0]) else {
            return false;
        };
        out[0] = if is_tiny(slow) {
            0.0
        } else {
            ((fast - slow) / slow) * 100.0
        };
        true
    }
}

/// TRIX: one-bar rate of change (percent) of a triple-smoothed EMA.
#[derive(Debug, Clone)]
pub struct Trix {
    stages: [Ema; 3],
    previous: Option<f64>,
}

impl Indicator for Trix {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        let ema = Ema::new(p.int(0));
        Ok(Trix {
            stages: [ema.clone(), ema.clone(), ema],
            previous: None,
        })
    }
    fn lookback(&self) -> usize {
        self.stages.iter().map(|s| s.lookback()).sum::<usize>() + 1
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let [first, second, third] = &mut self.stages;
        let Some(smooth) = first
            .update(bar[0])
            .and_then(|v| second.update(v))
            .and_then(|v| third.update(v))
        else {
            return false;
        };
        let Some(previous) = self.previous.replace(smooth) else {
            return false;
        };
        out[0] = if previous != 0.0 {
            ((smooth / previous) - 1.0) * 100.0
        } else {
            0.0
        };
        true
    }
}

/// Aroon: how recently the window of `period + 1` bars made its high and its low, in percent.
#[derive(Debug, Clone)]
pub struct Aroon {
    highs: RunningExtreme<true>,
    lows: RunningExtreme<false>,
    period: usize,
    factor: f64,
}

impl Aroon {
    fn new(period: usize) -> Self {
        Aroon {
            highs: RunningExtreme::new(period + 1),
            lows: RunningExtreme::new(period + 1),
            period,
            factor: 100.0 / period as f64,
        }
    }

    /// Pushes one bar; true once the window is full.
    #[inline]
    fn push(&mut self, high: f64, low: f64) -> bool {
        self.highs.push(high);
        self.lows.push(low)
    }
}

impl Indicator for Aroon {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 2;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        Ok(Aroon::new(p.int(0)))
    }
    fn lookback(&self) -> usize {
        self.period
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        if !self.push(bar[0], bar[1]) {
            return false;
        }
        out[0] = self.factor * (self.period - self.lows.age()) as f64;
        out[1] = self.factor * (self.period - self.highs.age()) as f64;
        true
    }
}

/// Aroon oscillator: Aroon up - Aroon down, computed as TA-Lib does from the bar distance
/// between the high and the low.
#[derive(Debug, Clone)]
pub struct Aroonosc(Aroon);

impl Indicator for Aroonosc {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 1;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        Ok(Aroonosc(Aroon::new(p.int(0))))
    }
    fn lookback(&self) -> usize {
        self.0.period
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let a = &mut self.0;
        if !a.push(bar[0], bar[1]) {
            return false;
        }
        // Index of the high minus index of the low.
        let distance = a.lows.age() as f64 - a.highs.age() as f64;
        out[0] = a.factor * distance;
        true
    }
}

/// Balance of power: `(close - open) / (high - low)`; zero on an empty or inverted range.
#[derive(Debug, Clone)]
pub struct Bop;

impl Indicator for Bop {
    const INPUTS: usize = 4;
    const OUTPUTS: usize = 1;
    fn from_params(_: &Params) -> Result<Self, TaError> {
        Ok(Bop)
    }
    fn lookback(&self) -> usize {
        0
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (open, high, low, close) = (bar[0], bar[1], bar[2], bar[3]);
        let range = high - low;
        out[0] = if range <= 0.0 {
            0.0
        } else {
            (close - open) / range
        };
        true
    }
}

/// Running sums of ULTOSC's buying pressure and true range over one period. The sums start
/// on the bar that makes the first output use exactly `period` terms, summed from zero.
#[derive(Debug, Clone)]
struct PressureSums {
    first_bar: usize,
    pressure: Ring,
    range: Ring,
    pressure_sum: f64,
    range_sum: f64,
}

impl PressureSums {
    fn new(period: usize, lookback: usize) -> Self {
        PressureSums {
            first_bar: lookback + 1 - period,
            pressure: Ring::new(period),
            range: Ring::new(period),
            pressure_sum: 0.0,
            range_sum: 0.0,
        }
    }

    fn period(&self) -> usize {
        self.pressure.capacity()
    }

    #[inline]
    fn push(&mut self, bar: usize, pressure: f64, range: f64) {
        if bar < self.first_bar {
            return;
        }
        if let Some(old) = self.pressure.push(pressure) {
            self.pressure_sum -= old;
        }
        if let Some(old) = self.range.push(range) {
            self.range_sum -= old;
        }
        self.pressure_sum += pressure;
        self.range_sum += range;
    }

    /// Drops rounding residue once the whole window holds zero terms.
    #[inline]
    fn clear(&mut self) {
        self.pressure_sum = 0.0;
        self.range_sum = 0.0;
    }

    /// `pressure / range` when the range sum is positive.
    #[inline]
    fn ratio(&self) -> Option<f64> {
        (self.range_sum > 0.0).then(|| self.pressure_sum / self.range_sum)
    }
}

/// Ultimate oscillator: buying pressure over true range on three periods, weighted 4:2:1
/// from the shortest to the longest.
///
/// As in TA-Lib 0.8, a window whose bars all had zero pressure and zero range has its sums
/// reset to exactly zero, and a window contributes only when its range sum is positive.
#[derive(Debug, Clone)]
pub struct Ultosc {
    /// Shortest period first.
    sums: [PressureSums; 3],
    bars: usize,
    previous_close: f64,
    /// Consecutive bars with zero pressure and zero range (saturates at the longest period).
    flat_run: usize,
    lookback: usize,
}

impl Indicator for Ultosc {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        let mut periods = [p.int(0), p.int(1), p.int(2)];
        periods.sort_unstable();
        let lookback = periods[2];
        Ok(Ultosc {
            sums: periods.map(|period| PressureSums::new(period, lookback)),
            bars: 0,
            previous_close: 0.0,
            flat_run: 0,
            lookback,
        })
    }
    fn lookback(&self) -> usize {
        self.lookback
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (high, low, close) = (bar[0], bar[1], bar[2]);
        let today = self.bars;
        self.bars += 1;
        let previous = std::mem::replace(&mut self.previous_close, close);
        if today == 0 {
            return false;
        }
        let true_low = if low < previous { low } else { previous };
        let pressure = close - true_low;
        let mut true_range = high - low;
        let gap = (previous - high).abs();
        if gap > true_range {
            true_range = gap;
        }
        let gap = (previous - low).abs();
        if gap > true_range {
            true_range = gap;
        }
        for sums in &mut self.sums {
            sums.push(today, pressure, true_range);
        }
        self.flat_run = if pressure == 0.0 && true_range == 0.0 {
            self.flat_run + 1
        } else {
            0
        };
        if today < self.lookback {
            return false;
        }
        let longest = self.sums[2].period();
        if self.flat_run >= longest {
            self.flat_run = longest;
        }
        for sums in &mut self.sums {
            if self.flat_run >= sums.period() {
                sums.clear();
            }
        }
        let [short, middle, long] = &self.sums;
        let mut total = 0.0;
        if let Some(r) = short.ratio() {
            total += 4.0 * r;
        }
        if let Some(r) = middle.ratio() {
            total += 2.0 * r;
        }
        if let Some(r) = long.ratio() {
            total += r;
        }
        out[0] = 100.0 * (total / 7.0);
        true
    }
}

// ---------------------------------------------------------------------------------------------
// Catalog
// ---------------------------------------------------------------------------------------------

const REAL: &[Input] = &[Input::Real];
const HIGH_LOW: &[Input] = &[Input::High, Input::Low];
const HIGH_LOW_CLOSE: &[Input] = &[Input::High, Input::Low, Input::Close];
const LINE: &[OutputSpec] = &[OutputSpec::new("value", "real", Pane::Own, Style::Line)];
const MACD_OUTPUTS: &[OutputSpec] = &[
    OutputSpec::new("macd", "macd", Pane::Own, Style::Line),
    OutputSpec::new("signal", "macdsignal", Pane::Own, Style::DashedLine),
    OutputSpec::new("hist", "macdhist", Pane::Own, Style::Histogram),
];
const FAST_STOCH_OUTPUTS: &[OutputSpec] = &[
    OutputSpec::new("fastk", "fastk", Pane::Own, Style::Line),
    OutputSpec::new("fastd", "fastd", Pane::Own, Style::Line),
];
const UNSTABLE: &[Flag] = &[Flag::UnstablePeriod];

const fn fast_period(default: i64) -> ParamSpec {
    ParamSpec::int(
        "fast_period",
        "fastperiod",
        default,
        2,
        "bars in the fast moving average",
    )
}

const fn slow_period(default: i64) -> ParamSpec {
    ParamSpec::int(
        "slow_period",
        "slowperiod",
        default,
        2,
        "bars in the slow moving average",
    )
}

const fn signal_period(default: i64) -> ParamSpec {
    ParamSpec::int(
        "signal_period",
        "signalperiod",
        default,
        1,
        "bars in the signal-line moving average",
    )
}

const FASTK_PERIOD: ParamSpec = ParamSpec::int(
    "fastk_period",
    "fastk_period",
    5,
    1,
    "bars in the high-low window of %K",
);
const FASTD_PERIOD: ParamSpec = ParamSpec::int(
    "fastd_period",
    "fastd_period",
    3,
    1,
    "bars in the moving average of %K (%D)",
);
const FASTD_MA_TYPE: ParamSpec = ParamSpec::ma_type("fastd_ma_type", "fastd_matype", MaType::Sma);

/// A single-series, single-output momentum entry.
const fn real_spec(
    name: &'static str,
    talib_name: &'static str,
    summary: &'static str,
    params: &'static [ParamSpec],
    flags: &'static [Flag],
    kernel: crate::catalog::Kernel,
) -> IndicatorSpec {
    IndicatorSpec {
        name,
        talib_name,
        group: Group::Momentum,
        summary,
        inputs: REAL,
        params,
        outputs: LINE,
        flags,
        missing_data: MissingData::SkipBar,
        kernel,
    }
}

const PERIOD_10_MIN_1: &[ParamSpec] = &[ParamSpec::period(10, 1)];

pub(crate) static SPECS: &[IndicatorSpec] = &[
    real_spec(
        "rsi",
        "RSI",
        "Relative strength index: Wilder-smoothed gains as a percentage of gains plus losses",
        &[ParamSpec::period(14, 2)],
        UNSTABLE,
        kernel::<Rsi>(),
    ),
    IndicatorSpec {
        name: "macd",
        talib_name: "MACD",
        group: Group::Momentum,
        summary: "Moving average convergence/divergence: fast EMA - slow EMA, its signal EMA and the difference",
        inputs: REAL,
        params: &[fast_period(12), slow_period(26), signal_period(9)],
        outputs: MACD_OUTPUTS,
        flags: UNSTABLE,
        missing_data: MissingData::SkipBar,
        kernel: kernel::<Macd>(),
    },
    IndicatorSpec {
        name: "macdext",
        talib_name: "MACDEXT",
        group: Group::Momentum,
        summary: "MACD with a chosen moving-average type for each line",
        inputs: REAL,
        params: &[
            fast_period(12),
            ParamSpec::ma_type("fast_ma_type", "fastmatype", MaType::Sma),
            slow_period(26),
            ParamSpec::ma_type("slow_ma_type", "slowmatype", MaType::Sma),
            signal_period(9),
            ParamSpec::ma_type("signal_ma_type", "signalmatype", MaType::Sma),
        ],
        outputs: MACD_OUTPUTS,
        flags: &[],
        missing_data: MissingData::SkipBar,
        kernel: kernel::<Macdext>(),
    },
    IndicatorSpec {
        name: "macdfix",
        talib_name: "MACDFIX",
        group: Group::Momentum,
        summary: "MACD 12/26 with the fixed smoothing factors 0.15 and 0.075",
        inputs: REAL,
        params: &[signal_period(9)],
        outputs: MACD_OUTPUTS,
        flags: UNSTABLE,
        missing_data: MissingData::SkipBar,
        kernel: kernel::<Macdfix>(),
    },
    IndicatorSpec {
        name: "stoch",
        talib_name: "STOCH",
        group: Group::Momentum,
        summary: "Slow stochastic: smoothed %K and its moving average %D",
        inputs: HIGH_LOW_CLOSE,
        params: &[
            FASTK_PERIOD,
            ParamSpec::int("slowk_period", "slowk_period", 3, 1, "bars in the moving average of %K (slow %K)"),
            ParamSpec::ma_type("slowk_ma_type", "slowk_matype", MaType::Sma),
            ParamSpec::int("slowd_period", "slowd_period", 3, 1, "bars in the moving average of slow %K (slow %D)"),
            ParamSpec::ma_type("slowd_ma_type", "slowd_matype", MaType::Sma),
        ],
        outputs: &[
            OutputSpec::new("slowk", "slowk", Pane::Own, Style::DashedLine),
            OutputSpec::new("slowd", "slowd", Pane::Own, Style::DashedLine),
        ],
        flags: &[],
        missing_data: MissingData::SkipBar,
        kernel: kernel::<Stoch>(),
    },
    IndicatorSpec {
        name: "stochf",
        talib_name: "STOCHF",
        group: Group::Momentum,
        summary: "Fast stochastic: %K and its moving average %D",
        inputs: HIGH_LOW_CLOSE,
        params: &[FASTK_PERIOD, FASTD_PERIOD, FASTD_MA_TYPE],
        outputs: FAST_STOCH_OUTPUTS,
        flags: &[],
        missing_data: MissingData::SkipBar,
        kernel: kernel::<Stochf>(),
    },
    IndicatorSpec {
        name: "stochrsi",
        talib_name: "STOCHRSI",
        group: Group::Momentum,
        summary: "Stochastic RSI: the fast stochastic of the RSI line",
        inputs: REAL,
        params: &[ParamSpec::period(14, 2), FASTK_PERIOD, FASTD_PERIOD, FASTD_MA_TYPE],
        outputs: FAST_STOCH_OUTPUTS,
        flags: UNSTABLE,
        missing_data: MissingData::SkipBar,
        kernel: kernel::<Stochrsi>(),
    },
    IndicatorSpec {
        name: "cci",
        talib_name: "CCI",
        group: Group::Momentum,
        summary: "Commodity channel index: typical price's distance from its mean in mean deviations / 0.015",
        inputs: HIGH_LOW_CLOSE,
        params: &[ParamSpec::period(14, 2)],
        outputs: LINE,
        flags: &[],
        missing_data: MissingData::SkipBar,
        kernel: kernel::<Cci>(),
    },
    IndicatorSpec {
        name: "willr",
        talib_name: "WILLR",
        group: Group::Momentum,
        summary: "Williams' %R: the close's distance below the highest high, as -percent of the range",
        inputs: HIGH_LOW_CLOSE,
        params: &[ParamSpec::period(14, 2)],
        outputs: LINE,
        flags: &[],
        missing_data: MissingData::SkipBar,
        kernel: kernel::<Willr>(),
    },
    IndicatorSpec {
        name: "mfi",
        talib_name: "MFI",
        group: Group::Momentum,
        summary: "Money flow index: volume-weighted RSI of the typical price",
        inputs: &[Input::High, Input::Low, Input::Close, Input::Volume],
        params: &[ParamSpec::period(14, 2)],
        outputs: LINE,
        flags: &[],
        missing_data: MissingData::SkipBar,
        kernel: kernel::<Mfi>(),
    },
    real_spec("mom", "MOM", "Momentum: change over the period", PERIOD_10_MIN_1, &[], kernel::<Mom>()),
    real_spec(
        "roc",
        "ROC",
        "Rate of change in percent: (price / previous price - 1) · 100",
        PERIOD_10_MIN_1,
        &[],
        kernel::<Roc>(),
    ),
    real_spec(
        "rocp",
        "ROCP",
        "Rate of change as a fraction: (price - previous price) / previous price",
        PERIOD_10_MIN_1,
        &[],
        kernel::<Rocp>(),
    ),
    real_spec("rocr", "ROCR", "Rate-of-change ratio: price / previous price", PERIOD_10_MIN_1, &[], kernel::<Rocr>()),
    real_spec(
        "rocr100",
        "ROCR100",
        "Rate-of-change ratio on a 100 scale: (price / previous price) · 100",
        PERIOD_10_MIN_1,
        &[],
        kernel::<Rocr100>(),
    ),
    real_spec(
        "cmo",
        "CMO",
        "Chande momentum oscillator: Wilder-smoothed gains minus losses over gains plus losses, in percent",
        &[ParamSpec::period(14, 2)],
        UNSTABLE,
        kernel::<Cmo>(),
    ),
    real_spec(
        "apo",
        "APO",
        "Absolute price oscillator: fast moving average - slow moving average",
        &[fast_period(12), slow_period(26), ParamSpec::ma_type("ma_type", "matype", MaType::Ema)],
        UNSTABLE,
        kernel::<Apo>(),
    ),
    real_spec(
        "ppo",
        "PPO",
        "Percentage price oscillator: (fast - slow moving average) / slow moving average, in percent",
        &[fast_period(12), slow_period(26), ParamSpec::ma_type("ma_type", "matype", MaType::Ema)],
        UNSTABLE,
        kernel::<Ppo>(),
    ),
    real_spec(
        "trix",
        "TRIX",
        "One-bar rate of change (percent) of a triple exponential moving average",
        &[ParamSpec::period(30, 1)],
        UNSTABLE,
        kernel::<Trix>(),
    ),
    IndicatorSpec {
        name: "aroon",
        talib_name: "AROON",
        group: Group::Momentum,
        summary: "Aroon: how recently the window made its lowest low and its highest high, in percent",
        inputs: HIGH_LOW,
        params: &[ParamSpec::period(14, 2)],
        outputs: &[
            OutputSpec::new("aroon_down", "aroondown", Pane::Own, Style::DashedLine),
            OutputSpec::new("aroon_up", "aroonup", Pane::Own, Style::Line),
        ],
        flags: &[],
        missing_data: MissingData::SkipBar,
        kernel: kernel::<Aroon>(),
    },
    IndicatorSpec {
        name: "aroonosc",
        talib_name: "AROONOSC",
        group: Group::Momentum,
        summary: "Aroon oscillator: Aroon up - Aroon down",
        inputs: HIGH_LOW,
        params: &[ParamSpec::period(14, 2)],
        outputs: LINE,
        flags: &[],
        missing_data: MissingData::SkipBar,
        kernel: kernel::<Aroonosc>(),
    },
    IndicatorSpec {
        name: "bop",
        talib_name: "BOP",
        group: Group::Momentum,
        summary: "Balance of power: (close - open) / (high - low)",
        inputs: &[Input::Open, Input::High, Input::Low, Input::Close],
        params: &[],
        outputs: LINE,
        flags: &[],
        missing_data: MissingData::SkipBar,
        kernel: kernel::<Bop>(),
    },
    IndicatorSpec {
        name: "ultosc",
        talib_name: "ULTOSC",
        group: Group::Momentum,
        summary: "Ultimate oscillator: buying pressure over true range on three periods, weighted 4:2:1",
        inputs: HIGH_LOW_CLOSE,
        params: &[
            ParamSpec::int("period1", "timeperiod1", 7, 1, "first period (the shortest gets weight 4)"),
            ParamSpec::int("period2", "timeperiod2", 14, 1, "second period (the middle one gets weight 2)"),
            ParamSpec::int("period3", "timeperiod3", 28, 1, "third period (the longest gets weight 1)"),
        ],
        outputs: LINE,
        flags: &[],
        missing_data: MissingData::SkipBar,
        kernel: kernel::<Ultosc>(),
    },
];

#[cfg(test)]
mod tests {
    use super::SPECS;
    use crate::catalog::IndicatorSpec;
    use crate::TaError;

    fn spec(name: &str) -> &'static IndicatorSpec {
        SPECS.iter().find(|s| s.name == name).unwrap()
    }

    /// Every output of `name`, missing rows as `None`.
    fn run(name: &str, params: &[f64], inputs: &[&[f64]]) -> Vec<Vec<Option<f64>>> {
        let batch = spec(name).run(params, inputs, None).unwrap();
        batch
            .outputs
            .iter()
            .map(|o| {
                o.iter()
                    .enumerate()
                    .map(|(row, &v)| batch.validity.is_valid(row).then_some(v))
                    .collect()
            })
            .collect()
    }

    fn close(a: &[Option<f64>], b: &[Option<f64>]) -> bool {
        a.len() == b.len()
            && a.iter().zip(b).all(|(x, y)| match (x, y) {
                (Some(x), Some(y)) => (x - y).abs() <= 1e-12 * y.abs().max(1.0),
                (None, None) => true,
                _ => false,
            })
    }

    macro_rules! assert_series {
        ($got:expr, $want:expr) => {
            let (got, want): (&[Option<f64>], &[Option<f64>]) = (&$got, &$want);
            assert!(close(got, want), "got {got:?}, want {want:?}");
        };
    }

    #[test]
    fn momentum_and_rates_of_change() {
        let x = [1.0, 2.0, 4.0, 7.0, 11.0];
        assert_series!(
            run("mom", &[2.0], &[&x])[0],
            [None, None, Some(3.0), Some(5.0), Some(7.0)]
        );
        // The previous value 0 makes every rate of change 0.
        let y = [2.0, 3.0, 0.0, 5.0];
        assert_series!(
            run("roc", &[1.0], &[&y])[0],
            [None, Some(50.0), Some(-100.0), Some(0.0)]
        );
        assert_series!(
            run("rocp", &[1.0], &[&y])[0],
            [None, Some(0.5), Some(-1.0), Some(0.0)]
        );
        assert_series!(
            run("rocr", &[1.0], &[&y])[0],
            [None, Some(1.5), Some(0.0), Some(0.0)]
        );
        assert_series!(
            run("rocr100", &[1.0], &[&y])[0],
            [None, Some(150.0), Some(0.0), Some(0.0)]
        );
    }

    #[test]
    fn rsi_and_cmo() {
        let up: Vec<f64> = (1..=8).map(f64::from).collect();
        let down: Vec<f64> = up.iter().rev().copied().collect();
        let flat = [5.0; 8];
        for (series, rsi, cmo) in [
            (&up, 100.0, 100.0),
            (&down, 0.0, -100.0),
            (&flat.to_vec(), 0.0, 0.0),
        ] {
            let mut want = vec![None; 3];
            want.resize(8, Some(rsi));
            assert_series!(run("rsi", &[3.0], &[series])[0], want);
            want.truncate(3);
            want.resize(8, Some(cmo));
            assert_series!(run("cmo", &[3.0], &[series])[0], want);
        }
        // Changes +1, -1, +2 with period 2: seed gain 0.5, loss 0.5; then Wilder smoothing
        // gives gain (0.5 + 2) / 2 = 1.25 and loss 0.5 / 2 = 0.25.
        let x = [1.0, 2.0, 1.0, 3.0];
        assert_series!(
            run("rsi", &[2.0], &[&x])[0],
            [None, None, Some(50.0), Some(100.0 * 1.25 / 1.5)]
        );
        assert_series!(
            run("cmo", &[2.0], &[&x])[0],
            [None, None, Some(0.0), Some(100.0 * 1.0 / 1.5)]
        );
    }

    #[test]
    fn balance_of_power() {
        let (open, high, low, close) = (
            [10.0, 5.0, 5.0],
            [12.0, 5.0, 4.0],
            [8.0, 5.0, 6.0],
            [11.0, 5.0, 5.5],
        );
        // An empty or inverted range gives 0.
        assert_series!(
            run("bop", &[], &[&open, &high, &low, &close])[0],
            [Some(0.25), Some(0.0), Some(0.0)]
        );
    }

    #[test]
    fn williams_r_and_fast_stochastic() {
        let high = [150.0, 140.0, 140.0, 140.0];
        let low = [100.0, 110.0, 110.0, 110.0];
        // Highest 150 and lowest 100 over two bars; closes inside, above and below the range.
        let close = [120.0, 125.0, 160.0, 90.0];
        let willr = run("willr", &[2.0], &[&high, &low, &close]);
        // (150 - 125) / 50 · -100 = -50; the row-2 range is 140 - 110 = 30, and a close
        // above it clamps to 0, below it to -100.
        assert_series!(willr[0], [None, Some(-50.0), Some(0.0), Some(-100.0)]);
        let stochf = run("stochf", &[2.0, 1.0, 0.0], &[&high, &low, &close]);
        assert_series!(
            stochf[0],
            [
                None,
                Some(50.0),
                Some(50.0 / 30.0 * 100.0),
                Some(-20.0 / 30.0 * 100.0)
            ]
        );
        assert_series!(stochf[1], stochf[0]);
        // %K is withheld until %D exists.
        let stochf = run("stochf", &[2.0, 2.0, 0.0], &[&high, &low, &close]);
        assert_eq!(stochf[0][1], None);
        assert!(stochf[0][2].is_some() && stochf[1][2].is_some());
        // A flat window has no range: %K and %R are 0.
        let flat = [7.0; 3];
        assert_series!(
            run("stochf", &[2.0, 1.0, 0.0], &[&flat, &flat, &flat])[0],
            [None, Some(0.0), Some(0.0)]
        );
        assert_series!(
            run("willr", &[2.0], &[&flat, &flat, &flat])[0],
            [None, Some(0.0), Some(0.0)]
        );
    }

    #[test]
    fn aroon_counts_bars_since_the_extremes() {
        // Window of period + 1 = 3 bars: the high and the low were both one bar ago.
        let out = run("aroon", &[2.0], &[&[1.0, 3.0, 2.0], &[3.0, 1.0, 2.0]]);
        assert_series!(out[0], [None, None, Some(50.0)]);
        assert_series!(out[1], [None, None, Some(50.0)]);
        // Ties go to the most recent bar: equal highs make Aroon up 100.
        let out = run("aroon", &[2.0], &[&[2.0, 2.0, 2.0], &[1.0, 2.0, 3.0]]);
        assert_series!(out[1], [None, None, Some(100.0)]);
        assert_series!(out[0], [None, None, Some(0.0)]);
        let osc = run("aroonosc", &[2.0], &[&[2.0, 2.0, 2.0], &[1.0, 2.0, 3.0]]);
        assert_series!(osc[0], [None, None, Some(100.0)]);
    }

    #[test]
    fn cci_and_mfi() {
        // Typical prices 1 and 3: mean 2, mean deviation 1, so CCI = 1 / 0.015.
        let tp = [1.0, 3.0];
        assert_series!(
            run("cci", &[2.0], &[&tp, &tp, &tp])[0],
            [None, Some(1.0 / 0.015)]
        );
        let flat = [4.0; 5];
        assert_series!(
            run("cci", &[3.0], &[&flat, &flat, &flat])[0],
            [None, None, Some(0.0), Some(0.0), Some(0.0)]
        );
        // Flows: +2 (up to 2), -1 (down to 1): MFI = 100 · 2 / 3.
        let tp = [1.0, 2.0, 1.0];
        let volume = [1.0; 3];
        assert_series!(
            run("mfi", &[2.0], &[&tp, &tp, &tp, &volume])[0],
            [None, None, Some(200.0 / 3.0)]
        );
        // No flow at all gives 0.
        assert_series!(
            run("mfi", &[2.0], &[&flat, &flat, &flat, &flat])[0],
            [None, None, Some(0.0), Some(0.0), Some(0.0)]
        );
    }

    #[test]
    fn oscillators_of_a_constant_series_are_zero() {
        let x = [3.0; 120];
        for (name, params) in [
            ("apo", vec![12.0, 26.0, 1.0]),
            ("ppo", vec![12.0, 26.0, 0.0]),
            ("trix", vec![5.0]),
            ("macd", vec![12.0, 26.0, 9.0]),
        ] {
            let out = run(name, &params, &[&x]);
            let lookback = spec(name).lookback(&params).unwrap();
            for series in out {
                assert!(series[..lookback].iter().all(Option::is_none), "{name}");
                assert!(
                    series[lookback..].iter().all(|v| *v == Some(0.0)),
                    "{name}: {series:?}"
                );
            }
        }
        // PPO over a zero slow average is 0, not a division by zero.
        let zeros = [0.0; 40];
        assert!(run("ppo", &[2.0, 3.0, 0.0], &[&zeros])[0][2..]
            .iter()
            .all(|v| *v == Some(0.0)));
    }

    #[test]
    fn lookbacks() {
        let cases: &[(&str, &[f64], usize)] = &[
            ("rsi", &[14.0], 14),
            ("macd", &[12.0, 26.0, 9.0], 33),
            ("macd", &[26.0, 12.0, 9.0], 33),
            ("macdfix", &[9.0], 33),
            ("macdfix", &[1.0], 25),
            // A fast TEMA (3·11 bars) outlasts a slow SMA (25 bars).
            ("macdext", &[12.0, 4.0, 26.0, 0.0, 9.0, 0.0], 33 + 8),
            ("stoch", &[5.0, 3.0, 0.0, 3.0, 0.0], 8),
            ("stoch", &[1.0, 1.0, 0.0, 1.0, 0.0], 0),
            ("stochf", &[5.0, 3.0, 1.0], 6),
            ("stochrsi", &[14.0, 5.0, 3.0, 0.0], 20),
            ("cci", &[14.0], 13),
            ("willr", &[14.0], 13),
            ("mfi", &[14.0], 14),
            ("mom", &[10.0], 10),
            ("cmo", &[14.0], 14),
            ("apo", &[12.0, 26.0, 1.0], 25),
            ("ppo", &[26.0, 12.0, 4.0], 75),
            ("trix", &[30.0], 88),
            ("trix", &[1.0], 1),
            ("aroon", &[14.0], 14),
            ("aroonosc", &[14.0], 14),
            ("bop", &[], 0),
            ("ultosc", &[7.0, 14.0, 28.0], 28),
            ("ultosc", &[28.0, 1.0, 3.0], 28),
        ];
        for &(name, params, want) in cases {
            assert_eq!(
                spec(name).lookback(params).unwrap(),
                want,
                "{name} {params:?}"
            );
        }
    }

    /// Each state machine first answers on bar `lookback()` and then on every bar, including
    /// at the smallest periods TA-Lib accepts.
    #[test]
    fn first_output_at_lookback_with_minimum_periods() {
        let n = 200;
        let close: Vec<f64> = (0..n)
            .map(|i| 100.0 + (i as f64 * 0.7).sin() * 5.0 + i as f64 * 0.1)
            .collect();
        let high: Vec<f64> = close.iter().map(|c| c + 1.0).collect();
        let low: Vec<f64> = close.iter().map(|c| c - 1.5).collect();
        let open: Vec<f64> = close.iter().map(|c| c - 0.25).collect();
        let volume = vec![1000.0; n];
        for s in SPECS {
            for params in [s.default_values(), s.params.iter().map(|p| p.min).collect()] {
                let inputs: Vec<&[f64]> = s
                    .inputs
                    .iter()
                    .map(|i| match i.as_str() {
                        "open" => open.as_slice(),
                        "high" => high.as_slice(),
                        "low" => low.as_slice(),
                        "volume" => volume.as_slice(),
                        _ => close.as_slice(),
                    })
                    .collect();
                let lookback = s.lookback(&params).unwrap();
                let batch = s.run(&params, &inputs, None).unwrap();
                assert_eq!(
                    batch.validity,
                    crate::Validity::Prefix(lookback),
                    "{} {params:?}",
                    s.name
                );
                assert!(
                    batch
                        .outputs
                        .iter()
                        .all(|o| o[lookback..].iter().all(|v| v.is_finite())),
                    "{}",
                    s.name
                );
            }
        }
    }

    #[test]
    fn slow_shorter_than_fast_is_swapped() {
        let x: Vec<f64> = (0..60)
            .map(|i| 50.0 + (i as f64 * 0.3).cos() * 4.0)
            .collect();
        assert_eq!(
            run("macd", &[26.0, 12.0, 9.0], &[&x]),
            run("macd", &[12.0, 26.0, 9.0], &[&x])
        );
        assert_eq!(
            run("apo", &[9.0, 4.0, 2.0], &[&x]),
            run("apo", &[4.0, 9.0, 2.0], &[&x])
        );
        // MACDEXT swaps the moving-average types along with the periods.
        assert_eq!(
            run("macdext", &[26.0, 1.0, 12.0, 2.0, 9.0, 0.0], &[&x]),
            run("macdext", &[12.0, 2.0, 26.0, 1.0, 9.0, 0.0], &[&x])
        );
        // ULTOSC sorts its periods.
        let hi: Vec<f64> = x.iter().map(|v| v + 1.0).collect();
        let lo: Vec<f64> = x.iter().map(|v| v - 1.0).collect();
        assert_eq!(
            run("ultosc", &[28.0, 7.0, 14.0], &[&hi, &lo, &x]),
            run("ultosc", &[7.0, 14.0, 28.0], &[&hi, &lo, &x])
        );
    }

    #[test]
    fn parameters_outside_talib_ranges_are_refused() {
        let refused: &[(&str, &[f64])] = &[
            ("rsi", &[1.0]),
            ("cmo", &[1.0]),
            ("cci", &[1.0]),
            ("willr", &[1.0]),
            ("mfi", &[1.0]),
            ("aroon", &[1.0]),
            ("mom", &[0.0]),
            ("roc", &[100_001.0]),
            ("trix", &[0.0]),
            ("macd", &[1.0, 26.0, 9.0]),
            ("macd", &[12.0, 26.0, 0.0]),
            ("stoch", &[0.0, 3.0, 0.0, 3.0, 0.0]),
            ("stochf", &[5.0, 3.0, 7.0]), // MAMA is not available through MA_Type here
            ("macdext", &[12.0, 9.0, 26.0, 0.0, 9.0, 0.0]),
            ("ultosc", &[7.0, 0.0, 28.0]),
            ("apo", &[12.5, 26.0, 1.0]),
        ];
        for &(name, params) in refused {
            let err = spec(name).params(params).unwrap_err();
            assert!(
                matches!(err, TaError::InvalidParam { .. }),
                "{name} {params:?}: {err:?}"
            );
        }
        // TA-Lib accepts a slow period shorter than the fast one (it swaps them).
        assert!(spec("ppo").params(&[26.0, 12.0, 1.0]).is_ok());
        assert!(spec("macdext")
            .params(&[26.0, 8.0, 12.0, 6.0, 1.0, 3.0])
            .is_ok());
    }
}
