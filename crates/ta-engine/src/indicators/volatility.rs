//! Volatility: the true range and its Wilder average.

use super::directional::{true_range, PrevBar};
use crate::catalog::{
    kernel, Flag, Group, IndicatorSpec, Input, MissingData, OutputSpec, Pane, Style,
};
use crate::kernel::Indicator;
use crate::params::{ParamSpec, Params};
use crate::TaError;

/// Wilder's average of the true range, seeded on bar `period` with the mean of the true ranges
/// of bars `1..=period` (bar 0 has none), then `ATR = fma(ATR, β, α·TR)` with
/// `β = (period - 1)/period` and `α = 1 - β` (TA-Lib 0.8.1's fused Wilder step). Period 1 takes
/// the same path, so it equals the true range.
#[derive(Debug, Clone)]
struct WilderAtr {
    period: usize,
    alpha: f64,
    beta: f64,
    /// True ranges seen so far.
    count: usize,
    prev: PrevBar,
    atr: f64,
}

impl WilderAtr {
    fn new(period: usize) -> Self {
        let beta = (period - 1) as f64 / period as f64;
        WilderAtr {
            period,
            alpha: 1.0 - beta,
            beta,
            count: 0,
            prev: PrevBar::new(),
            atr: 0.0,
        }
    }

    #[inline]
    fn update(&mut self, high: f64, low: f64, close: f64) -> Option<f64> {
        let (_, _, prev_close) = self.prev.swap(high, low, close)?;
        let tr = true_range(high, low, prev_close);
        self.count += 1;
        if self.count <= self.period {
            self.atr += tr;
            if self.count < self.period {
                return None;
            }
            self.atr /= self.period as f64;
        } else {
            self.atr = self.atr.mul_add(self.beta, self.alpha * tr);
        }
        Some(self.atr)
    }
}

/// Average true range.
#[derive(Debug, Clone)]
pub struct Atr(WilderAtr);

impl Indicator for Atr {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        Ok(Atr(WilderAtr::new(p.int(0))))
    }
    fn lookback(&self) -> usize {
        self.0.period
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        match self.0.update(bar[0], bar[1], bar[2]) {
            Some(v) => {
                out[0] = v;
                true
            }
            None => false,
        }
    }
}

/// Normalised ATR: ATR / close × 100 (0 when the close is exactly 0). As in TA-Lib, period 1
/// returns the ATR itself, not normalised.
#[derive(Debug, Clone)]
pub struct Natr(WilderAtr);

impl Indicator for Natr {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        Ok(Natr(WilderAtr::new(p.int(0))))
    }
    fn lookback(&self) -> usize {
        self.0.period
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let close = bar[2];
        let Some(atr) = self.0.update(bar[0], bar[1], close) else {
            return false;
        };
        out[0] = if self.0.period == 1 {
            atr
        } else if close == 0.0 {
            0.0
        } else {
            atr / close * 100.0
        };
        true
    }
}

/// True range: the greatest of high - low, |high - previous close| and |low - previous close|.
#[derive(Debug, Clone)]
pub struct TrueRange(PrevBar);

impl Indicator for TrueRange {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    fn from_params(_: &Params) -> Result<Self, TaError> {
        Ok(TrueRange(PrevBar::new()))
    }
    fn lookback(&self) -> usize {
        1
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (high, low, close) = (bar[0], bar[1], bar[2]);
        let Some((_, _, prev_close)) = self.0.swap(high, low, close) else {
            return false;
        };
        out[0] = true_range(high, low, prev_close);
        true
    }
}

const HLC: &[Input] = &[Input::High, Input::Low, Input::Close];
const LINE: &[OutputSpec] = &[OutputSpec::new("value", "real", Pane::Own, Style::Line)];
const UNSTABLE: &[Flag] = &[Flag::UnstablePeriod];

pub(crate) static SPECS: &[IndicatorSpec] = &[
    IndicatorSpec {
        name: "atr",
        talib_name: "ATR",
        group: Group::Volatility,
        summary: "Average true range: Wilder-smoothed true range",
        inputs: HLC,
        params: &[ParamSpec::period(14, 1)],
        outputs: LINE,
        flags: UNSTABLE,
        missing_data: MissingData::SkipBar,
        kernel: kernel::<Atr>(),
    },
    IndicatorSpec {
        name: "natr",
        talib_name: "NATR",
        group: Group::Volatility,
        summary: "Normalized average true range: ATR as a percentage of the close",
        inputs: HLC,
        params: &[ParamSpec::period(14, 1)],
        outputs: LINE,
        flags: UNSTABLE,
        missing_data: MissingData::SkipBar,
        kernel: kernel::<Natr>(),
    },
    IndicatorSpec {
        name: "trange",
        talib_name: "TRANGE",
        group: Group::Volatility,
        summary: "True range: the bar's range extended to the previous close",
        inputs: HLC,
        params: &[],
        outputs: LINE,
        flags: &[],
        missing_data: MissingData::SkipBar,
        kernel: kernel::<TrueRange>(),
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    use crate::indicators::run_rows as run;

    /// (high, low, close): true ranges 3, 1 (gap down) and 2.5 (gap up).
    const ROWS: [&[f64]; 4] = [
        &[10.0, 8.0, 9.0],
        &[12.0, 9.0, 11.0],
        &[11.0, 10.0, 10.5],
        &[13.0, 12.0, 12.5],
    ];

    #[test]
    fn trange_on_three_bars() {
        assert_eq!(
            run::<TrueRange>("trange", &[], &ROWS),
            vec![None, Some(3.0), Some(1.0), Some(2.5)]
        );
    }

    #[test]
    fn atr_seeds_with_the_mean_then_smooths() {
        // Seed on bar 2: (3 + 1) / 2 = 2; then (2 + 2.5) / 2 = 2.25.
        assert_eq!(
            run::<Atr>("atr", &[2.0], &ROWS),
            vec![None, None, Some(2.0), Some(2.25)]
        );
        assert_eq!(
            run::<Atr>("atr", &[1.0], &ROWS),
            run::<TrueRange>("trange", &[], &ROWS)
        );
        let natr = run::<Natr>("natr", &[2.0], &ROWS);
        assert!((natr[3].unwrap() - 18.0).abs() < 1e-12); // 2.25 / 12.5 × 100
    }

    #[test]
    fn natr_is_zero_on_a_zero_close() {
        let rows: [&[f64]; 3] = [&[1.0, 0.0, 0.5], &[1.0, 0.0, 0.5], &[1.0, 0.0, 0.0]];
        assert_eq!(
            run::<Natr>("natr", &[2.0], &rows),
            vec![None, None, Some(0.0)]
        );
    }
}
