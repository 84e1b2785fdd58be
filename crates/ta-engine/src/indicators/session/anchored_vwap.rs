//! Anchored VWAP with standard-deviation bands.

use super::PendingAnchor;
use crate::catalog::{kernel, Fill, Flag, Group, IndicatorSpec, Input, OutputSpec, Pane, Style};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::typical_price;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct AnchoredVwapParams {
        band_mult: f64 = float("", 1.0, 0.0, 1e6,
            "width of the bands in volume-weighted standard deviations"),
    }
}

/// Anchored VWAP: the volume-weighted mean of the typical price `(high + low + close) / 3`
/// since the last anchor, with bands `band_mult` volume-weighted standard deviations either
/// side. Reference: TradingView's built-in `ta.vwap(hlc3, anchor, mult)` (its "VWAP"
/// indicator): `vwap = Σ v·p / Σ v`, `variance = max(Σ v·p² / Σ v − vwap², 0)`, each sum
/// restarted on the anchor bar. No value while the period has traded no volume (`Σ v = 0`).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct AnchoredVwap {
    band_mult: f64,
    /// `Σ v·p`, `Σ v` and `Σ v·p²` since the anchor.
    sums: [f64; 3],
    /// Whether a bar has been seen (the series' first bar is an anchor).
    started: bool,
    /// An anchor that fell on skipped bars, for the next complete bar.
    #[serde(default)]
    anchor: PendingAnchor,
}

impl Indicator for AnchoredVwap {
    const INPUTS: usize = 5;
    const OUTPUTS: usize = 3;
    // No volume since the anchor: no value, after values were given.
    const GAPS: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: AnchoredVwapParams = params.get();
        Ok(AnchoredVwap {
            band_mult: p.band_mult,
            sums: [0.0; 3],
            started: false,
            anchor: PendingAnchor::default(),
        })
    }
    fn lookback(&self) -> usize {
        0
    }
    fn skip(&mut self, bar: &[f64]) {
        self.anchor.keep(bar[4]);
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        if self.anchor.starts(bar[4]) || !self.started {
            self.sums = [0.0; 3];
            self.started = true;
        }
        let price = typical_price(bar[0], bar[1], bar[2]);
        let volume = bar[3];
        let [weighted, total, squares] = &mut self.sums;
        *weighted += price * volume;
        *total += volume;
        *squares += volume * (price * price);
        if *total == 0.0 {
            return false;
        }
        let vwap = *weighted / *total;
        let variance = (*squares / *total - vwap * vwap).max(0.0);
        let width = self.band_mult * variance.sqrt();
        out[0] = vwap;
        out[1] = vwap + width;
        out[2] = vwap - width;
        out.iter().all(|v| v.is_finite())
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::laakhay(
    "anchored_vwap",
    Group::Session,
    "Volume-weighted average price since the last anchor, with standard-deviation bands",
    &[
        Input::High,
        Input::Low,
        Input::Close,
        Input::Volume,
        Input::Reset,
    ],
    AnchoredVwapParams::SPECS,
    &[
        OutputSpec::own("vwap", Pane::Price, Style::Line),
        OutputSpec::own("upper", Pane::Price, Style::Band),
        OutputSpec::own("lower", Pane::Price, Style::Band),
    ],
    kernel::<AnchoredVwap>(),
)
.with_details(
    "TradingView's ta.vwap(hlc3, anchor, mult): the typical price (high + low + close) / 3 \
     weighted by volume, every sum restarted on a reset bar (and at the series' first bar). \
     vwap = sum(v*p) / sum(v); the bands are vwap +/- band_mult * sqrt(max(sum(v*p^2) / sum(v) \
     - vwap^2, 0)). No value while the period has traded no volume.",
)
.with_flags(&[Flag::Anchored])
.with_fills(&[Fill {
    upper: "upper",
    lower: "lower",
}]);

#[cfg(test)]
mod tests {
    use super::AnchoredVwap;
    use crate::indicators::run_all;

    fn bar(price: f64, volume: f64, reset: bool) -> Vec<f64> {
        vec![price, price, price, volume, f64::from(u8::from(reset))]
    }

    #[test]
    fn restarts_at_each_anchor_with_weighted_bands() {
        let rows = [
            bar(10.0, 0.0, false),
            bar(10.0, 1.0, false),
            bar(13.0, 2.0, false),
            bar(20.0, 3.0, true),
            bar(30.0, 1.0, false),
        ];
        let got = run_all::<AnchoredVwap>("anchored_vwap", &[2.0], &rows);
        // No volume yet: no value.
        assert_eq!(got[0], None);
        assert_eq!(got[1], Some(vec![10.0, 10.0, 10.0]));
        // Σv·p = 10 + 26 = 36, Σv = 3: 12; Σv·p² = 100 + 338 = 438, 438/3 - 144 = 2.
        let sd = 2.0_f64.sqrt();
        assert_eq!(got[2], Some(vec![12.0, 12.0 + 2.0 * sd, 12.0 - 2.0 * sd]));
        // Anchor: only this bar counts.
        assert_eq!(got[3], Some(vec![20.0, 20.0, 20.0]));
        // Σv·p = 60 + 30 = 90, Σv = 4: 22.5; Σv·p² = 1200 + 900 = 2100, 525 - 506.25.
        let sd = 18.75_f64.sqrt();
        assert_eq!(got[4], Some(vec![22.5, 22.5 + 2.0 * sd, 22.5 - 2.0 * sd]));
    }
}
