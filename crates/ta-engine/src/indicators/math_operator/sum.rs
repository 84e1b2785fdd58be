//! Rolling sum.

use super::WindowParams;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::RollingSum;
use crate::TaError;

/// Sum of the last `period` values, updated as TA-Lib updates it (the leaving value
/// subtracted from the previous sum, then the arriving one added).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Sum {
    sum: RollingSum,
}

impl Indicator for Sum {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: WindowParams = params.get();
        Ok(Sum {
            sum: RollingSum::new(p.period),
        })
    }
    fn lookback(&self) -> usize {
        self.sum.period() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        self.sum.push(bar[0]);
        out[0] = self.sum.sum();
        self.sum.is_full()
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "sum",
    "SUM",
    Group::MathOperator,
    "Sum of the last period values",
    REAL,
    WindowParams::SPECS,
    OWN_LINE,
    kernel::<Sum>(),
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows;

    #[test]
    fn sums_the_window() {
        let rows: Vec<&[f64]> = vec![&[1.0], &[2.0], &[4.0], &[8.0]];
        assert_eq!(
            run_rows::<Sum>("sum", &[3.0], &rows),
            [None, None, Some(7.0), Some(14.0)]
        );
    }
}
