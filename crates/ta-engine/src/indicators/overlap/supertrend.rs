//! Supertrend.

use crate::catalog::deviations::FLAGGED_UNSTABLE;
use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::volatility::WilderAtr;
use crate::indicators::{HIGH_LOW_CLOSE, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct SupertrendParams {
        period: usize = period(10, 2),
        multiplier: f64 = float("multiplier", 3.0, 0.0, 3e37, "average true ranges from the median price"),
    }
}

/// Supertrend: bands at the median price ± `multiplier` × ATR (Wilder, TA-Lib 0.8.1's fused
/// step) that only tighten while the close stays inside; the line is the lower band in an
/// uptrend and the upper one in a downtrend, and the trend (+1/-1) flips when the close
/// crosses the active band. The first value starts an uptrend.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Supertrend {
    atr: WilderAtr,
    multiplier: f64,
    /// `(final upper, final lower, previous close, uptrend)` after the first value.
    state: Option<(f64, f64, f64, bool)>,
}

impl Indicator for Supertrend {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 2;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: SupertrendParams = params.get();
        Ok(Supertrend {
            atr: WilderAtr::new(p.period),
            multiplier: p.multiplier,
            state: None,
        })
    }
    fn lookback(&self) -> usize {
        self.atr.period
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (high, low, close) = (bar[0], bar[1], bar[2]);
        let Some(atr) = self.atr.update(high, low, close) else {
            return false;
        };
        let median = (high + low) / 2.0;
        let band = self.multiplier * atr;
        let (basic_upper, basic_lower) = (median + band, median - band);
        let (upper, lower, uptrend) = match self.state {
            None => (basic_upper, basic_lower, true),
            Some((mut upper, mut lower, prev_close, mut uptrend)) => {
                if basic_upper < upper || prev_close > upper {
                    upper = basic_upper;
                }
                if basic_lower > lower || prev_close < lower {
                    lower = basic_lower;
                }
                if uptrend {
                    uptrend = close >= lower;
                } else {
                    uptrend = close > upper;
                }
                (upper, lower, uptrend)
            }
        };
        self.state = Some((upper, lower, close, uptrend));
        if uptrend {
            out[0] = lower;
            out[1] = 1.0;
        } else {
            out[0] = upper;
            out[1] = -1.0;
        }
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "supertrend",
    "SUPERTREND",
    Group::Overlap,
    "Supertrend: ATR bands around the median price that trail the trend and flip on a close beyond",
    HIGH_LOW_CLOSE,
    SupertrendParams::SPECS,
    &[
        OutputSpec::new("supertrend", "supertrend", Pane::Price, Style::Line),
        OutputSpec::new("trend", "trend", Pane::Own, Style::Histogram).integer(),
    ],
    kernel::<Supertrend>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[FLAGGED_UNSTABLE]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::find;

    #[test]
    fn starts_up_and_flips_below_the_lower_band() {
        let spec = find("supertrend").unwrap();
        let mut s = Supertrend::from_params(&spec.params(&[2.0, 1.0]).unwrap()).unwrap();
        let mut out = [0.0; 2];
        assert!(!s.step(&[11.0, 9.0, 10.0], &mut out));
        assert!(!s.step(&[11.0, 9.0, 10.0], &mut out));
        // ATR 2, median 10: bands 12 / 8, uptrend on the lower one.
        assert!(s.step(&[11.0, 9.0, 10.0], &mut out));
        assert_eq!(out, [8.0, 1.0]);
        // A close of 5 falls through the lower band: downtrend on the upper band.
        assert!(s.step(&[11.0, 4.0, 5.0], &mut out));
        assert_eq!(out[1], -1.0);
        assert_eq!(s.lookback(), 2);
    }
}
