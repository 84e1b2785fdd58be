//! Standard deviation.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::ShiftedVar;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct StddevParams {
        period: usize = period(5, 2),
        nbdev: f64 = float("nbdev", 1.0, -3e37, 3e37, "number of deviations"),
    }
}

/// Standard deviation: `nbdev` × the square root of the population variance.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Stddev {
    variance: ShiftedVar,
    nbdev: f64,
}

impl Indicator for Stddev {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: StddevParams = params.get();
        Ok(Stddev {
            variance: ShiftedVar::new(p.period),
            nbdev: p.nbdev,
        })
    }
    fn lookback(&self) -> usize {
        self.variance.lookback()
    }
    #[inline(always)]
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
    StddevParams::SPECS,
    OWN_LINE,
    kernel::<Stddev>(),
);
