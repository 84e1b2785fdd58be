//! Internal bar strength (TA-Lib 0.8.3).

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{ELEMENTWISE, HIGH_LOW_CLOSE, OWN_LINE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// Internal bar strength: where the close sits in its own bar's range, 0 at the low and 1 at
/// the high; a bar without range gives 0.5.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Ibs;

impl Indicator for Ibs {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    const STATELESS: bool = true;
    fn from_params(_: &Params) -> Result<Self, TaError> {
        Ok(Ibs)
    }
    fn lookback(&self) -> usize {
        0
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let range = bar[0] - bar[1];
        // TA-Lib 0.8.3 tests the range exactly (no epsilon band).
        out[0] = if range <= 0.0 {
            0.5
        } else {
            (bar[2] - bar[1]) / range
        };
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "ibs",
    "IBS",
    Group::Momentum,
    "Internal bar strength: (close - low) / (high - low), 0.5 for a bar without range",
    HIGH_LOW_CLOSE,
    &[],
    OWN_LINE,
    kernel::<Ibs>(),
)
.with_flags(ELEMENTWISE)
.with_levels(&[0.2, 0.8]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows;

    #[test]
    fn position_in_the_bar() {
        let got = run_rows::<Ibs>(
            "ibs",
            &[],
            &[&[12.0, 8.0, 11.0], &[5.0, 5.0, 5.0], &[4.0, 6.0, 5.0]],
        );
        assert_eq!(got, [Some(0.75), Some(0.5), Some(0.5)]);
    }
}
