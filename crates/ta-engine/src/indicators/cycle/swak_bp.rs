//! Ehlers' Swiss Army Knife band-pass filter.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::{ParamSpec, Params};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct SwakBpParams {
        period: usize = int("timeperiod", 20, 5, "centre period in bars"),
        delta: f64 = float("delta", 0.1, 0.05, 0.5, "half-bandwidth as a fraction of the centre period"),
    }
}

/// Band-pass filter, TA-Lib 0.8.3's SWAK_BP: y = a1·y1 + a2·y2 + c0·(x − x2) (fused from the
/// innermost term out), with β = cos(2π/P), t = 4π·delta/P, a = (1 − sin t)/cos t,
/// c0 = (1 − a)/2, a1 = β(1 + a), a2 = −a; started with the inputs at the first value and the
/// outputs at 0.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct SwakBp {
    c0: f64,
    a1: f64,
    a2: f64,
    x1: f64,
    x2: f64,
    y1: f64,
    y2: f64,
    started: bool,
}

impl Indicator for SwakBp {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: SwakBpParams = params.get();
        let pi = std::f64::consts::PI;
        let n = p.period as f64;
        let beta = (2.0 * pi / n).cos();
        let t = 4.0 * pi * p.delta / n;
        let a = (1.0 - t.sin()) / t.cos();
        Ok(SwakBp {
            c0: (1.0 - a) / 2.0,
            a1: beta * (1.0 + a),
            a2: -a,
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
        let y = self
            .a1
            .mul_add(self.y1, self.a2.mul_add(self.y2, self.c0 * (x - self.x2)));
        self.x2 = self.x1;
        self.x1 = x;
        self.y2 = self.y1;
        self.y1 = y;
        out[0] = y;
        true
    }
}

/// The catalog's parameters: TA-Lib 0.8.3 caps the period at 2000.
const PARAMS: &[ParamSpec] = &[
    ParamSpec {
        max: 2_000.0,
        ..SwakBpParams::SPECS[0]
    },
    SwakBpParams::SPECS[1],
];

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "swak_bp",
    "SWAK_BP",
    Group::Cycle,
    "Ehlers' Swiss Army Knife band-pass filter around a centre period (centred on zero)",
    REAL,
    PARAMS,
    OWN_LINE,
    kernel::<SwakBp>(),
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
        let out = run::<SwakBp>("swak_bp", &[20.0, 0.1], &data);
        assert!(out.iter().all(|v| *v == Some(0.0)));
    }
}
