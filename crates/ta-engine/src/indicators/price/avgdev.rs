//! Average deviation.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{PRICE_LINE, REAL};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::Ring;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct AvgDevParams {
        period: usize = period(14, 2),
    }
}

/// Mean absolute deviation from the window's mean, summed afresh each bar newest value first
/// (TA-Lib's order).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct AvgDev {
    window: Ring,
}

impl Indicator for AvgDev {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: AvgDevParams = params.get();
        Ok(AvgDev {
            window: Ring::new(p.period),
        })
    }
    fn lookback(&self) -> usize {
        self.window.capacity() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        self.window.push(bar[0]);
        if !self.window.is_full() {
            return false;
        }
        let n = self.window.len();
        let newest_first = || (0..n).map(|i| self.window.back(i));
        let sum: f64 = newest_first().fold(0.0, |s, v| s + v);
        let period = n as f64;
        let deviation = newest_first().fold(0.0, |d, v| d + (v - sum / period).abs());
        out[0] = deviation / period;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "avgdev",
    "AVGDEV",
    Group::Price,
    "Average deviation: mean absolute distance of the window's values from their mean",
    REAL,
    AvgDevParams::SPECS,
    PRICE_LINE,
    kernel::<AvgDev>(),
);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows as run;

    #[test]
    fn mean_absolute_deviation() {
        let rows: Vec<[f64; 1]> = [1.0, 3.0, 5.0, 5.0].iter().map(|&v| [v]).collect();
        let rows: Vec<&[f64]> = rows.iter().map(|r| &r[..]).collect();
        // Window 1, 3, 5: mean 3, deviations 2, 0, 2; then 3, 5, 5: mean 13/3.
        let got = run::<super::AvgDev>("avgdev", &[3.0], &rows);
        assert_eq!(got[..3], [None, None, Some(4.0 / 3.0)]);
        assert!((got[3].unwrap() - (4.0 / 3.0 + 2.0 / 3.0 * 2.0) / 3.0).abs() < 1e-12);
    }
}
