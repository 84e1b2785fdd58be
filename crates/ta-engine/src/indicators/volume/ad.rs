//! Chaikin accumulation/distribution line.

use super::ad_line::AdLine;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{CUMULATIVE, HIGH_LOW_CLOSE_VOLUME, OWN_LINE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// Chaikin accumulation/distribution line.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Ad(AdLine);

impl Indicator for Ad {
    const INPUTS: usize = 4;
    const OUTPUTS: usize = 1;
    fn from_params(_: &Params) -> Result<Self, TaError> {
        Ok(Ad(AdLine(0.0)))
    }
    fn lookback(&self) -> usize {
        0
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        out[0] = self.0.update(bar[0], bar[1], bar[2], bar[3]);
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "ad",
    "AD",
    Group::Volume,
    "Chaikin accumulation/distribution line",
    HIGH_LOW_CLOSE_VOLUME,
    &[],
    OWN_LINE,
    kernel::<Ad>(),
)
.with_flags(CUMULATIVE);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows as run;

    /// (high, low, close, volume): money-flow volumes 50, 0 (no range) and -40.
    const ROWS: [&[f64]; 3] = [
        &[10.0, 8.0, 9.5, 100.0],
        &[9.0, 9.0, 9.0, 500.0],
        &[12.0, 10.0, 10.0, 40.0],
    ];

    #[test]
    fn ad_accumulates_money_flow() {
        assert_eq!(
            run::<Ad>("ad", &[], &ROWS),
            vec![Some(50.0), Some(50.0), Some(10.0)]
        );
    }
}
