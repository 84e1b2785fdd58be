//! Ehlers' center of gravity oscillator (TA-Lib 0.8.3).

use super::exact_sum::ExactSum;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::Ring;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct CgParams {
        period: usize = period(10, 2),
    }
}

/// Center of gravity: `-Σ (k+1)·x[k] / Σ x[k]` over the window, `k` bars ago.
///
/// TA-Lib 0.8.3 keeps both sums exact (integer limbs at a power-of-two scale) and rounds each
/// once, so an output depends on its window alone; the exact partial sums here give the same
/// two roundings. An exactly zero sum gives the flat-window value `-(period + 1) / 2`.
#[derive(Debug, Clone)]
pub struct Cg {
    window: Ring,
    /// Σ x over the window.
    plain: ExactSum,
    /// Σ (k+1)·x over the window.
    weighted: ExactSum,
}

impl Indicator for Cg {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: CgParams = params.get();
        Ok(Cg {
            window: Ring::new(p.period),
            plain: ExactSum::default(),
            weighted: ExactSum::default(),
        })
    }
    fn lookback(&self) -> usize {
        self.window.capacity() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let period = self.window.capacity() as f64;
        if let Some(old) = self.window.push(bar[0]) {
            // The oldest value leaves with weight `period`.
            self.plain.add(-old);
            self.weighted.add_product(-period, old);
        }
        // Every retained value ages a bar: the weighted sum gains the whole plain sum.
        self.plain.add(bar[0]);
        self.weighted.add_sum(&self.plain);
        if !self.window.is_full() {
            return false;
        }
        let den = self.plain.value();
        out[0] = if den != 0.0 {
            -self.weighted.value() / den
        } else {
            -(period + 1.0) * 0.5
        };
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "cg",
    "CG",
    Group::Momentum,
    "Center of gravity (Ehlers): minus the bars-ago-weighted sum over the plain sum of the window",
    REAL,
    CgParams::SPECS,
    OWN_LINE,
    kernel::<Cg>(),
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows;

    #[test]
    fn weights_count_bars_ago() {
        // Window [1, 2, 3] (3 newest): -(1·3 + 2·2 + 3·1) / 6 = -10/6.
        let got = run_rows::<Cg>(
            "cg",
            &[3.0],
            &[&[1.0], &[2.0], &[3.0], &[0.0], &[0.0], &[0.0]],
        );
        assert_eq!(got[..2], [None, None]);
        assert_eq!(got[2], Some(-10.0 / 6.0));
        // [2, 3, 0]: -(3·2 + 2·3) / 5; [3, 0, 0]: -9/3; all zero: flat value -2.
        assert_eq!(got[3], Some(-12.0 / 5.0));
        assert_eq!(got[4], Some(-3.0));
        assert_eq!(got[5], Some(-2.0));
    }
}
