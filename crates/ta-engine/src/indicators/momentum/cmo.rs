//! Chande momentum oscillator.

use super::wilder_changes::{Scaling, WilderChanges};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct CmoParams {
        period: usize = period(14, 2),
    }
}

/// Chande momentum oscillator: `100 · (gain - loss) / (gain + loss)` over Wilder's averages.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Cmo(WilderChanges);

impl Indicator for Cmo {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: CmoParams = params.get();
        Ok(Cmo(WilderChanges::new(p.period, Scaling::Divide)))
    }
    fn lookback(&self) -> usize {
        self.0.lookback()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let Some((gain, loss)) = self.0.update(bar[0]) else {
            return false;
        };
        let total = loss + gain;
        out[0] = if total > 0.0 {
            ((gain - loss) / total) * 100.0
        } else {
            0.0
        };
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "cmo",
    "CMO",
    Group::Momentum,
    "Chande momentum oscillator: Wilder-smoothed gains minus losses over gains plus losses, in percent",
    REAL,
    CmoParams::SPECS,
    OWN_LINE,
    kernel::<Cmo>(),
)
.with_flags(UNSTABLE);
