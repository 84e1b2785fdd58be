//! Average daily range.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW, OWN_LINE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::RollingSum;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct AdrParams {
        period: usize = period(14, 1),
    }
}

/// Average daily range: the simple mean of `high - low` over the window.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Adr {
    ranges: RollingSum,
    period: f64,
}

impl Indicator for Adr {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: AdrParams = params.get();
        Ok(Adr {
            ranges: RollingSum::new(p.period),
            period: p.period as f64,
        })
    }
    fn lookback(&self) -> usize {
        self.ranges.period() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        self.ranges.push(bar[0] - bar[1]);
        if !self.ranges.is_full() {
            return false;
        }
        out[0] = self.ranges.sum() / self.period;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "adr",
    "ADR",
    Group::Volatility,
    "Average daily range: simple mean of high minus low",
    HIGH_LOW,
    AdrParams::SPECS,
    OWN_LINE,
    kernel::<Adr>(),
);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows;

    #[test]
    fn mean_range() {
        let rows: [&[f64]; 3] = [&[10.0, 8.0], &[12.0, 8.0], &[9.0, 8.0]];
        let out = run_rows::<super::Adr>("adr", &[2.0], &rows);
        assert_eq!(out, [None, Some(3.0), Some(2.5)]);
    }
}
