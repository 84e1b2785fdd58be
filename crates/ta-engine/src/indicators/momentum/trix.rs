//! TRIX.

use crate::catalog::deviations::FLAGGED_UNSTABLE;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::average::{Ema, Smoother};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct TrixParams {
        period: usize = period(30, 1),
    }
}

/// TRIX: one-bar rate of change (percent) of a triple-smoothed EMA.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Trix {
    stages: [Ema; 3],
    previous: Option<f64>,
}

impl Indicator for Trix {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: TrixParams = params.get();
        let ema = Ema::new(p.period);
        Ok(Trix {
            stages: [ema.clone(), ema.clone(), ema],
            previous: None,
        })
    }
    fn lookback(&self) -> usize {
        self.stages.iter().map(|s| s.lookback()).sum::<usize>() + 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let [first, second, third] = &mut self.stages;
        let Some(smooth) = first
            .update(bar[0])
            .and_then(|v| second.update(v))
            .and_then(|v| third.update(v))
        else {
            return false;
        };
        let Some(previous) = self.previous.replace(smooth) else {
            return false;
        };
        out[0] = if previous != 0.0 {
            ((smooth / previous) - 1.0) * 100.0
        } else {
            0.0
        };
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "trix",
    "TRIX",
    Group::Momentum,
    "One-bar rate of change (percent) of a triple exponential moving average",
    REAL,
    TrixParams::SPECS,
    OWN_LINE,
    kernel::<Trix>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[FLAGGED_UNSTABLE]);
