//! Aroon up and down.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::catalog::{OutputSpec, Pane, Style};
use crate::indicators::HIGH_LOW;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::RunningExtreme;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct AroonParams {
        period: usize = period(14, 2),
    }
}

/// Aroon: how recently the window of `period + 1` bars made its high and its low, in percent.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "AroonFields")]
pub struct Aroon {
    pub(super) highs: RunningExtreme<true>,
    pub(super) lows: RunningExtreme<false>,
    pub(super) period: usize,
    pub(super) factor: f64,
}

/// An Aroon as a snapshot holds it, before its period is checked against its windows.
#[derive(serde::Deserialize)]
struct AroonFields {
    highs: RunningExtreme<true>,
    lows: RunningExtreme<false>,
    period: usize,
    factor: f64,
}

impl TryFrom<AroonFields> for Aroon {
    type Error = String;

    fn try_from(f: AroonFields) -> Result<Self, String> {
        // An extreme's age is below its window's length, `period + 1`: the outputs subtract
        // it from `period`. The factor is `new`'s.
        if f.highs.period() != f.period.wrapping_add(1)
            || f.lows.period() != f.highs.period()
            || f.factor.to_bits() != (100.0 / f.period as f64).to_bits()
        {
            return Err(crate::execution::checks::inconsistent("aroon"));
        }
        Ok(Aroon {
            highs: f.highs,
            lows: f.lows,
            period: f.period,
            factor: f.factor,
        })
    }
}

impl Aroon {
    pub(super) fn new(period: usize) -> Self {
        Aroon {
            highs: RunningExtreme::new(period + 1),
            lows: RunningExtreme::new(period + 1),
            period,
            factor: 100.0 / period as f64,
        }
    }

    /// Pushes one bar; true once the window is full.
    #[inline(always)]
    pub(super) fn push(&mut self, high: f64, low: f64) -> bool {
        self.highs.push(high);
        self.lows.push(low)
    }
}

impl Indicator for Aroon {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 2;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: AroonParams = params.get();
        Ok(Aroon::new(p.period))
    }
    fn lookback(&self) -> usize {
        self.period
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        if !self.push(bar[0], bar[1]) {
            return false;
        }
        out[0] = self.factor * (self.period - self.lows.age()) as f64;
        out[1] = self.factor * (self.period - self.highs.age()) as f64;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "aroon",
    "AROON",
    Group::Momentum,
    "Aroon: how recently the window made its lowest low and its highest high, in percent",
    HIGH_LOW,
    AroonParams::SPECS,
    &[
        OutputSpec::new("aroon_down", "aroondown", Pane::Own, Style::DashedLine),
        OutputSpec::new("aroon_up", "aroonup", Pane::Own, Style::Line),
    ],
    kernel::<Aroon>(),
);
