//! Awesome oscillator.

use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::HIGH_LOW;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::average::{Sma, Smoother};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct AoParams {
        fast_period: usize = int("fastperiod", 5, 2, super::FAST_PERIOD_DOC),
        slow_period: usize = int("slowperiod", 34, 2, super::SLOW_PERIOD_DOC),
    }
}

/// The awesome oscillator's two simple averages of the median price. Each average starts on
/// the first bar of the window ending at the first output, as TA-Lib's running sums do, so the
/// shorter one is fed only from then on (the periods are used as given, never swapped).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(super) struct MedianSpread {
    bar: usize,
    fast_from: usize,
    slow_from: usize,
    fast: Sma,
    slow: Sma,
}

impl MedianSpread {
    pub(super) fn new(fast: usize, slow: usize) -> Self {
        let longest = fast.max(slow);
        MedianSpread {
            bar: 0,
            fast_from: longest - fast,
            slow_from: longest - slow,
            fast: Sma::new(fast),
            slow: Sma::new(slow),
        }
    }

    pub(super) fn lookback(&self) -> usize {
        self.fast.lookback().max(self.slow.lookback())
    }

    /// The oscillator once both averages are full.
    #[inline(always)]
    pub(super) fn update(&mut self, high: f64, low: f64) -> Option<f64> {
        let median = (high + low) / 2.0;
        let bar = self.bar;
        self.bar += 1;
        let fast = if bar >= self.fast_from {
            self.fast.update(median)
        } else {
            None
        };
        let slow = if bar >= self.slow_from {
            self.slow.update(median)
        } else {
            None
        };
        Some(fast? - slow?)
    }
}

/// Awesome oscillator: fast SMA minus slow SMA of the median price.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Ao(MedianSpread);

impl Indicator for Ao {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: AoParams = params.get();
        Ok(Ao(MedianSpread::new(p.fast_period, p.slow_period)))
    }
    fn lookback(&self) -> usize {
        self.0.lookback()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        match self.0.update(bar[0], bar[1]) {
            Some(v) => {
                out[0] = v;
                true
            }
            None => false,
        }
    }
}

pub(super) const HISTOGRAM: &[OutputSpec] = &[OutputSpec::new(
    "value",
    "real",
    Pane::Own,
    Style::Histogram,
)];

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "ao",
    "AO",
    Group::Momentum,
    "Awesome oscillator: fast SMA minus slow SMA of the median price (Bill Williams)",
    HIGH_LOW,
    AoParams::SPECS,
    HISTOGRAM,
    kernel::<Ao>(),
);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows as run;

    #[test]
    fn fast_minus_slow_median() {
        // Medians 1, 2, 3, 4: SMA(2) - SMA(3) at bar 2 is 2.5 - 2, at bar 3 is 3.5 - 3.
        let rows: Vec<[f64; 2]> = (1..=4).map(|m| [m as f64 + 1.0, m as f64 - 1.0]).collect();
        let rows: Vec<&[f64]> = rows.iter().map(|r| &r[..]).collect();
        let got = run::<super::Ao>("ao", &[2.0, 3.0], &rows);
        assert_eq!(got, [None, None, Some(0.5), Some(0.5)]);
        // Inverted periods give the negated oscillator.
        let got = run::<super::Ao>("ao", &[3.0, 2.0], &rows);
        assert_eq!(got, [None, None, Some(-0.5), Some(-0.5)]);
    }
}
