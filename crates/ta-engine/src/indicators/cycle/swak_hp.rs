//! Ehlers' Swiss Army Knife one-pole high-pass filter.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct SwakHpParams {
        period: usize = int("timeperiod", 20, 5, "cutoff period in bars"),
    }
}

/// One-pole high-pass filter, TA-Lib 0.8.3's SWAK_HP: y = (1 − α)·y1 + (1 − α/2)·(x − x1)
/// (fused), with α = 2·sin h·(cos h − sin h) / (1 − 2·sin²h), h = π/P; started with the input at
/// the first value and the output at 0.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct SwakHp {
    c0: f64,
    a1: f64,
    x1: f64,
    y1: f64,
    started: bool,
}

impl Indicator for SwakHp {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: SwakHpParams = params.get();
        let h = std::f64::consts::PI / p.period as f64;
        let (sh, ch) = (h.sin(), h.cos());
        let alpha = 2.0 * sh * (ch - sh) / (1.0 - 2.0 * sh * sh);
        Ok(SwakHp {
            c0: 1.0 - alpha / 2.0,
            a1: 1.0 - alpha,
            x1: 0.0,
            y1: 0.0,
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
            self.x1 = x;
        }
        let y = self.a1.mul_add(self.y1, self.c0 * (x - self.x1));
        self.x1 = x;
        self.y1 = y;
        out[0] = y;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "swak_hp",
    "SWAK_HP",
    Group::Cycle,
    "Ehlers' Swiss Army Knife one-pole high-pass filter (centred on zero)",
    REAL,
    SwakHpParams::SPECS,
    OWN_LINE,
    kernel::<SwakHp>(),
)
.with_flags(UNSTABLE)
.with_levels(&[0.0]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows as run;

    #[test]
    fn a_step_decays() {
        let data = [[1.0], [2.0], [2.0], [2.0]];
        let data: Vec<&[f64]> = data.iter().map(|r| &r[..]).collect();
        let out = run::<SwakHp>("swak_hp", &[10.0], &data);
        assert_eq!(out[0], Some(0.0));
        let (a, b, c) = (out[1].unwrap(), out[2].unwrap(), out[3].unwrap());
        assert!(a > b && b > c && c > 0.0);
    }
}
