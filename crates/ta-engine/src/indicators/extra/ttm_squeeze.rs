//! TTM Squeeze on/off.

use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::HIGH_LOW_CLOSE;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::average::{Sma, Smoother};
use crate::primitives::{true_range, ShiftedVar};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct TtmSqueezeParams {
        period: usize = period(20, 2),
        bb_mult: f64 = float("", 2.0, 0.0, 1e6,
            "Bollinger width, in standard deviations of the close"),
        kc_mult: f64 = float("", 1.5, 0.0, 1e6,
            "Keltner width, in means of the true range"),
    }
}

/// John Carter's TTM Squeeze state ("Mastering the Trade", ch. 11; the TradingView
/// Squeeze Momentum script's bands): the Bollinger Bands `SMA(close) ± bb_mult · σ(close)`
/// (σ the population standard deviation, TA-Lib's STDDEV) against the Keltner Channel
/// `SMA(close) ± kc_mult · SMA(true range)` (TA-Lib's TRANGE, which starts on the second
/// bar), all over `period` bars. `on`: both Bollinger bands strictly inside the channel
/// (volatility compressed); `off`: both outside it; neither while they straddle it. The
/// momentum half of the study is TA-Lib's SQZMOM.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct TtmSqueeze {
    mid: Sma,
    variance: ShiftedVar,
    range_mean: Sma,
    prev_close: Option<f64>,
    bb_mult: f64,
    kc_mult: f64,
}

impl Indicator for TtmSqueeze {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 2;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: TtmSqueezeParams = params.get();
        Ok(TtmSqueeze {
            mid: Sma::new(p.period),
            variance: ShiftedVar::new(p.period),
            range_mean: Sma::new(p.period),
            prev_close: None,
            bb_mult: p.bb_mult,
            kc_mult: p.kc_mult,
        })
    }
    fn lookback(&self) -> usize {
        // The true-range mean is the last to fill: its first range is on the second bar.
        self.variance.lookback() + 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (high, low, close) = (bar[0], bar[1], bar[2]);
        let mid = self.mid.update(close);
        let variance = self.variance.update(close);
        let Some(prev_close) = self.prev_close.replace(close) else {
            return false;
        };
        let (Some(range_mean), Some(mid), Some(variance)) = (
            self.range_mean.update(true_range(high, low, prev_close)),
            mid,
            variance,
        ) else {
            return false;
        };
        // The bands themselves are compared, as charts draw them.
        let (bb, kc) = (self.bb_mult * variance.sqrt(), self.kc_mult * range_mean);
        let (bb_upper, bb_lower) = (mid + bb, mid - bb);
        let (kc_upper, kc_lower) = (mid + kc, mid - kc);
        out[0] = f64::from(u8::from(bb_upper < kc_upper && bb_lower > kc_lower));
        out[1] = f64::from(u8::from(bb_upper > kc_upper && bb_lower < kc_lower));
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::laakhay(
    "ttm_squeeze",
    Group::Extra,
    "TTM Squeeze state: Bollinger Bands inside (on) or outside (off) the Keltner Channel",
    HIGH_LOW_CLOSE,
    TtmSqueezeParams::SPECS,
    &[
        OutputSpec::own("on", Pane::Own, Style::Dots).boolean(),
        OutputSpec::own("off", Pane::Own, Style::Dots).boolean(),
    ],
    kernel::<TtmSqueeze>(),
)
.with_details(
    "Bollinger Bands SMA(close) ± bb_mult·STDDEV(close) and the Keltner Channel \
     SMA(close) ± kc_mult·SMA(TRANGE), all over period bars. on: upper band below the \
     channel's upper line and lower band above its lower line; off: both outside; both false \
     while the bands straddle the channel. First value on bar period (TRANGE starts on the \
     second bar).",
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_all;

    #[test]
    fn calm_closes_in_wide_ranges_squeeze() {
        // Period 2. Closes 10, 10, 10.5: σ over the last two is 0.25, so the bands are
        // mid ± 0.5; ranges of 2 make the channel mid ± 3 → on.
        let rows = [
            vec![11.0, 9.0, 10.0],
            vec![11.0, 9.0, 10.0],
            vec![11.5, 9.5, 10.5],
        ];
        let got = run_all::<TtmSqueeze>("ttm_squeeze", &[2.0, 2.0, 1.5], &rows);
        assert_eq!(got, [None, None, Some(vec![1.0, 0.0])]);
    }

    #[test]
    fn a_jump_in_narrow_ranges_is_off() {
        // Closes 10 then 20 with ranges of 0.2: true ranges 0.2 then 10.1 (the gap), so the
        // channel is mid ± 1.5 · 5.15 = 7.725; σ 5 puts the bands at mid ± 10 → off.
        let rows = [
            vec![10.1, 9.9, 10.0],
            vec![10.1, 9.9, 10.0],
            vec![20.1, 19.9, 20.0],
        ];
        let got = run_all::<TtmSqueeze>("ttm_squeeze", &[2.0, 2.0, 1.5], &rows);
        assert_eq!(got[2], Some(vec![0.0, 1.0]));
    }
}
