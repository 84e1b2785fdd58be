//! Percentile.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{PRICE_LINE, REAL};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::Ring;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct PercentileParams {
        period: usize = period(30, 2),
        percentile: f64 = float("percentile", 50.0, 0.0, 100.0, "the percentile reported, 0 to 100"),
    }
}

/// Nearest-rank percentile of the window: its `ceil(percentile · period / 100)`-th smallest
/// value (at least the first).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "PercentileFields")]
pub struct Percentile {
    window: Ring,
    /// The window's values, ascending; equal values in arrival order.
    sorted: Vec<f64>,
    /// Zero-based rank reported.
    rank: usize,
}

/// A percentile as a snapshot holds it, before its parts are checked against each other.
#[derive(serde::Deserialize)]
struct PercentileFields {
    window: Ring,
    sorted: Vec<f64>,
    rank: usize,
}

impl TryFrom<PercentileFields> for Percentile {
    type Error = String;

    fn try_from(f: PercentileFields) -> Result<Self, String> {
        // The leaving value must be found in `sorted`, and the rank index it once it is full.
        if !crate::execution::checks::sorted_copy_of(f.window.iter(), &f.sorted)
            || f.rank >= f.window.capacity()
        {
            return Err(crate::execution::checks::inconsistent("percentile"));
        }
        Ok(Percentile {
            window: f.window,
            sorted: f.sorted,
            rank: f.rank,
        })
    }
}

impl Indicator for Percentile {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: PercentileParams = params.get();
        let (period, percentile) = (p.period, p.percentile);
        // Multiplied before dividing, as TA-Lib does: exact at round percentages.
        let rank = (percentile * period as f64 / 100.0).ceil() as usize;
        Ok(Percentile {
            window: Ring::new(period),
            sorted: Vec::with_capacity(period),
            rank: rank.clamp(1, period) - 1,
        })
    }
    fn lookback(&self) -> usize {
        self.window.capacity() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let x = bar[0];
        if let Some(old) = self.window.push(x) {
            // The first of a run of equals is the oldest of them.
            let at = self.sorted.partition_point(|&v| v < old);
            self.sorted.remove(at);
        }
        let at = self.sorted.partition_point(|&v| v <= x);
        self.sorted.insert(at, x);
        if !self.window.is_full() {
            return false;
        }
        out[0] = self.sorted[self.rank];
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "percentile",
    "PERCENTILE",
    Group::Statistic,
    "Percentile: the nearest-rank percentile of the window's values",
    REAL,
    PercentileParams::SPECS,
    PRICE_LINE,
    kernel::<Percentile>(),
);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows as run;

    #[test]
    fn nearest_rank() {
        let rows: Vec<[f64; 1]> = [4.0, 1.0, 3.0, 2.0].iter().map(|&v| [v]).collect();
        let rows: Vec<&[f64]> = rows.iter().map(|r| &r[..]).collect();
        // Median of 3 is the 2nd smallest; 0 gives the smallest, 100 the largest.
        let got = run::<super::Percentile>("percentile", &[3.0, 50.0], &rows);
        assert_eq!(got, [None, None, Some(3.0), Some(2.0)]);
        let got = run::<super::Percentile>("percentile", &[3.0, 0.0], &rows);
        assert_eq!(got[2..], [Some(1.0), Some(1.0)]);
        let got = run::<super::Percentile>("percentile", &[3.0, 100.0], &rows);
        assert_eq!(got[2..], [Some(4.0), Some(3.0)]);
    }
}
