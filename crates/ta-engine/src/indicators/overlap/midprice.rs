//! Midpoint of a window's highest high and lowest low.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW, PRICE_LINE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::{Highest, Lowest};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct MidpriceParams {
        period: usize = period(14, 2),
    }
}

/// Midpoint of the highest high and lowest low over the window.
#[derive(Debug, Clone)]
pub struct Midprice {
    highest: Highest,
    lowest: Lowest,
}

impl Indicator for Midprice {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: MidpriceParams = params.get();
        let period = p.period;
        Ok(Midprice {
            highest: Highest::new(period),
            lowest: Lowest::new(period),
        })
    }
    fn lookback(&self) -> usize {
        self.highest.period() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        self.highest.push(bar[0]);
        if !self.lowest.push(bar[1]) {
            return false;
        }
        out[0] = (self.highest.value() + self.lowest.value()) / 2.0;
        true
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
