//! Relative volatility index, refined (high/low) form.

use super::rvi_083::Rvi083;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW, OWN_LINE, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct RvirParams {
        period: usize = period(14, 1),
        stddev_period: usize = int(
            "stddevperiod", 10, 2, "bars in the standard deviation's window"
        ),
    }
}

/// Refined relative volatility index, TA-Lib 0.8.3's RVIR: the mean of the RVI of the highs and
/// the RVI of the lows.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Rvir {
    high: Rvi083,
    low: Rvi083,
}

impl Indicator for Rvir {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: RvirParams = params.get();
        Ok(Rvir {
            high: Rvi083::new(p.period, p.stddev_period),
            low: Rvi083::new(p.period, p.stddev_period),
        })
    }
    fn lookback(&self) -> usize {
        self.high.lookback()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let high = self.high.update(bar[0]);
        let Some(low) = self.low.update(bar[1]) else {
            return false;
        };
        // Both legs warm up on the same bar.
        out[0] = 0.5 * (high.unwrap_or(f64::NAN) + low);
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "rvir",
    "RVIR",
    Group::Volatility,
    "Refined relative volatility index: the mean of the RVI of the highs and of the lows",
    HIGH_LOW,
    RvirParams::SPECS,
    OWN_LINE,
    kernel::<Rvir>(),
)
.with_flags(UNSTABLE)
.with_levels(&[50.0]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows as run;

    #[test]
    fn rising_highs_and_lows_are_100() {
        let rows: Vec<[f64; 2]> = (0..8).map(|i| [10.0 + i as f64, 9.0 + i as f64]).collect();
        let rows: Vec<&[f64]> = rows.iter().map(|r| &r[..]).collect();
        let out = run::<Rvir>("rvir", &[3.0, 2.0], &rows);
        assert_eq!(out[..3], [None, None, None]);
        assert!(out[3..].iter().all(|v| *v == Some(100.0)));
        // Flat: no credit to either leg, the neutral 50.
        let flat = [[5.0, 4.0]; 6];
        let flat: Vec<&[f64]> = flat.iter().map(|r| &r[..]).collect();
        assert_eq!(run::<Rvir>("rvir", &[2.0, 2.0], &flat)[5], Some(50.0));
    }
}
