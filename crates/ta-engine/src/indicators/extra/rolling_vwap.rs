//! Rolling VWAP.

use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::HIGH_LOW_CLOSE_VOLUME;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::{typical_price, RollingSum};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct RollingVwapParams {
        period: usize = period(14, 1),
    }
}

/// Rolling VWAP: `Σ p·v / Σ v` over the last `period` bars, with `p` the typical price
/// `(high + low + close) / 3` (the VWAP definition of TradingView's `ta.vwap`, over a window
/// of bars instead of a session). The sums run in TA-Lib's form (the leaving value
/// subtracted, then the arriving one added). No value while the window has traded no volume.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct RollingVwap {
    weighted: RollingSum,
    volume: RollingSum,
}

impl Indicator for RollingVwap {
    const INPUTS: usize = 4;
    const OUTPUTS: usize = 1;
    // A window without volume has no value.
    const GAPS: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: RollingVwapParams = params.get();
        Ok(RollingVwap {
            weighted: RollingSum::new(p.period),
            volume: RollingSum::new(p.period),
        })
    }
    fn lookback(&self) -> usize {
        self.volume.period() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let price = typical_price(bar[0], bar[1], bar[2]);
        self.weighted.push(price * bar[3]);
        self.volume.push(bar[3]);
        if !self.volume.is_full() {
            return false;
        }
        out[0] = self.weighted.sum() / self.volume.sum();
        out[0].is_finite()
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::laakhay(
    "rolling_vwap",
    Group::Extra,
    "Volume-weighted average of the typical price over the last period bars",
    HIGH_LOW_CLOSE_VOLUME,
    RollingVwapParams::SPECS,
    &[OutputSpec::own("value", Pane::Price, Style::Line)],
    kernel::<RollingVwap>(),
)
.with_details(
    "sum(p*v) / sum(v) over the last `period` bars, p = (high + low + close) / 3; running \
     sums (the leaving value subtracted, then the arriving one added). No value while the \
     window has traded no volume.",
);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows;

    #[test]
    fn weights_the_window_by_volume() {
        let rows: [&[f64]; 4] = [
            &[3.0, 3.0, 3.0, 1.0],
            &[6.0, 6.0, 6.0, 2.0],
            &[9.0, 9.0, 9.0, 0.0],
            &[9.0, 9.0, 9.0, 0.0],
        ];
        let got = run_rows::<super::RollingVwap>("rolling_vwap", &[2.0], &rows);
        // (3 + 12) / 3, then 12 / 2, then no volume in the window.
        assert_eq!(got, [None, Some(5.0), Some(6.0), None]);
    }
}
