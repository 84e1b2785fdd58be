//! Directional movement index.

use super::wilder_dm::WilderDm;
use super::DIRECTIONAL_LINE;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW_CLOSE, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct DxParams {
        period: usize = period(14, 2),
    }
}

/// Directional movement index: 100 × |+DI - -DI| / (+DI + -DI). When undefined (no range or no
/// movement, or a non-finite range) the first value is 0 and later values repeat the previous one.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Dx {
    core: WilderDm,
    last: f64,
}

impl Indicator for Dx {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: DxParams = params.get();
        Ok(Dx {
            core: WilderDm::new(p.period),
            last: 0.0,
        })
    }
    fn lookback(&self) -> usize {
        self.core.period
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        if self.core.update(bar[0], bar[1], bar[2]).index < self.core.period {
            return false;
        }
        if let Some(dx) = self.core.dx() {
            self.last = dx;
        }
        out[0] = self.last;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "dx",
    "DX",
    Group::Momentum,
    "Directional movement index: spread of +DI and -DI over their sum",
    HIGH_LOW_CLOSE,
    DxParams::SPECS,
    DIRECTIONAL_LINE,
    kernel::<Dx>(),
)
.with_flags(UNSTABLE);
