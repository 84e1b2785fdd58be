//! Cumulative sum.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{CUMULATIVE, OWN_LINE, REAL};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// Running total of every value since the series started (TA-Lib's CUMSUM: from the first
/// bar computed, one plain double, left to right).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct CumSum {
    total: f64,
}

impl Indicator for CumSum {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(_: &Params) -> Result<Self, TaError> {
        Ok(CumSum { total: 0.0 })
    }
    fn lookback(&self) -> usize {
        0
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        self.total += bar[0];
        out[0] = self.total;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "cumsum",
    "CUMSUM",
    Group::MathOperator,
    "Cumulative sum: running total of the series",
    REAL,
    &[],
    OWN_LINE,
    kernel::<CumSum>(),
)
.with_flags(CUMULATIVE);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows;

    #[test]
    fn adds_up_from_the_first_bar() {
        let rows: Vec<&[f64]> = vec![&[1.0], &[2.0], &[-4.0]];
        assert_eq!(
            run_rows::<CumSum>("cumsum", &[], &rows),
            [Some(1.0), Some(3.0), Some(-1.0)]
        );
    }
}
