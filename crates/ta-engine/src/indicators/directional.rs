//! Wilder's directional movement system: +DM/-DM, +DI/-DI, DX, ADX and ADXR.
//!
//! Also home of the bar-to-bar building blocks shared with the volatility family: the true
//! range and the one-bar directional movement.

use crate::catalog::{
    kernel, Flag, Group, IndicatorSpec, Input, MissingData, OutputSpec, Pane, Style,
};
use crate::kernel::Indicator;
use crate::params::{ParamSpec, Params};
use crate::primitives::{is_tiny, Ring};
use crate::TaError;

/// True range of a bar given the previous close, in TA-Lib's order: start from the bar's
/// range and replace it with a larger distance to the previous close.
#[inline]
pub(crate) fn true_range(high: f64, low: f64, prev_close: f64) -> f64 {
    let mut range = high - low;
    let to_high = (prev_close - high).abs();
    if to_high > range {
        range = to_high;
    }
    let to_low = (prev_close - low).abs();
    if to_low > range {
        range = to_low;
    }
    range
}

/// One-bar directional movement `(+DM1, -DM1)` from the previous bar's high and low. At most
/// one of the two is non-zero; equal moves give neither.
#[inline]
pub(crate) fn directional_movement(
    prev_high: f64,
    prev_low: f64,
    high: f64,
    low: f64,
) -> (f64, f64) {
    let up = high - prev_high;
    let down = prev_low - low;
    if down > 0.0 && up < down {
        (0.0, down)
    } else if up > 0.0 && up > down {
        (up, 0.0)
    } else {
        (0.0, 0.0)
    }
}

/// Previous-bar memory: yields the previous high, low and close once a bar has been seen.
#[derive(Debug, Clone)]
pub(crate) struct PrevBar {
    seen: bool,
    high: f64,
    low: f64,
    close: f64,
}

impl PrevBar {
    pub(crate) fn new() -> Self {
        PrevBar {
            seen: false,
            high: 0.0,
            low: 0.0,
            close: 0.0,
        }
    }

    /// Stores this bar and returns the previous one's `(high, low, close)`, if any.
    #[inline]
    pub(crate) fn swap(&mut self, high: f64, low: f64, close: f64) -> Option<(f64, f64, f64)> {
        let prev = self.seen.then_some((self.high, self.low, self.close));
        self.seen = true;
        self.high = high;
        self.low = low;
        self.close = close;
        prev
    }
}

/// One bar's raw movement, as seen by [`WilderDm::update`].
#[derive(Debug, Clone, Copy)]
struct Move {
    /// Index of the bar (0 for the first).
    index: usize,
    plus: f64,
    minus: f64,
    tr: f64,
}

/// Wilder sums of +DM, -DM and the true range, TA-Lib style: bars `1..period` are summed
/// plainly, later bars update `S = S - S/period + x`. Bar 0 only seeds the previous bar.
#[derive(Debug, Clone)]
struct WilderDm {
    period: usize,
    /// Bars consumed so far.
    bars: usize,
    prev: PrevBar,
    plus: f64,
    minus: f64,
    tr: f64,
}

impl WilderDm {
    fn new(period: usize) -> Self {
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
    #[inline]
    fn update(&mut self, high: f64, low: f64, close: f64) -> Move {
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
            self.plus = self.plus - self.plus / n + plus;
            self.minus = self.minus - self.minus / n + minus;
            self.tr = self.tr - self.tr / n + tr;
        }
        Move {
            index,
            plus,
            minus,
            tr,
        }
    }

    /// `(+DI, -DI)`, or `None` unless the smoothed true range is positive.
    #[inline]
    fn di(&self) -> Option<(f64, f64)> {
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
    #[inline]
    fn dx(&self) -> Option<f64> {
        let (plus_di, minus_di) = self.di()?;
        let sum = minus_di + plus_di;
        if is_tiny(sum) {
            return None;
        }
        Some(100.0 * ((minus_di - plus_di).abs() / sum))
    }
}

/// +DM or -DM: the raw one-bar movement for period 1, otherwise TA-Lib's Wilder sum (the plain
/// sum of bars `1..period` first shows on bar `period - 1`).
#[derive(Debug, Clone)]
pub struct DirectionalMovement<const PLUS: bool> {
    period: usize,
    bars: usize,
    prev: PrevBar,
    sum: f64,
}

impl<const PLUS: bool> Indicator for DirectionalMovement<PLUS> {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 1;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        Ok(DirectionalMovement {
            period: p.int(0),
            bars: 0,
            prev: PrevBar::new(),
            sum: 0.0,
        })
    }
    fn lookback(&self) -> usize {
        (self.period - 1).max(1)
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (high, low) = (bar[0], bar[1]);
        let index = self.bars;
        self.bars += 1;
        let Some((prev_high, prev_low, _)) = self.prev.swap(high, low, 0.0) else {
            return false;
        };
        let (plus, minus) = directional_movement(prev_high, prev_low, high, low);
        let dm = if PLUS { plus } else { minus };
        let n = self.period;
        if n == 1 {
            self.sum = dm;
        } else if index < n {
            self.sum += dm;
        } else {
            self.sum = self.sum - self.sum / n as f64 + dm;
        }
        if index < self.lookback() {
            return false;
        }
        out[0] = self.sum;
        true
    }
}

/// +DI or -DI: 100 × smoothed DM / smoothed true range (0 unless the range is positive). Period 1
/// is TA-Lib's unsmoothed ratio DM1 / TR1 of each bar, which is not scaled by 100.
#[derive(Debug, Clone)]
pub struct DirectionalIndicator<const PLUS: bool> {
    core: WilderDm,
}

impl<const PLUS: bool> Indicator for DirectionalIndicator<PLUS> {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        Ok(DirectionalIndicator {
            core: WilderDm::new(p.int(0)),
        })
    }
    fn lookback(&self) -> usize {
        self.core.period
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let mv = self.core.update(bar[0], bar[1], bar[2]);
        if mv.index < self.core.period {
            return false;
        }
        let core = &self.core;
        out[0] = if core.period == 1 {
            let dm = if PLUS { mv.plus } else { mv.minus };
            // TA-Lib divides whenever the range is not <= 0 (a NaN range gives NaN).
            match (dm > 0.0, mv.tr <= 0.0) {
                (true, false) => dm / mv.tr,
                _ => 0.0,
            }
        } else if let Some((plus_di, minus_di)) = core.di() {
            if PLUS {
                plus_di
            } else {
                minus_di
            }
        } else {
            0.0
        };
        true
    }
}

/// +DM, the smoothed upward directional movement.
pub type PlusDm = DirectionalMovement<true>;
/// -DM, the smoothed downward directional movement.
pub type MinusDm = DirectionalMovement<false>;
/// +DI, the positive directional indicator.
pub type PlusDi = DirectionalIndicator<true>;
/// -DI, the negative directional indicator.
pub type MinusDi = DirectionalIndicator<false>;

/// Directional movement index: 100 × |+DI - -DI| / (+DI + -DI). When undefined (no range or no
/// movement, or a non-finite range) the first value is 0 and later values repeat the previous one.
#[derive(Debug, Clone)]
pub struct Dx {
    core: WilderDm,
    last: f64,
}

impl Indicator for Dx {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        Ok(Dx {
            core: WilderDm::new(p.int(0)),
            last: 0.0,
        })
    }
    fn lookback(&self) -> usize {
        self.core.period
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        if self.core.update(bar[0], bar[1], bar[2]).index < self.core.period {
            return false;
        }
        if let Some(dx) = self.core.dx() {
            self.last = dx;
        }
        out[0] = self.last;
        true
    }
}

/// Average directional movement index: the mean of the first `period` DX values, then Wilder
/// smoothing. Bars where DX is undefined are left out of the mean's sum (still divided by
/// `period`) and leave the smoothed value unchanged.
#[derive(Debug, Clone)]
pub struct Adx {
    core: WilderDm,
    adx: f64,
}

impl Adx {
    fn new(period: usize) -> Self {
        Adx {
            core: WilderDm::new(period),
            adx: 0.0,
        }
    }

    /// Consumes a bar; the ADX once available.
    #[inline]
    fn update(&mut self, high: f64, low: f64, close: f64) -> Option<f64> {
        let index = self.core.update(high, low, close).index;
        let n = self.core.period;
        if index < n {
            return None;
        }
        let dx = self.core.dx();
        if index < 2 * n {
            if let Some(dx) = dx {
                self.adx += dx;
            }
            if index + 1 < 2 * n {
                return None;
            }
            self.adx /= n as f64;
        } else if let Some(dx) = dx {
            self.adx = (self.adx * (n - 1) as f64 + dx) / n as f64;
        }
        Some(self.adx)
    }
}

impl Indicator for Adx {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        Ok(Adx::new(p.int(0)))
    }
    fn lookback(&self) -> usize {
        2 * self.core.period - 1
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        match self.update(bar[0], bar[1], bar[2]) {
            Some(v) => {
                out[0] = v;
                true
            }
            None => false,
        }
    }
}

/// ADX rating: the mean of today's ADX and the ADX `period - 1` bars earlier.
#[derive(Debug, Clone)]
pub struct Adxr {
    adx: Adx,
    /// The last `period` ADX values.
    history: Ring,
}

impl Indicator for Adxr {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        let period = p.int(0);
        Ok(Adxr {
            adx: Adx::new(period),
            history: Ring::new(period),
        })
    }
    fn lookback(&self) -> usize {
        3 * self.adx.core.period - 2
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let Some(adx) = self.adx.update(bar[0], bar[1], bar[2]) else {
            return false;
        };
        self.history.push(adx);
        if !self.history.is_full() {
            return false;
        }
        out[0] = (adx + self.history.oldest()) / 2.0;
        true
    }
}

const HLC: &[Input] = &[Input::High, Input::Low, Input::Close];
const HL: &[Input] = &[Input::High, Input::Low];
const LINE: &[OutputSpec] = &[OutputSpec::new("value", "real", Pane::Own, Style::Line)];
const UNSTABLE: &[Flag] = &[Flag::UnstablePeriod];

const fn spec(
    name: &'static str,
    talib_name: &'static str,
    summary: &'static str,
    inputs: &'static [Input],
    params: &'static [ParamSpec],
    flags: &'static [Flag],
    kernel: crate::catalog::Kernel,
) -> IndicatorSpec {
    IndicatorSpec {
        name,
        talib_name,
        group: Group::Momentum,
        summary,
        inputs,
        params,
        outputs: LINE,
        flags,
        missing_data: MissingData::SkipBar,
        kernel,
    }
}

pub(crate) static SPECS: &[IndicatorSpec] = &[
    spec(
        "adx",
        "ADX",
        "Average directional movement index: Wilder-smoothed DX, the strength of a trend",
        HLC,
        &[ParamSpec::period(14, 2)],
        UNSTABLE,
        kernel::<Adx>(),
    ),
    spec(
        "adxr",
        "ADXR",
        "ADX rating: mean of today's ADX and the ADX period - 1 bars earlier",
        HLC,
        &[ParamSpec::period(14, 2)],
        UNSTABLE,
        kernel::<Adxr>(),
    ),
    spec(
        "dx",
        "DX",
        "Directional movement index: spread of +DI and -DI over their sum",
        HLC,
        &[ParamSpec::period(14, 2)],
        UNSTABLE,
        kernel::<Dx>(),
    ),
    spec(
        "plus_di",
        "PLUS_DI",
        "Plus directional indicator: smoothed upward movement over smoothed true range",
        HLC,
        &[ParamSpec::period(14, 1)],
        UNSTABLE,
        kernel::<PlusDi>(),
    ),
    spec(
        "minus_di",
        "MINUS_DI",
        "Minus directional indicator: smoothed downward movement over smoothed true range",
        HLC,
        &[ParamSpec::period(14, 1)],
        UNSTABLE,
        kernel::<MinusDi>(),
    ),
    spec(
        "plus_dm",
        "PLUS_DM",
        "Plus directional movement, Wilder-smoothed",
        HL,
        &[ParamSpec::period(14, 1)],
        UNSTABLE,
        kernel::<PlusDm>(),
    ),
    spec(
        "minus_dm",
        "MINUS_DM",
        "Minus directional movement, Wilder-smoothed",
        HL,
        &[ParamSpec::period(14, 1)],
        UNSTABLE,
        kernel::<MinusDm>(),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    use crate::indicators::run_rows as run;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * b.abs().max(1.0)
    }

    #[test]
    fn true_range_extends_to_the_previous_close() {
        assert_eq!(true_range(12.0, 9.0, 9.0), 3.0); // the bar's own range
        assert_eq!(true_range(11.0, 10.0, 12.0), 2.0); // gap down: previous close to low
        assert_eq!(true_range(13.0, 12.0, 10.5), 2.5); // gap up: previous close to high
    }

    #[test]
    fn one_bar_directional_movement() {
        assert_eq!(directional_movement(10.0, 8.0, 12.0, 9.0), (2.0, 0.0));
        assert_eq!(directional_movement(10.0, 8.0, 10.5, 5.0), (0.0, 3.0));
        assert_eq!(directional_movement(10.0, 8.0, 11.0, 7.0), (0.0, 0.0)); // equal moves
        assert_eq!(directional_movement(10.0, 8.0, 9.0, 9.0), (0.0, 0.0)); // inside bar
    }

    const HIGHS: [f64; 5] = [10.0, 11.0, 13.0, 12.0, 14.0];
    const LOWS: [f64; 5] = [8.0, 9.0, 10.0, 9.0, 12.0];

    #[test]
    fn dm_sums_then_wilder_smooths() {
        // +DM1: 1, 2, 0, 2; -DM1: 0, 0, 1, 0.
        let rows: Vec<[f64; 2]> = HIGHS.iter().zip(LOWS).map(|(&h, l)| [h, l]).collect();
        let rows: Vec<&[f64]> = rows.iter().map(|r| &r[..]).collect();
        let plus = run::<PlusDm>("plus_dm", &[3.0], &rows);
        assert_eq!(&plus[..3], &[None, None, Some(3.0)]);
        assert_eq!(plus[3], Some(2.0));
        assert!(close(plus[4].unwrap(), 2.0 - 2.0 / 3.0 + 2.0));
        let minus = run::<MinusDm>("minus_dm", &[3.0], &rows);
        assert_eq!(&minus[2..4], &[Some(0.0), Some(1.0)]);
        assert!(close(minus[4].unwrap(), 1.0 - 1.0 / 3.0));
        // Period 1 is the raw movement from the second bar on.
        assert_eq!(
            run::<PlusDm>("plus_dm", &[1.0], &rows),
            vec![None, Some(1.0), Some(2.0), Some(0.0), Some(2.0)]
        );
    }

    #[test]
    fn di_of_period_one_is_an_unscaled_ratio() {
        // Bar 1: +DM1 = 1, TR = max(2, |9 - 11|, |9 - 9|) = 2.
        let rows: [&[f64]; 2] = [&[10.0, 8.0, 9.0], &[11.0, 9.0, 10.0]];
        assert_eq!(
            run::<PlusDi>("plus_di", &[1.0], &rows),
            vec![None, Some(0.5)]
        );
        assert_eq!(
            run::<MinusDi>("minus_di", &[1.0], &rows),
            vec![None, Some(0.0)]
        );
    }

    #[test]
    fn flat_prices_give_zero_dx_and_adx() {
        let rows = vec![&[5.0, 5.0, 5.0][..]; 12];
        let dx = run::<Dx>("dx", &[3.0], &rows);
        assert_eq!(dx.iter().position(Option::is_some), Some(3));
        assert!(dx[3..].iter().all(|v| *v == Some(0.0)));
        let adx = run::<Adx>("adx", &[3.0], &rows);
        assert_eq!(adx.iter().position(Option::is_some), Some(5));
        assert!(adx[5..].iter().all(|v| *v == Some(0.0)));
        let adxr = run::<Adxr>("adxr", &[3.0], &rows);
        assert_eq!(adxr.iter().position(Option::is_some), Some(7));
        let di = run::<PlusDi>("plus_di", &[3.0], &rows);
        assert!(di[3..].iter().all(|v| *v == Some(0.0)));
    }

    #[test]
    fn steady_uptrend_is_all_plus() {
        // Every bar is one higher and closes at its high: +DM1 = 1 and TR = 1 each bar, so +DI = 100, -DI = 0, DX = 100.
        let rows: Vec<[f64; 3]> = (0..10)
            .map(|i| [i as f64 + 1.0, i as f64, i as f64 + 1.0])
            .collect();
        let rows: Vec<&[f64]> = rows.iter().map(|r| &r[..]).collect();
        let di = run::<PlusDi>("plus_di", &[2.0], &rows);
        assert!(di[2..].iter().all(|v| close(v.unwrap(), 100.0)));
        let dx = run::<Dx>("dx", &[2.0], &rows);
        assert!(dx[2..].iter().all(|v| close(v.unwrap(), 100.0)));
        let adx = run::<Adx>("adx", &[2.0], &rows);
        assert!(adx[3..].iter().all(|v| close(v.unwrap(), 100.0)));
    }
}
