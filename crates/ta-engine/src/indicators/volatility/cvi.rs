//! Chaikin volatility.

use crate::catalog::deviations::FLAGGED_UNSTABLE;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW, OWN_LINE, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::average::{Ema, Smoother};
use crate::primitives::Ring;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct CviParams {
        period: usize = period(10, 2),
        roc_period: usize = int("rocperiod", 10, 1, "bars between the compared averages"),
    }
}

/// Chaikin volatility: the percent change over `roc_period` bars of the EMA (TA-Lib 0.8.1's
/// fused step) of `high - low`; 0 when the older average is 0.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Cvi {
    ema: Ema,
    /// The last `roc_period + 1` averages; the oldest is the one compared with.
    averages: Ring,
}

impl Indicator for Cvi {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: CviParams = params.get();
        Ok(Cvi {
            ema: Ema::new(p.period),
            averages: Ring::new(p.roc_period + 1),
        })
    }
    fn lookback(&self) -> usize {
        self.ema.lookback() + self.averages.capacity() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let Some(average) = self.ema.update(bar[0] - bar[1]) else {
            return false;
        };
        self.averages.push(average);
        if !self.averages.is_full() {
            return false;
        }
        let older = self.averages.oldest();
        out[0] = if older != 0.0 {
            100.0 * ((average - older) / older)
        } else {
            0.0
        };
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "cvi",
    "CVI",
    Group::Volatility,
    "Chaikin volatility: percent change of the exponential average of high minus low",
    HIGH_LOW,
    CviParams::SPECS,
    OWN_LINE,
    kernel::<Cvi>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[FLAGGED_UNSTABLE])
.with_levels(&[0.0]);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows;

    #[test]
    fn percent_change_of_the_average_range() {
        // Period 2 (k = ⅔), ROC 1: ranges 2, 4 → seed 3; range 6 → 3 + 2 = 5 (+66.7 %).
        let rows: [&[f64]; 3] = [&[12.0, 10.0], &[14.0, 10.0], &[16.0, 10.0]];
        let out = run_rows::<super::Cvi>("cvi", &[2.0, 1.0], &rows);
        assert_eq!(out[..2], [None, None]);
        assert!((out[2].unwrap() - 200.0 / 3.0).abs() < 1e-9);
    }
}
