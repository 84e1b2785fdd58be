//! Midpoint of a window's highest high and lowest low.

use super::super::{HIGH_LOW, PRICE_LINE};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::kernel::Indicator;
use crate::params::{ParamSpec, Params};
use crate::primitives::{Highest, Lowest};
use crate::TaError;

/// Midpoint of the highest high and lowest low over the window.
#[derive(Debug, Clone)]
pub struct Midprice {
    highest: Highest,
    lowest: Lowest,
}

impl Indicator for Midprice {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 1;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        let period = p.int(0);
        Ok(Midprice {
            highest: Highest::new(period),
            lowest: Lowest::new(period),
        })
    }
    fn lookback(&self) -> usize {
        self.highest.period() - 1
    }
    #[inline]
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
    &[ParamSpec::period(14, 2)],
    PRICE_LINE,
    kernel::<Midprice>(),
);
