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

/// The midpoint of a window's highest high and lowest low (one series for MIDPOINT, high and
/// low for MIDPRICE).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct MidRange {
    highest: Highest,
    lowest: Lowest,
}

impl MidRange {
    pub(crate) fn new(period: usize) -> Self {
        MidRange {
            highest: Highest::new(period),
            lowest: Lowest::new(period),
        }
    }

    pub(crate) fn lookback(&self) -> usize {
        self.highest.period() - 1
    }

    /// Adds a bar and writes the midpoint into `out[0]`; false while warming up.
    #[inline(always)]
    pub(crate) fn step(&mut self, high: f64, low: f64, out: &mut [f64]) -> bool {
        self.highest.push(high);
        if !self.lowest.push(low) {
            return false;
        }
        out[0] = (self.highest.value() + self.lowest.value()) / 2.0;
        true
    }
}

/// Midpoint of the highest and lowest value over the window.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Midpoint(MidRange);

impl Indicator for Midpoint {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: MidpointParams = params.get();
        Ok(Midpoint(MidRange::new(p.period)))
    }
    fn lookback(&self) -> usize {
        self.0.lookback()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        self.0.step(bar[0], bar[0], out)
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
