//! Moving averages: the smoothers every other family builds on, and TA-Lib's `MA_Type`
//! dispatch. Each is a state machine fed one value at a time.

use crate::params::MaType;
use crate::primitives::{ema_k, Ring};

/// A one-series state machine: `None` while warming up.
pub trait Smoother {
    fn update(&mut self, x: f64) -> Option<f64>;
    /// Values consumed before the first output.
    fn lookback(&self) -> usize;
}

/// Simple moving average with TA-Lib's running sum (subtract the leaver, then add the arrival).
#[derive(Debug, Clone)]
pub struct Sma {
    period: usize,
    window: Ring,
    sum: f64,
}

impl Sma {
    pub fn new(period: usize) -> Self {
        Sma {
            period,
            window: Ring::new(period),
            sum: 0.0,
        }
    }
}

impl Smoother for Sma {
    #[inline]
    fn update(&mut self, x: f64) -> Option<f64> {
        // Read the state before writing the ring: a store into the ring first would make
        // the compiler reload `sum` from memory on every bar.
        let full = self.window.is_full();
        let mut sum = self.sum;
        if full {
            sum -= self.window.oldest();
        }
        sum += x;
        self.sum = sum;
        self.window.push(x);
        (full || self.window.is_full()).then(|| sum / self.period as f64)
    }
    fn lookback(&self) -> usize {
        self.period - 1
    }
}

/// How an EMA step is written; TA-Lib's EMA and T3 use different (equal in exact arithmetic)
/// forms, and we follow each to stay bit-close.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmaForm {
    /// `(x - prev) * k + prev` (TA-Lib EMA, DEMA, TEMA, TRIX, MACD).
    Delta,
    /// `k * x + (1 - k) * prev` (TA-Lib T3).
    Blend,
}

/// Exponential moving average seeded with the simple mean of its first `period` values.
#[derive(Debug, Clone)]
pub struct Ema {
    period: usize,
    k: f64,
    one_minus_k: f64,
    form: EmaForm,
    seen: usize,
    value: f64,
}

impl Ema {
    pub fn new(period: usize) -> Self {
        Self::with_k(period, ema_k(period), EmaForm::Delta)
    }

    /// An EMA with an explicit smoothing factor (MACDFIX) and form; still SMA-seeded over
    /// `period` values.
    pub fn with_k(period: usize, k: f64, form: EmaForm) -> Self {
        Ema {
            period,
            k,
            one_minus_k: 1.0 - k,
            form,
            seen: 0,
            value: 0.0,
        }
    }
}

impl Smoother for Ema {
    #[inline]
    fn update(&mut self, x: f64) -> Option<f64> {
        if self.seen >= self.period {
            self.value = match self.form {
                EmaForm::Delta => (x - self.value) * self.k + self.value,
                EmaForm::Blend => self.k * x + self.one_minus_k * self.value,
            };
            return Some(self.value);
        }
        self.seen += 1;
        self.value += x;
        if self.seen == self.period {
            self.value /= self.period as f64;
            Some(self.value)
        } else {
            None
        }
    }
    fn lookback(&self) -> usize {
        self.period - 1
    }
}

/// Weighted moving average (weights 1..=period, newest heaviest) in TA-Lib's running form,
/// re-summed exactly once every `period` bars so rounding cannot drift over long series
/// (TA-Lib 0.8 drifts less than the plain running form).
#[derive(Debug, Clone)]
pub struct Wma {
    period: usize,
    window: Ring,
    weighted_sum: f64,
    plain_sum: f64,
    trailing: f64,
    since_exact: usize,
}

impl Wma {
    pub fn new(period: usize) -> Self {
        Wma {
            period,
            window: Ring::new(period),
            weighted_sum: 0.0,
            plain_sum: 0.0,
            trailing: 0.0,
            since_exact: 0,
        }
    }

    /// Sums for the next bar from the current window alone: weights 0..n-1 on the values
    /// after the oldest, which is what the running form holds after emitting.
    #[cold]
    fn resum(&mut self) {
        let mut weighted = 0.0;
        let mut plain = 0.0;
        for i in 1..self.window.len() {
            let v = self.window.get(i);
            weighted += v * i as f64;
            plain += v;
        }
        self.weighted_sum = weighted;
        self.plain_sum = plain + self.trailing;
        self.since_exact = 0;
    }
}

impl Smoother for Wma {
    #[inline]
    fn update(&mut self, x: f64) -> Option<f64> {
        let n = self.period;
        if self.window.len() + 1 < n {
            self.window.push(x);
            self.plain_sum += x;
            self.weighted_sum += x * self.window.len() as f64;
            return None;
        }
        self.window.push(x);
        self.plain_sum += x;
        self.plain_sum -= self.trailing;
        self.weighted_sum += x * n as f64;
        self.trailing = self.window.oldest();
        let divider = ((n * (n + 1)) >> 1) as f64;
        let out = self.weighted_sum / divider;
        self.weighted_sum -= self.plain_sum;
        self.since_exact += 1;
        if self.since_exact >= n {
            self.resum();
        }
        Some(out)
    }
    fn lookback(&self) -> usize {
        self.period - 1
    }
}

/// Double EMA: `2·EMA - EMA(EMA)`.
#[derive(Debug, Clone)]
pub struct Dema {
    first: Ema,
    second: Ema,
}

impl Dema {
    pub fn new(period: usize) -> Self {
        Dema {
            first: Ema::new(period),
            second: Ema::new(period),
        }
    }
}

impl Smoother for Dema {
    #[inline]
    fn update(&mut self, x: f64) -> Option<f64> {
        let e1 = self.first.update(x)?;
        let e2 = self.second.update(e1)?;
        Some(2.0 * e1 - e2)
    }
    fn lookback(&self) -> usize {
        2 * (self.first.period - 1)
    }
}

/// Triple EMA: `3·EMA - 3·EMA² + EMA³`.
#[derive(Debug, Clone)]
pub struct Tema {
    first: Ema,
    second: Ema,
    third: Ema,
}

impl Tema {
    pub fn new(period: usize) -> Self {
        Tema {
            first: Ema::new(period),
            second: Ema::new(period),
            third: Ema::new(period),
        }
    }
}

impl Smoother for Tema {
    #[inline]
    fn update(&mut self, x: f64) -> Option<f64> {
        let e1 = self.first.update(x)?;
        let e2 = self.second.update(e1)?;
        let e3 = self.third.update(e2)?;
        Some(e3 + ((3.0 * e1) - (3.0 * e2)))
    }
    fn lookback(&self) -> usize {
        3 * (self.first.period - 1)
    }
}

/// Triangular moving average in TA-Lib's running form: a weighted sum with weights rising
/// 1, 2, … to the middle and falling back, kept up to date with two partial sums (the older
/// and the newer half). TA-Lib's rounding drifts measurably on short periods, so we follow
/// its arithmetic step for step rather than taking an SMA of an SMA.
#[derive(Debug, Clone)]
pub struct Trima {
    period: usize,
    half: usize,
    odd: bool,
    factor: f64,
    window: Ring,
    numerator: f64,
    older_sum: f64,
    newer_sum: f64,
}

impl Trima {
    pub fn new(period: usize) -> Self {
        let half = period / 2;
        let odd = period % 2 == 1;
        let divisor = if odd {
            (half + 1) * (half + 1)
        } else {
            half * (half + 1)
        };
        Trima {
            period,
            half,
            odd,
            factor: 1.0 / divisor as f64,
            window: Ring::new(period),
            numerator: 0.0,
            older_sum: 0.0,
            newer_sum: 0.0,
        }
    }

    /// The first full window, summed in TA-Lib's order (the older half backwards).
    fn seed(&mut self) {
        let middle = if self.odd { self.half } else { self.half - 1 };
        for k in (0..=middle).rev() {
            self.older_sum += self.window.get(k);
            self.numerator += self.older_sum;
        }
        for k in middle + 1..self.period {
            self.newer_sum += self.window.get(k);
            self.numerator += self.newer_sum;
        }
    }
}

impl Smoother for Trima {
    #[inline]
    fn update(&mut self, x: f64) -> Option<f64> {
        let Some(leaving) = self.window.push(x) else {
            if self.window.is_full() {
                self.seed();
                return Some(self.numerator * self.factor);
            }
            return None;
        };
        let middle = self.window.back(self.half);
        self.numerator -= self.older_sum;
        self.older_sum -= leaving;
        self.older_sum += middle;
        if self.odd {
            self.numerator += self.newer_sum;
            self.newer_sum -= middle;
        } else {
            self.newer_sum -= middle;
            self.numerator += self.newer_sum;
        }
        self.newer_sum += x;
        self.numerator += x;
        Some(self.numerator * self.factor)
    }
    fn lookback(&self) -> usize {
        self.period - 1
    }
}

/// Kaufman adaptive moving average (fast 2, slow 30), TA-Lib 0.8.1's arithmetic: the
/// volatility (sum of the last `period` absolute one-bar changes) is a running sum, except
/// that once `period` consecutive changes are exactly zero the window is flat and the sum is
/// reset to exactly 0 (so rounding left over from earlier moves cannot pass for movement);
/// the efficiency ratio is 1 when the sum is not positive or the change reaches it, and is
/// capped at 1; both multiply-adds are fused, as in TA-Lib's build.
#[derive(Debug, Clone)]
pub struct Kama {
    period: usize,
    /// The last `period + 1` values.
    window: Ring,
    volatility: f64,
    /// Consecutive one-bar changes that were exactly zero (at most `period`).
    flat_steps: usize,
    /// The value whose change left the volatility sum last.
    trailing: f64,
    value: f64,
}

impl Kama {
    const SLOWEST: f64 = 2.0 / (30.0 + 1.0);
    const SPREAD: f64 = 2.0 / (2.0 + 1.0) - Self::SLOWEST;

    pub fn new(period: usize) -> Self {
        Kama {
            period,
            window: Ring::new(period + 1),
            volatility: 0.0,
            flat_steps: 0,
            trailing: 0.0,
            value: 0.0,
        }
    }

    #[inline]
    fn efficiency(change: f64, volatility: f64) -> f64 {
        if 0.0 >= volatility || change >= volatility {
            1.0
        } else {
            (change / volatility).abs().min(1.0)
        }
    }

    #[inline]
    fn smooth(&mut self, efficiency: f64, x: f64) -> f64 {
        let mut sc = efficiency.mul_add(Self::SPREAD, Self::SLOWEST);
        sc *= sc;
        self.value = sc.mul_add(x - self.value, self.value);
        self.value
    }

    #[inline]
    fn count_flat(&mut self, step: f64) {
        self.flat_steps = if step == 0.0 { self.flat_steps + 1 } else { 0 };
    }
}

impl Smoother for Kama {
    #[inline]
    fn update(&mut self, x: f64) -> Option<f64> {
        let n = self.period;
        let seen = self.window.len();
        if seen < n {
            if seen > 0 {
                let step = self.window.back(0) - x;
                self.volatility += step.abs();
                self.count_flat(step);
            }
            self.window.push(x);
            return None;
        }
        let previous = self.window.back(0);
        self.window.push(x);
        let start = self.window.oldest();
        let step = x - previous;
        if seen == n {
            // First output: the seed sum still lacks its newest change; the previous value
            // stands in for the previous average.
            self.volatility += step.abs();
            self.count_flat(step);
            self.value = previous;
            self.trailing = start;
            return Some(self.smooth(Self::efficiency(x - start, self.volatility), x));
        }
        if step == 0.0 {
            self.flat_steps += 1;
            if self.flat_steps >= n {
                self.flat_steps = n;
                self.volatility = 0.0;
                self.trailing = start;
                return Some(self.smooth(1.0, x));
            }
        } else {
            self.flat_steps = 0;
        }
        self.volatility -= (self.trailing - start).abs();
        self.volatility += step.abs();
        self.trailing = start;
        Some(self.smooth(Self::efficiency(x - start, self.volatility), x))
    }
    fn lookback(&self) -> usize {
        self.period
    }
}

/// Tillson's T3: six chained EMAs combined with volume-factor weights.
#[derive(Debug, Clone)]
pub struct T3 {
    stages: [Ema; 6],
    c: [f64; 4],
    period: usize,
}

impl T3 {
    pub fn new(period: usize, vfactor: f64) -> Self {
        let k = ema_k(period);
        let stage = Ema::with_k(period, k, EmaForm::Blend);
        let a = vfactor;
        let a2 = a * a;
        let c1 = -(a2 * a);
        let c2 = 3.0 * (a2 - c1);
        let c3 = -6.0 * a2 - 3.0 * (a - c1);
        let c4 = 1.0 + 3.0 * a - c1 + 3.0 * a2;
        T3 {
            stages: [
                stage.clone(),
                stage.clone(),
                stage.clone(),
                stage.clone(),
                stage.clone(),
                stage,
            ],
            c: [c1, c2, c3, c4],
            period,
        }
    }
}

impl Smoother for T3 {
    #[inline]
    fn update(&mut self, x: f64) -> Option<f64> {
        let mut e = [0.0; 6];
        let mut v = x;
        for (slot, stage) in e.iter_mut().zip(self.stages.iter_mut()) {
            v = stage.update(v)?;
            *slot = v;
        }
        let [c1, c2, c3, c4] = self.c;
        Some(c1 * e[5] + c2 * e[4] + c3 * e[3] + c4 * e[2])
    }
    fn lookback(&self) -> usize {
        6 * (self.period - 1)
    }
}

/// Any moving average chosen at run time by TA-Lib's `MA_Type`. A period of 1 passes values
/// through unchanged (TA-Lib 0.8: "a period of 1 performs no smoothing").
#[derive(Debug, Clone)]
pub enum MovingAverage {
    Identity,
    Sma(Sma),
    Ema(Ema),
    Wma(Wma),
    Dema(Dema),
    Tema(Tema),
    Trima(Trima),
    Kama(Kama),
    T3(T3),
}

impl MovingAverage {
    /// T3's volume factor when chosen through `MA_Type`.
    pub const T3_VFACTOR: f64 = 0.7;

    pub fn new(kind: MaType, period: usize) -> Self {
        if period <= 1 {
            return MovingAverage::Identity;
        }
        match kind {
            MaType::Sma => MovingAverage::Sma(Sma::new(period)),
            MaType::Ema => MovingAverage::Ema(Ema::new(period)),
            MaType::Wma => MovingAverage::Wma(Wma::new(period)),
            MaType::Dema => MovingAverage::Dema(Dema::new(period)),
            MaType::Tema => MovingAverage::Tema(Tema::new(period)),
            MaType::Trima => MovingAverage::Trima(Trima::new(period)),
            MaType::Kama => MovingAverage::Kama(Kama::new(period)),
            MaType::T3 => MovingAverage::T3(T3::new(period, Self::T3_VFACTOR)),
        }
    }
}

impl Smoother for MovingAverage {
    #[inline]
    fn update(&mut self, x: f64) -> Option<f64> {
        match self {
            MovingAverage::Identity => Some(x),
            MovingAverage::Sma(m) => m.update(x),
            MovingAverage::Ema(m) => m.update(x),
            MovingAverage::Wma(m) => m.update(x),
            MovingAverage::Dema(m) => m.update(x),
            MovingAverage::Tema(m) => m.update(x),
            MovingAverage::Trima(m) => m.update(x),
            MovingAverage::Kama(m) => m.update(x),
            MovingAverage::T3(m) => m.update(x),
        }
    }
    fn lookback(&self) -> usize {
        match self {
            MovingAverage::Identity => 0,
            MovingAverage::Sma(m) => m.lookback(),
            MovingAverage::Ema(m) => m.lookback(),
            MovingAverage::Wma(m) => m.lookback(),
            MovingAverage::Dema(m) => m.lookback(),
            MovingAverage::Tema(m) => m.lookback(),
            MovingAverage::Trima(m) => m.lookback(),
            MovingAverage::Kama(m) => m.lookback(),
            MovingAverage::T3(m) => m.lookback(),
        }
    }
}

/// Delays a smoother's first input so that its first output lands on bar `align_to`
/// (TA-Lib starts each MA of MACD/APO/PPO at `slow lookback - own lookback`).
#[derive(Debug, Clone)]
pub struct Aligned<S> {
    pub inner: S,
    skip: usize,
}

impl<S: Smoother> Aligned<S> {
    pub fn new(inner: S, align_to: usize) -> Self {
        let skip = align_to - inner.lookback();
        Aligned { inner, skip }
    }

    #[inline]
    pub fn update(&mut self, x: f64) -> Option<f64> {
        if self.skip > 0 {
            self.skip -= 1;
            return None;
        }
        self.inner.update(x)
    }
}
