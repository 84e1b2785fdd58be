//! Stochastic momentum index.

use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::{HIGH_LOW_CLOSE, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::average::{Ema, Smoother};
use crate::primitives::RunningExtreme;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct SmiParams {
        period: usize = period(13, 2),
        fast_period: usize = int("fastperiod", 2, 2, "bars in the second (fast) EMA"),
        slow_period: usize = int("slowperiod", 25, 2, "bars in the first (slow) EMA"),
        signal_period: usize = int("signalperiod", 9, 2, super::SIGNAL_PERIOD_DOC),
    }
}

/// Blau's stochastic momentum index: the close's distance from the middle of the high-low
/// window and the window's range, each smoothed by a slow then a fast EMA, then divided
/// (0 when the smoothed half range is not positive); the signal is an EMA of the index.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Smi {
    highs: RunningExtreme<true>,
    lows: RunningExtreme<false>,
    slow_num: Ema,
    slow_den: Ema,
    fast_num: Ema,
    fast_den: Ema,
    signal: Ema,
}

impl Indicator for Smi {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 2;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: SmiParams = params.get();
        Ok(Smi {
            highs: RunningExtreme::new(p.period),
            lows: RunningExtreme::new(p.period),
            slow_num: Ema::new(p.slow_period),
            slow_den: Ema::new(p.slow_period),
            fast_num: Ema::new(p.fast_period),
            fast_den: Ema::new(p.fast_period),
            signal: Ema::new(p.signal_period),
        })
    }
    fn lookback(&self) -> usize {
        self.highs.period() - 1
            + self.slow_num.lookback()
            + self.fast_num.lookback()
            + self.signal.lookback()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        self.highs.push(bar[0]);
        if !self.lows.push(bar[1]) {
            return false;
        }
        let (highest, lowest) = (self.highs.value(), self.lows.value());
        let den = highest - lowest;
        let num = bar[2] - (highest + lowest) * 0.5;
        let num = self.slow_num.update(num);
        let den = self.slow_den.update(den);
        let (Some(num), Some(den)) = (num, den) else {
            return false;
        };
        let num = self.fast_num.update(num);
        let den = self.fast_den.update(den);
        let (Some(num), Some(den)) = (num, den) else {
            return false;
        };
        let half = 0.5 * den;
        let smi = if half > 0.0 { 100.0 * num / half } else { 0.0 };
        let Some(signal) = self.signal.update(smi) else {
            return false;
        };
        out[0] = smi;
        out[1] = signal;
        true
    }
}

const OUTPUTS: &[OutputSpec] = &[
    OutputSpec::new("smi", "smi", Pane::Own, Style::Line),
    OutputSpec::new("signal", "smisignal", Pane::Own, Style::DashedLine),
];

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "smi",
    "SMI",
    Group::Momentum,
    "Stochastic momentum index: the close's doubly smoothed distance from the high-low midpoint over half the smoothed range",
    HIGH_LOW_CLOSE,
    SmiParams::SPECS,
    OUTPUTS,
    kernel::<Smi>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[crate::catalog::deviations::FLAGGED_UNSTABLE])
.with_levels(&[-40.0, 40.0]);

#[cfg(test)]
mod tests {
    use crate::catalog::find;

    #[test]
    fn close_at_the_top_of_a_steady_range() {
        // Every window spans 10..12 and the close sits at 12: num 1, half range 1, SMI 100.
        let high = [12.0; 12];
        let low = [10.0; 12];
        let out = find("smi")
            .unwrap()
            .run(&[2.0, 2.0, 2.0, 2.0], &[&high, &low, &high], None)
            .unwrap();
        assert_eq!(out.validity, crate::Validity::Prefix(4));
        assert!(out
            .outputs
            .iter()
            .all(|o| o[4..].iter().all(|&v| v == 100.0)));
    }
}
