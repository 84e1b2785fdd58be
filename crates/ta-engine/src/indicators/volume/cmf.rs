//! Chaikin money flow.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW_CLOSE_VOLUME, OWN_LINE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::RollingSum;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct CmfParams {
        period: usize = period(20, 2),
    }
}

/// Chaikin money flow: `Σ money-flow volume / Σ volume` over the window, where a bar's
/// money-flow volume is `((c - l) - (h - c)) / (h - l) · volume` (0 for a bar without range);
/// 0 when the window holds no volume. TA-Lib 0.8.1's running sums, never reset.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Cmf {
    flow: RollingSum,
    volume: RollingSum,
}

impl Indicator for Cmf {
    const INPUTS: usize = 4;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: CmfParams = params.get();
        Ok(Cmf {
            flow: RollingSum::new(p.period),
            volume: RollingSum::new(p.period),
        })
    }
    fn lookback(&self) -> usize {
        self.volume.period() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (high, low, close, volume) = (bar[0], bar[1], bar[2], bar[3]);
        let range = high - low;
        let flow = if range > 0.0 {
            (close - low - (high - close)) / range * volume
        } else {
            0.0
        };
        self.flow.push(flow);
        self.volume.push(volume);
        if !self.volume.is_full() {
            return false;
        }
        let total = self.volume.sum();
        out[0] = if total > 0.0 {
            self.flow.sum() / total
        } else {
            0.0
        };
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "cmf",
    "CMF",
    Group::Volume,
    "Chaikin money flow: volume-weighted close location within the bar's range over the period",
    HIGH_LOW_CLOSE_VOLUME,
    CmfParams::SPECS,
    OWN_LINE,
    kernel::<Cmf>(),
)
.with_levels(&[0.0]);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows;

    #[test]
    fn close_location_weighted_by_volume() {
        // Close at the high: +1 · 10; at the low: -1 · 30; no range: 0.
        let rows: [&[f64]; 3] = [
            &[12.0, 10.0, 12.0, 10.0],
            &[12.0, 10.0, 10.0, 30.0],
            &[11.0, 11.0, 11.0, 40.0],
        ];
        let out = run_rows::<super::Cmf>("cmf", &[2.0], &rows);
        assert_eq!(out, [None, Some(-0.5), Some(-30.0 / 70.0)]);
    }
}
