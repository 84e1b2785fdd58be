//! Ehlers' Swiss Army Knife Gaussian filter.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{PRICE_LINE, REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::{ParamSpec, Params};
use crate::primitives::swak::{two_pole_alpha, two_pole_feedback};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct SwakGaussParams {
        period: usize = int("timeperiod", 20, 2, "cutoff period in bars"),
    }
}

/// Two-pole Gaussian low-pass filter, TA-Lib 0.8.3's SWAK_GAUSS: y = a1·y1 + a2·y2 + c0·x
/// (fused from the innermost term out), started in the steady state of the first value.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct SwakGauss {
    c0: f64,
    a1: f64,
    a2: f64,
    y1: f64,
    y2: f64,
    started: bool,
}

impl Indicator for SwakGauss {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: SwakGaussParams = params.get();
        let alpha = two_pole_alpha(p.period);
        let (a1, a2) = two_pole_feedback(alpha);
        Ok(SwakGauss {
            c0: alpha * alpha,
            a1,
            a2,
            y1: 0.0,
            y2: 0.0,
            started: false,
        })
    }
    fn lookback(&self) -> usize {
        0
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let x = bar[0];
        if !self.started {
            self.started = true;
            self.y1 = x;
            self.y2 = x;
        }
        let y = self
            .a1
            .mul_add(self.y1, self.a2.mul_add(self.y2, self.c0 * x));
        self.y2 = self.y1;
        self.y1 = y;
        out[0] = y;
        true
    }
}

/// The catalog's parameters: TA-Lib 0.8.3 caps the period at 10000.
const PARAMS: &[ParamSpec] = &[ParamSpec {
    max: 10_000.0,
    ..SwakGaussParams::SPECS[0]
}];

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "swak_gauss",
    "SWAK_GAUSS",
    Group::Overlap,
    "Ehlers' Swiss Army Knife two-pole Gaussian low-pass filter",
    REAL,
    PARAMS,
    PRICE_LINE,
    kernel::<SwakGauss>(),
)
.with_flags(UNSTABLE);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows as run;

    #[test]
    fn a_constant_passes_unchanged() {
        let data = [[7.5]; 20];
        let data: Vec<&[f64]> = data.iter().map(|r| &r[..]).collect();
        let out = run::<SwakGauss>("swak_gauss", &[10.0], &data);
        assert!(out.iter().all(|v| (v.unwrap() - 7.5).abs() < 1e-12));
    }
}
