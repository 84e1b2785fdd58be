//! Relative volume.

use crate::catalog::{kernel, Group, IndicatorSpec, Input};
use crate::indicators::OWN_LINE;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::RollingSum;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct RvolParams {
        period: usize = period(20, 1),
    }
}

/// Relative volume: the bar's volume over the mean volume of the `period` bars before it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Rvol {
    previous: RollingSum,
    period: f64,
}

impl Indicator for Rvol {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    const GAPS: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: RvolParams = params.get();
        Ok(Rvol {
            previous: RollingSum::new(p.period),
            period: p.period as f64,
        })
    }
    fn lookback(&self) -> usize {
        self.previous.period()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let volume = bar[0];
        let ready = self.previous.is_full();
        if ready {
            out[0] = volume / (self.previous.sum() / self.period);
        }
        self.previous.push(volume);
        // No volume now or before (0/0) has no ratio: a missing row, TA-Lib's NaN.
        ready && !out[0].is_nan()
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "rvol",
    "RVOL",
    Group::Volume,
    "Relative volume: volume over its mean of the preceding bars",
    &[Input::Volume],
    RvolParams::SPECS,
    OWN_LINE,
    kernel::<Rvol>(),
);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows;

    #[test]
    fn volume_over_the_preceding_mean() {
        let rows: [&[f64]; 4] = [&[100.0], &[300.0], &[400.0], &[700.0]];
        let out = run_rows::<super::Rvol>("rvol", &[2.0], &rows);
        assert_eq!(out, [None, None, Some(2.0), Some(2.0)]);
    }
}
