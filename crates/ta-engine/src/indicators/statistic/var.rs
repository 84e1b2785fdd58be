//! Population variance.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::ShiftedVar;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct VarParams {
        period: usize = period(5, 1),
        nbdev: f64 = float("nbdev", 1.0, -3e37, 3e37, "number of deviations"),
    }
}

/// Population variance. TA-Lib's `nbdev` parameter is accepted and ignored.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Var(ShiftedVar);

impl Indicator for Var {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: VarParams = params.get();
        Ok(Var(ShiftedVar::new(p.period)))
    }
    fn lookback(&self) -> usize {
        self.0.lookback()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        match self.0.update(bar[0]) {
            Some(v) => {
                out[0] = v;
                true
            }
            None => false,
        }
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "var",
    "VAR",
    Group::Statistic,
    "Population variance over the period (nbdev is accepted and ignored, as in TA-Lib)",
    REAL,
    VarParams::SPECS,
    OWN_LINE,
    kernel::<Var>(),
);
