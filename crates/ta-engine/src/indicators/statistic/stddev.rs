//! Standard deviation.

use super::nbdev;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL};
use crate::kernel::Indicator;
use crate::params::{ParamSpec, Params};
use crate::primitives::ShiftedVar;
use crate::TaError;

/// Standard deviation: `nbdev` × the square root of the population variance.
#[derive(Debug, Clone)]
pub struct Stddev {
    variance: ShiftedVar,
    nbdev: f64,
}

impl Indicator for Stddev {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        Ok(Stddev {
            variance: ShiftedVar::new(p.int(0)),
            nbdev: p.float(1),
        })
    }
    fn lookback(&self) -> usize {
        self.variance.lookback()
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let Some(variance) = self.variance.update(bar[0]) else {
            return false;
        };
        out[0] = variance.sqrt() * self.nbdev;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "stddev",
    "STDDEV",
    Group::Statistic,
    "Population standard deviation over the period, times nbdev",
    REAL,
    &[ParamSpec::period(5, 2), nbdev()],
    OWN_LINE,
    kernel::<Stddev>(),
);
