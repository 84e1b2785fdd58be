//! Market facilitation index (Bill Williams).

use crate::catalog::{kernel, Group, IndicatorSpec, Input};
use crate::indicators::OWN_LINE;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// Market facilitation index: `(high - low) / volume`, 0 on a bar without volume.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Marketfi;

impl Indicator for Marketfi {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    fn from_params(_: &Params) -> Result<Self, TaError> {
        Ok(Marketfi)
    }
    fn lookback(&self) -> usize {
        0
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (high, low, volume) = (bar[0], bar[1], bar[2]);
        out[0] = if volume != 0.0 {
            (high - low) / volume
        } else {
            0.0
        };
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "marketfi",
    "MARKETFI",
    Group::Volume,
    "Market facilitation index: the bar's range per unit of volume",
    &[Input::High, Input::Low, Input::Volume],
    &[],
    OWN_LINE,
    kernel::<Marketfi>(),
);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows;

    #[test]
    fn range_per_volume() {
        let rows: [&[f64]; 2] = [&[12.0, 10.0, 4.0], &[12.0, 10.0, 0.0]];
        let out = run_rows::<super::Marketfi>("marketfi", &[], &rows);
        assert_eq!(out, [Some(0.5), Some(0.0)]);
    }
}
