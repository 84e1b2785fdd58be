//! Kaufman efficiency ratio.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::Ring;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct ErParams {
        period: usize = period(10, 2),
    }
}

/// Kaufman's efficiency ratio: the net change over the window divided by the path length (the
/// sum of the absolute one-bar changes), with TA-Lib's guards: the ratio is pinned to 1 where
/// the path does not exceed the net rise or is not positive, it is capped at 1, and a run of
/// `period` exactly-zero changes clears the sum's rounding residue.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Er {
    /// The last `period + 1` values.
    values: Ring,
    path: f64,
    zero_run: usize,
}

impl Indicator for Er {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: ErParams = params.get();
        Ok(Er {
            values: Ring::new(p.period + 1),
            path: 0.0,
            zero_run: 0,
        })
    }
    fn lookback(&self) -> usize {
        self.values.capacity() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let x = bar[0];
        let period = self.values.capacity() - 1;
        let prev = (!self.values.is_empty()).then(|| self.values.back(0));
        let leaving = self.values.push(x);
        let Some(prev) = prev else {
            return false;
        };
        let change = x - prev;
        match leaving {
            // Warming up: the first window's path is summed without a purge.
            None => {
                self.path += change.abs();
                self.zero_run = if change == 0.0 { self.zero_run + 1 } else { 0 };
                if !self.values.is_full() {
                    return false;
                }
            }
            Some(gone) => {
                // The change leaving the window runs from `gone` to the oldest value kept.
                self.path -= (gone - self.values.oldest()).abs();
                self.path += change.abs();
                self.zero_run = if change == 0.0 { self.zero_run + 1 } else { 0 };
                if self.zero_run >= period {
                    self.zero_run = period;
                    self.path = 0.0;
                }
            }
        }
        let net = x - self.values.oldest();
        out[0] = if self.path <= 0.0 || self.path <= net {
            1.0
        } else {
            // Capped at 1 (a falling window can exceed it by a few ulps), as TA-Lib 0.8.1 does.
            let ratio = (net / self.path).abs();
            if 1.0 < ratio {
                1.0
            } else {
                ratio
            }
        };
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "er",
    "ER",
    Group::Momentum,
    "Kaufman efficiency ratio: net change over the window divided by the sum of absolute changes",
    REAL,
    ErParams::SPECS,
    OWN_LINE,
    kernel::<Er>(),
);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows as run;

    #[test]
    fn net_change_over_path() {
        // Changes +2, -1, +3: over two changes, |1| / 3, then |2| / 4; a flat window is 1.
        let rows: Vec<[f64; 1]> = [0.0, 2.0, 1.0, 4.0, 4.0, 4.0]
            .iter()
            .map(|&v| [v])
            .collect();
        let rows: Vec<&[f64]> = rows.iter().map(|r| &r[..]).collect();
        let got = run::<super::Er>("er", &[2.0], &rows);
        assert_eq!(
            got,
            [None, None, Some(1.0 / 3.0), Some(0.5), Some(1.0), Some(1.0)]
        );
    }
}
