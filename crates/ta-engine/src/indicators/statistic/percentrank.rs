//! Percent rank.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::Ring;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct PercentRankParams {
        period: usize = period(100, 2),
    }
}

/// Percent rank: the share of the previous `period` values strictly below today's, in percent.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct PercentRank {
    /// The last `period + 1` values, today's newest.
    values: Ring,
}

impl Indicator for PercentRank {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: PercentRankParams = params.get();
        Ok(PercentRank {
            values: Ring::new(p.period + 1),
        })
    }
    fn lookback(&self) -> usize {
        self.values.capacity() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let x = bar[0];
        self.values.push(x);
        if !self.values.is_full() {
            return false;
        }
        let period = self.values.capacity() - 1;
        // Today's value is in the ring too, but never below itself: counting over both runs
        // whole keeps the loops free of a bound and lets them vectorise.
        let (older, newer) = self.values.as_slices();
        let below = count_below(older, x) + count_below(newer, x);
        out[0] = below as f64 / period as f64 * 100.0;
        true
    }
}

/// How many of `values` are strictly below `x`.
#[inline(always)]
fn count_below(values: &[f64], x: f64) -> usize {
    values.iter().map(|&v| usize::from(v < x)).sum()
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "percentrank",
    "PERCENTRANK",
    Group::Statistic,
    "Percent rank: share of the previous period values below the current one, in percent",
    REAL,
    PercentRankParams::SPECS,
    OWN_LINE,
    kernel::<PercentRank>(),
);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows as run;

    #[test]
    fn share_strictly_below() {
        let rows: Vec<[f64; 1]> = [3.0, 1.0, 2.0, 2.0].iter().map(|&v| [v]).collect();
        let rows: Vec<&[f64]> = rows.iter().map(|r| &r[..]).collect();
        assert_eq!(
            run::<super::PercentRank>("percentrank", &[2.0], &rows),
            [None, None, Some(50.0), Some(50.0)]
        );
    }
}
