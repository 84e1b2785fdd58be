//! Ehlers' Swiss Army Knife two-pole high-pass filter.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::{ParamSpec, Params};
use crate::primitives::swak::{two_pole_alpha, two_pole_feedback};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct Swak2phpParams {
        period: usize = int("timeperiod", 20, 2, "cutoff period in bars"),
    }
}

/// Two-pole high-pass filter, TA-Lib 0.8.3's SWAK_2PHP: y = a1·y1 + a2·y2 + c0·(x − 2·x1 + x2)
/// (fused from the innermost term out), c0 = (1 − α/2)²; started in the steady state of the
/// first value (inputs at it, outputs at 0).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Swak2php {
    c0: f64,
    a1: f64,
    a2: f64,
    x1: f64,
    x2: f64,
    y1: f64,
    y2: f64,
    started: bool,
}

impl Indicator for Swak2php {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: Swak2phpParams = params.get();
        let alpha = two_pole_alpha(p.period);
        let (a1, a2) = two_pole_feedback(alpha);
        Ok(Swak2php {
            c0: (1.0 - alpha / 2.0) * (1.0 - alpha / 2.0),
            a1,
            a2,
            x1: 0.0,
            x2: 0.0,
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
            (self.x1, self.x2) = (x, x);
        }
        let input = x - 2.0 * self.x1 + self.x2;
        let y = self
            .a1
            .mul_add(self.y1, self.a2.mul_add(self.y2, self.c0 * input));
        self.x2 = self.x1;
        self.x1 = x;
        self.y2 = self.y1;
        self.y1 = y;
        out[0] = y;
        true
    }
}

/// The catalog's parameters: TA-Lib 0.8.3 caps the period at 10000.
const PARAMS: &[ParamSpec] = &[ParamSpec {
    max: 10_000.0,
    ..Swak2phpParams::SPECS[0]
}];

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "swak_2php",
    "SWAK_2PHP",
    Group::Cycle,
    "Ehlers' Swiss Army Knife two-pole high-pass filter (centred on zero)",
    REAL,
    PARAMS,
    OWN_LINE,
    kernel::<Swak2php>(),
)
.with_flags(UNSTABLE)
.with_levels(&[0.0]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows as run;

    #[test]
    fn a_constant_is_zero() {
        let data = [[7.5]; 10];
        let data: Vec<&[f64]> = data.iter().map(|r| &r[..]).collect();
        let out = run::<Swak2php>("swak_2php", &[10.0], &data);
        assert!(out.iter().all(|v| *v == Some(0.0)));
    }
}
