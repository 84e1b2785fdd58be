//! Bollinger BandWidth.

use super::bollinger_083::{Bollinger083, Bollinger083Params};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// Bollinger BandWidth: (upper − lower) / middle × 100, TA-Lib 0.8.3's BBW (0 where the middle
/// band is 0).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Bbw(Bollinger083);

impl Indicator for Bbw {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: Bollinger083Params = params.get();
        Ok(Bbw(Bollinger083::new(&p)))
    }
    fn lookback(&self) -> usize {
        self.0.lookback()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let Some(b) = self.0.update(bar[0]) else {
            return false;
        };
        out[0] = if b.middle == 0.0 {
            0.0
        } else {
            (b.upper - b.lower) / b.middle * 100.0
        };
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "bbw",
    "BBW",
    Group::Volatility,
    "Bollinger BandWidth: the bands' distance as a percentage of the middle band",
    REAL,
    Bollinger083Params::SPECS,
    OWN_LINE,
    kernel::<Bbw>(),
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows as run;

    #[test]
    fn width_of_a_small_window() {
        // 1, 2, 3: mean 2, population sd √(2/3); width 2·2·sd over 2, in percent.
        let data = [[1.0], [2.0], [3.0], [0.0], [0.0], [0.0]];
        let data: Vec<&[f64]> = data.iter().map(|r| &r[..]).collect();
        let out = run::<Bbw>("bbw", &[3.0, 2.0, 2.0, 0.0], &data);
        assert_eq!(out[..2], [None, None]);
        let want = 2.0 * (2.0_f64 / 3.0).sqrt() * 100.0;
        assert!((out[2].unwrap() - want).abs() < 1e-12);
        // A zero middle band gives 0.
        assert_eq!(out[5], Some(0.0));
    }
}
