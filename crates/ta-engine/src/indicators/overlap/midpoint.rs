//! Midpoint of a window's highest and lowest value.

use super::super::{PRICE_LINE, REAL};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::kernel::Indicator;
use crate::params::{ParamSpec, Params};
use crate::primitives::{Highest, Lowest};
use crate::TaError;

/// Midpoint of the highest and lowest value over the window.
#[derive(Debug, Clone)]
pub struct Midpoint {
    highest: Highest,
    lowest: Lowest,
}

impl Indicator for Midpoint {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        let period = p.int(0);
        Ok(Midpoint {
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
    &[ParamSpec::period(14, 2)],
    PRICE_LINE,
    kernel::<Midpoint>(),
);
