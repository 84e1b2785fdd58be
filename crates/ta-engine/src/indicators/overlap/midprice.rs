//! Midpoint of a window's highest high and lowest low.

use super::midpoint::MidRange;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW, PRICE_LINE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct MidpriceParams {
        period: usize = period(14, 2),
    }
}

/// Midpoint of the highest high and lowest low over the window.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Midprice(MidRange);

impl Indicator for Midprice {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: MidpriceParams = params.get();
        Ok(Midprice(MidRange::new(p.period)))
    }
    fn lookback(&self) -> usize {
        self.0.lookback()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        self.0.step(bar[0], bar[1], out)
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "midprice",
    "MIDPRICE",
    Group::Overlap,
    "Midpoint of the highest high and lowest low over the period",
    HIGH_LOW,
    MidpriceParams::SPECS,
    PRICE_LINE,
    kernel::<Midprice>(),
);
