//! Bollinger %B.

use super::bollinger_083::{Bollinger083, Bollinger083Params};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// Bollinger %B: where the value sits between the lower (0) and upper (1) band, TA-Lib 0.8.3's
/// PERCENTB (0.5 where the bands coincide).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Percentb(Bollinger083);

impl Indicator for Percentb {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: Bollinger083Params = params.get();
        Ok(Percentb(Bollinger083::new(&p)))
    }
    fn lookback(&self) -> usize {
        self.0.lookback()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let Some(b) = self.0.update(bar[0]) else {
            return false;
        };
        let width = b.upper - b.lower;
        out[0] = if width == 0.0 {
            0.5
        } else {
            (bar[0] - b.lower) / width
        };
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "percentb",
    "PERCENTB",
    Group::Volatility,
    "Bollinger %B: the value's position between the lower (0) and upper (1) band",
    REAL,
    Bollinger083Params::SPECS,
    OWN_LINE,
    kernel::<Percentb>(),
)
.with_levels(&[0.0, 1.0]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows as run;

    #[test]
    fn position_between_the_bands() {
        let data = [[1.0], [2.0], [3.0], [3.0], [3.0], [3.0]];
        let data: Vec<&[f64]> = data.iter().map(|r| &r[..]).collect();
        let out = run::<Percentb>("percentb", &[3.0, 2.0, 2.0, 0.0], &data);
        // 3 against mean 2 ± 2·√(2/3).
        let sd = (2.0_f64 / 3.0).sqrt();
        let want = (3.0 - (2.0 - 2.0 * sd)) / (4.0 * sd);
        assert!((out[2].unwrap() - want).abs() < 1e-12);
        // A flat window: the bands coincide.
        assert_eq!(out[5], Some(0.5));
    }
}
