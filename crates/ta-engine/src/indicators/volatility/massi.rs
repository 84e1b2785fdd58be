//! Mass index (Dorsey).

use crate::catalog::deviations::FLAGGED_UNSTABLE;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW, OWN_LINE, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::average::{Ema, Smoother};
use crate::primitives::RollingSum;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct MassiParams {
        fast_period: usize = int("fastperiod", 9, 2, "bars in each exponential average"),
        slow_period: usize = int("slowperiod", 25, 2, "ratios summed"),
    }
}

/// Mass index: the sum over `slow_period` bars of `EMA(h-l) / EMA(EMA(h-l))` (TA-Lib 0.8.1's
/// fused EMA steps; a zero double average counts as ratio 1).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Massi {
    single: Ema,
    double: Ema,
    ratios: RollingSum,
}

impl Indicator for Massi {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: MassiParams = params.get();
        Ok(Massi {
            single: Ema::new(p.fast_period),
            double: Ema::new(p.fast_period),
            ratios: RollingSum::new(p.slow_period),
        })
    }
    fn lookback(&self) -> usize {
        2 * self.single.lookback() + self.ratios.period() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let Some(single) = self.single.update(bar[0] - bar[1]) else {
            return false;
        };
        let Some(double) = self.double.update(single) else {
            return false;
        };
        self.ratios
            .push(if double == 0.0 { 1.0 } else { single / double });
        if !self.ratios.is_full() {
            return false;
        }
        out[0] = self.ratios.sum();
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "massi",
    "MASSI",
    Group::Volatility,
    "Mass index: summed ratio of single to double exponential averages of the bar's range",
    HIGH_LOW,
    MassiParams::SPECS,
    OWN_LINE,
    kernel::<Massi>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[FLAGGED_UNSTABLE]);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows;

    #[test]
    fn a_constant_range_sums_ones() {
        let rows: [&[f64]; 5] = [&[2.0, 1.0]; 5];
        let out = run_rows::<super::Massi>("massi", &[2.0, 2.0], &rows);
        assert_eq!(out, [None, None, None, Some(2.0), Some(2.0)]);
    }
}
