//! Volume-weighted moving average.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{PRICE_LINE, REAL_VOLUME};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::RollingSum;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct VwmaParams {
        period: usize = period(30, 1),
    }
}

/// Volume-weighted moving average: `(Σ price·volume / n) / (Σ volume / n)` over the window,
/// TA-Lib 0.8.1's running sums (a window without volume divides by zero; 0.8.1 does not reset
/// the sums there). Period 1 passes the price through.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Vwma {
    weighted: RollingSum,
    volume: RollingSum,
    period: f64,
}

impl Indicator for Vwma {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 1;
    const GAPS: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: VwmaParams = params.get();
        Ok(Vwma {
            weighted: RollingSum::new(p.period),
            volume: RollingSum::new(p.period),
            period: p.period as f64,
        })
    }
    fn lookback(&self) -> usize {
        self.volume.period() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (price, volume) = (bar[0], bar[1]);
        if self.period == 1.0 {
            out[0] = price;
            return true;
        }
        self.weighted.push(price * volume);
        self.volume.push(volume);
        if !self.volume.is_full() {
            return false;
        }
        out[0] = self.weighted.sum() / self.period / (self.volume.sum() / self.period);
        // A window without volume has no average (0/0): a missing row, TA-Lib's NaN.
        !out[0].is_nan()
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "vwma",
    "VWMA",
    Group::Overlap,
    "Volume-weighted moving average",
    REAL_VOLUME,
    VwmaParams::SPECS,
    PRICE_LINE,
    kernel::<Vwma>(),
);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows;

    #[test]
    fn weights_prices_by_volume() {
        let rows: [&[f64]; 3] = [&[10.0, 1.0], &[20.0, 3.0], &[30.0, 1.0]];
        let out = run_rows::<super::Vwma>("vwma", &[2.0], &rows);
        assert_eq!(out, [None, Some(17.5), Some(22.5)]);
        let one = run_rows::<super::Vwma>("vwma", &[1.0], &rows);
        assert_eq!(one, [Some(10.0), Some(20.0), Some(30.0)]);
    }
}
