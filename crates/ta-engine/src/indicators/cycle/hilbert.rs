//! Ehlers' Hilbert-transform machinery as TA-Lib 0.8.1 runs it, shared by every HT_* function
//! and MAMA: the 4-bar price smoother, the four Hilbert stages (detrender, Q1, jI, jQ) with
//! their odd/even ring buffers, and the dominant-cycle period tracker.
//!
//! Exactness: the arithmetic follows TA-Lib's order of operations step by step, and fuses a
//! multiply-add (`f64::mul_add`) exactly where the 0.8.1 library calls `fma()` (checked in its
//! disassembly): the period adjustment `0.075·period + 0.54`, the Q2/I2 and Re/Im smoothing, and
//! the period and smoothed-period blends.
//!
//! Trigonometry: `f64::atan`, `sin`, `cos` call the platform libm (glibc on Linux), the same
//! functions TA-Lib calls; results therefore equal TA-Lib's on the same machine and are
//! deterministic for a given libm.

use std::f64::consts::FRAC_PI_4;

/// TA-Lib's `rad2Deg`: `45 / atan(1)` (also spelt `180 / (4·atan(1))`, the same bits).
pub(crate) const RAD2DEG: f64 = 45.0 / FRAC_PI_4;
/// TA-Lib's `deg2Rad`: `1 / rad2Deg` (not π/180 computed directly).
pub(crate) const DEG2RAD: f64 = 1.0 / RAD2DEG;
/// TA-Lib's `constDeg2RadBy360`: `atan(1)·8`, i.e. 2π.
const TWO_PI: f64 = FRAC_PI_4 * 8.0;

/// Hilbert filter coefficients.
const A: f64 = 0.0962;
const B: f64 = 0.5769;

/// First bar (counting from 0) of the Hilbert loop for the functions with lookback 32
/// (HT_DCPERIOD, HT_PHASOR, MAMA): 3 bars seed the smoother, 9 more warm it up.
pub(crate) const SHORT_START: usize = 12;
/// The same for the functions with lookback 63 (HT_DCPHASE, HT_SINE, HT_TRENDMODE,
/// HT_TRENDLINE): 3 seeding bars and 34 warm-up bars.
pub(crate) const LONG_START: usize = 37;
/// TA-Lib's lookbacks (its unstable period is 0 by default).
pub(crate) const SHORT_LOOKBACK: usize = 32;
pub(crate) const LONG_LOOKBACK: usize = 63;

/// TA-Lib's 4-bar weighted moving average of the price, `(4·x₀ + 3·x₁ + 2·x₂ + x₃) / 10`,
/// kept as a running sum and a running "subtract" total exactly as TA-Lib updates them (the
/// result is the sum times 0.1, not divided by 10).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
struct PriceSmoother {
    seen: usize,
    sum: f64,
    sub: f64,
    /// The price leaving the window at the next update (TA-Lib's `trailingWMAValue`).
    trailing: f64,
    /// The last three prices, newest last.
    recent: [f64; 3],
}

impl PriceSmoother {
    /// Takes a price; the smoothed value from the fourth price on.
    #[inline(always)]
    fn update(&mut self, x: f64) -> Option<f64> {
        let seen = self.seen;
        self.seen += 1;
        match seen {
            0 => {
                self.sub = x;
                self.sum = x;
            }
            1 => {
                self.sub += x;
                self.sum += x * 2.0;
            }
            2 => {
                self.sub += x;
                self.sum += x * 3.0;
            }
            _ => {
                self.sub += x;
                self.sub -= self.trailing;
                self.sum += x * 4.0;
                self.trailing = self.recent[0];
            }
        }
        self.recent = [self.recent[1], self.recent[2], x];
        if seen < 3 {
            return None;
        }
        let smoothed = self.sum * 0.1;
        self.sum -= self.sub;
        Some(smoothed)
    }
}

/// One parity (odd or even bars) of a Hilbert stage.
#[derive(Debug, Clone, Copy, Default, serde::Serialize, serde::Deserialize)]
struct StageHalf {
    ring: [f64; 3],
    prev: f64,
    prev_input: f64,
}

/// One Hilbert stage: `(a·x₀ + b·x₂ − b·x₄ − a·x₆) · (0.075·period + 0.54)` over bars of one
/// parity, written as TA-Lib's running form (its odd and even halves share the ring index).
#[derive(Debug, Clone, Copy, Default, serde::Serialize, serde::Deserialize)]
struct Stage([StageHalf; 2]);

impl Stage {
    #[inline(always)]
    fn apply(&mut self, parity: usize, slot: usize, x: f64, adjusted_period: f64) -> f64 {
        let h = &mut self.0[parity];
        let t = A * x;
        let mut v = 0.0 - h.ring[slot];
        h.ring[slot] = t;
        v += t;
        v -= h.prev;
        h.prev = B * h.prev_input;
        v += h.prev;
        h.prev_input = x;
        v * adjusted_period
    }
}

/// What one bar of the Hilbert loop produced.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
pub(crate) struct HilbertBar {
    /// The smoothed price.
    pub smoothed: f64,
    /// In-phase component: the detrended price three bars of the same parity back.
    pub inphase: f64,
    /// Quadrature component.
    pub quadrature: f64,
    /// The smoothed dominant-cycle period after this bar (TA-Lib's `smoothPeriod`).
    pub smooth_period: f64,
}

/// The smoother, the Hilbert stages and the period tracker, bar by bar from the first price.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct Hilbert {
    /// Bars seen so far (TA-Lib's `today`; its parity picks the odd or even halves).
    today: usize,
    /// First bar of the Hilbert loop ([`SHORT_START`] or [`LONG_START`]).
    start: usize,
    smoother: PriceSmoother,
    detrender: Stage,
    q1: Stage,
    ji: Stage,
    jq: Stage,
    /// Ring slot shared by all stages; advances after each even bar.
    #[serde(deserialize_with = "crate::execution::checks::below::<_, 3>")]
    slot: usize,
    /// The detrender one and two bars of the same parity back, per parity (TA-Lib's
    /// `I1ForEvenPrev2/3`, `I1ForOddPrev2/3`).
    i1_prev2: [f64; 2],
    i1_prev3: [f64; 2],
    prev_q2: f64,
    prev_i2: f64,
    re: f64,
    im: f64,
    period: f64,
    smooth_period: f64,
}

impl Hilbert {
    pub(crate) fn new(start: usize) -> Self {
        Hilbert {
            today: 0,
            start,
            smoother: PriceSmoother::default(),
            detrender: Stage::default(),
            q1: Stage::default(),
            ji: Stage::default(),
            jq: Stage::default(),
            slot: 0,
            i1_prev2: [0.0; 2],
            i1_prev3: [0.0; 2],
            prev_q2: 0.0,
            prev_i2: 0.0,
            re: 0.0,
            im: 0.0,
            period: 0.0,
            smooth_period: 0.0,
        }
    }

    /// Index of the bar just stepped (counting from 0).
    #[inline(always)]
    pub(crate) fn today(&self) -> usize {
        self.today - 1
    }

    /// Takes a price; `None` until the Hilbert loop has started.
    #[inline(always)]
    pub(crate) fn update(&mut self, price: f64) -> Option<HilbertBar> {
        let today = self.today;
        self.today += 1;
        let smoothed = self.smoother.update(price);
        if today < self.start {
            return None;
        }
        let smoothed = smoothed?;
        let adjusted = 0.075f64.mul_add(self.period, 0.54);
        // TA-Lib's `today % 2 == 0` branch is the "even" one.
        let parity = today & 1;
        let slot = self.slot;
        let detrender = self.detrender.apply(parity, slot, smoothed, adjusted);
        let q1 = self.q1.apply(parity, slot, detrender, adjusted);
        let i1 = self.i1_prev3[parity];
        let ji = self.ji.apply(parity, slot, i1, adjusted);
        let jq = self.jq.apply(parity, slot, q1, adjusted);
        if parity == 0 {
            self.slot = if slot == 2 { 0 } else { slot + 1 };
        }
        let q2 = 0.2f64.mul_add(q1 + ji, 0.8 * self.prev_q2);
        let i2 = 0.2f64.mul_add(i1 - jq, 0.8 * self.prev_i2);
        // The detrender, delayed, feeds the other parity's in-phase component.
        let other = parity ^ 1;
        self.i1_prev3[other] = self.i1_prev2[other];
        self.i1_prev2[other] = detrender;

        let (prev_i2, prev_q2) = (self.prev_i2, self.prev_q2);
        self.re = 0.8f64.mul_add(self.re, 0.2 * i2.mul_add(prev_i2, q2 * prev_q2));
        self.im = 0.8f64.mul_add(self.im, 0.2 * (i2 * prev_q2 - q2 * prev_i2));
        self.prev_q2 = q2;
        self.prev_i2 = i2;
        let previous = self.period;
        let mut period = previous;
        if self.im != 0.0 && self.re != 0.0 {
            period = 360.0 / ((self.im / self.re).atan() * RAD2DEG);
        }
        let upper = 1.5 * previous;
        if period > upper {
            period = upper;
        }
        let lower = 0.67 * previous;
        if period < lower {
            period = lower;
        }
        // Same as TA-Lib's two tests, NaN included.
        let period = period.clamp(6.0, 50.0);
        self.period = 0.2f64.mul_add(period, 0.8 * previous);
        self.smooth_period = 0.67f64.mul_add(self.smooth_period, 0.33 * self.period);
        Some(HilbertBar {
            smoothed,
            inphase: i1,
            quadrature: q1,
            smooth_period: self.smooth_period,
        })
    }
}

/// TA-Lib's `(int)(smoothPeriod + 0.5)`: the dominant cycle in whole bars (at most 50).
#[inline(always)]
pub(crate) fn whole_period(smooth_period: f64) -> usize {
    (smooth_period + 0.5) as usize
}

/// The last 50 values of a series, newest at `at`, zeros before the first (TA-Lib's fixed
/// 50-slot circular buffers).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct History {
    #[serde(with = "crate::execution::serde_array")]
    values: [f64; 50],
    #[serde(deserialize_with = "crate::execution::checks::below::<_, 50>")]
    at: usize,
}

impl Default for History {
    fn default() -> Self {
        History {
            values: [0.0; 50],
            // The first push lands in slot 0.
            at: 49,
        }
    }
}

impl History {
    #[inline(always)]
    pub(crate) fn push(&mut self, x: f64) {
        self.at = if self.at == 49 { 0 } else { self.at + 1 };
        self.values[self.at] = x;
    }

    #[inline(always)]
    pub(crate) fn newest(&self) -> f64 {
        self.values[self.at]
    }

    /// The newest `n` values (n ≤ 50), newest first.
    #[inline(always)]
    pub(crate) fn newest_first(&self, n: usize) -> impl Iterator<Item = f64> + '_ {
        let (recent, older) = self.values.split_at(self.at + 1);
        recent
            .iter()
            .rev()
            .chain(older.iter().rev())
            .take(n)
            .copied()
    }
}

/// The dominant-cycle phase (HT_DCPHASE), in degrees: TA-Lib's discrete Fourier sum of the
/// smoothed prices over one dominant cycle, its `atan` and quadrant corrections.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct CyclePhase {
    smoothed: History,
    phase: f64,
}

impl CyclePhase {
    /// Takes the bar's smoothed price and smoothed period; returns the phase.
    #[inline(always)]
    pub(crate) fn update(&mut self, smoothed: f64, smooth_period: f64) -> f64 {
        self.smoothed.push(smoothed);
        let n = whole_period(smooth_period);
        let (mut real, mut imag) = (0.0, 0.0);
        for (i, v) in self.smoothed.newest_first(n).enumerate() {
            let angle = i as f64 * TWO_PI / n as f64;
            real += angle.sin() * v;
            imag += angle.cos() * v;
        }
        let magnitude = imag.abs();
        if magnitude > 0.0 {
            self.phase = (real / imag).atan() * RAD2DEG;
        } else if magnitude <= 0.01 {
            if real < 0.0 {
                self.phase -= 90.0;
            } else if real > 0.0 {
                self.phase += 90.0;
            }
        }
        self.phase += 90.0;
        // Compensates the one-bar lag of the weighted moving average.
        self.phase += 360.0 / smooth_period;
        if imag < 0.0 {
            self.phase += 180.0;
        }
        if self.phase > 315.0 {
            self.phase -= 360.0;
        }
        self.phase
    }

    /// The newest smoothed price.
    #[inline(always)]
    pub(crate) fn smoothed(&self) -> f64 {
        self.smoothed.newest()
    }
}

/// The sine-wave lines of a phase in degrees: `(sin φ, sin(φ + 45°))`.
#[inline(always)]
pub(crate) fn sine_lines(phase: f64) -> (f64, f64) {
    ((phase * DEG2RAD).sin(), ((phase + 45.0) * DEG2RAD).sin())
}

/// The instantaneous trendline (HT_TRENDLINE): the raw price averaged over one dominant cycle,
/// then a 4-bar weighted average of those averages.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct Trendline {
    prices: History,
    /// The last three cycle averages, newest first (TA-Lib's `iTrend1..3`).
    averages: [f64; 3],
}

impl Trendline {
    /// Takes a raw price; every bar, from the first, so the cycle average can look back.
    #[inline(always)]
    pub(crate) fn push(&mut self, price: f64) {
        self.prices.push(price);
    }

    /// The trendline for the bar last pushed, given the smoothed period.
    #[inline(always)]
    pub(crate) fn update(&mut self, smooth_period: f64) -> f64 {
        let n = whole_period(smooth_period);
        let mut average = 0.0;
        for v in self.prices.newest_first(n) {
            average += v;
        }
        if n > 0 {
            average /= n as f64;
        }
        let [t1, t2, t3] = self.averages;
        let value = (2.0f64.mul_add(t2, 4.0f64.mul_add(average, 3.0 * t1)) + t3) / 10.0;
        self.averages = [average, t1, t2];
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_are_talibs() {
        let quarter = 1f64.atan();
        assert_eq!(RAD2DEG.to_bits(), (45.0 / quarter).to_bits());
        assert_eq!(RAD2DEG.to_bits(), (180.0 / (4.0 * quarter)).to_bits());
        assert_eq!(DEG2RAD.to_bits(), (1.0 / (45.0 / quarter)).to_bits());
        assert_eq!(TWO_PI.to_bits(), (quarter * 8.0).to_bits());
    }

    #[test]
    fn smoother_is_a_four_bar_wma() {
        let mut s = PriceSmoother::default();
        let got: Vec<_> = [1.0, 2.0, 3.0, 4.0, 5.0, 10.0]
            .iter()
            .map(|&x| s.update(x))
            .collect();
        assert_eq!(got[..3], [None, None, None]);
        // (4·4 + 3·3 + 2·2 + 1) / 10 = 3, then 4, then (40 + 15 + 8 + 3) / 10 = 6.6.
        let want = [3.0, 4.0, 6.6];
        for (g, w) in got[3..].iter().zip(want) {
            assert!((g.unwrap() - w).abs() < 1e-12);
        }
    }

    #[test]
    fn history_reads_newest_first_with_zeros_before_the_start() {
        let mut h = History::default();
        for x in 1..=3 {
            h.push(f64::from(x));
        }
        let got: Vec<_> = h.newest_first(5).collect();
        assert_eq!(got, [3.0, 2.0, 1.0, 0.0, 0.0]);
        for x in 4..=60 {
            h.push(f64::from(x));
        }
        assert_eq!(h.newest(), 60.0);
        let got: Vec<_> = h.newest_first(50).collect();
        assert_eq!(got[0], 60.0);
        assert_eq!(got[49], 11.0);
    }

    #[test]
    fn hilbert_starts_at_its_first_bar() {
        let mut h = Hilbert::new(SHORT_START);
        for i in 0..SHORT_START {
            assert!(h.update(100.0 + i as f64).is_none());
        }
        let bar = h.update(120.0).unwrap();
        assert!(bar.smooth_period > 0.0 && bar.smooth_period <= 50.0);
        assert_eq!(h.today(), SHORT_START);
    }
}
