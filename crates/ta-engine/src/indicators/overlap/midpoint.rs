//! Midpoint of a window's highest and lowest value.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{PRICE_LINE, REAL};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::{Highest, Lowest};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct MidpointParams {
        period: usize = period(14, 2),
    }
}

/// Midpoint of the highest and lowest value over the window.
#[derive(Debug, Clone)]
pub struct Midpoint {
    highest: Highest,
    lowest: Lowest,
}

impl Indicator for Midpoint {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: MidpointParams = params.get();
        let period = p.period;
        Ok(Midpoint {
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
        if !self.lowest.push(bar[0]) {
            return false;
        }
        out[0] = (self.highest.value() + self.lowest.value()) / 2.0;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "midpoint",
    "MIDPOINT",
    Group::Overlap,
    "Midpoint of the highest and lowest value over the period",
    REAL,
    MidpointParams::SPECS,
    PRICE_LINE,
    kernel::<Midpoint>(),
);
