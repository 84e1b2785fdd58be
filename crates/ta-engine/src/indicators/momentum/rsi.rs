//! Relative strength index.

use super::wilder_changes::{rsi_value, Scaling, WilderChanges};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct RsiParams {
        period: usize = period(14, 2),
    }
}

/// Relative strength index (Wilder).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Rsi(WilderChanges);

impl Indicator for Rsi {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: RsiParams = params.get();
        Ok(Rsi(WilderChanges::new(p.period, Scaling::Reciprocal)))
    }
    fn lookback(&self) -> usize {
        self.0.lookback()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let Some((gain, loss)) = self.0.update(bar[0]) else {
            return false;
        };
        out[0] = rsi_value(gain, loss);
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "rsi",
    "RSI",
    Group::Momentum,
    "Relative strength index: Wilder-smoothed gains as a percentage of gains plus losses",
    REAL,
    RsiParams::SPECS,
    OWN_LINE,
    kernel::<Rsi>(),
)
.with_flags(UNSTABLE)
.with_levels(&[30.0, 70.0]);
