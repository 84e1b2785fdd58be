//! Chande momentum oscillator, unsmoothed.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::Ring;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct CmouParams {
        period: usize = period(14, 2),
    }
}

/// Unsmoothed Chande momentum oscillator: plain window sums of the up and down moves, 0 when
/// both are 0. As in TA-Lib 0.8.1, a window of `period` exactly-zero changes resets both sums
/// (clearing their rounding residue).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Cmou {
    prev: Option<f64>,
    changes: Ring,
    up: f64,
    down: f64,
    zero_run: usize,
}

impl Indicator for Cmou {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: CmouParams = params.get();
        Ok(Cmou {
            prev: None,
            changes: Ring::new(p.period),
            up: 0.0,
            down: 0.0,
            zero_run: 0,
        })
    }
    fn lookback(&self) -> usize {
        self.changes.capacity()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let x = bar[0];
        let Some(prev) = self.prev.replace(x) else {
            return false;
        };
        let diff = x - prev;
        // The oldest change leaves before the newest enters (TA-Lib's order).
        let leaving = self.changes.push(diff);
        if let Some(old) = leaving {
            if old > 0.0 {
                self.up -= old;
            } else if old < 0.0 {
                self.down += old;
            }
        }
        if diff > 0.0 {
            self.up += diff;
            self.zero_run = 0;
        } else if diff < 0.0 {
            self.down -= diff;
            self.zero_run = 0;
        } else {
            self.zero_run += 1;
        }
        if !self.changes.is_full() {
            return false;
        }
        let period = self.changes.capacity();
        // The reset applies once the window slides (not to the first, freshly summed one).
        if leaving.is_some() && self.zero_run >= period {
            self.zero_run = period;
            self.up = 0.0;
            self.down = 0.0;
        }
        let sum = self.up + self.down;
        out[0] = if sum > 0.0 {
            100.0 * (self.up - self.down) / sum
        } else {
            0.0
        };
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "cmou",
    "CMOU",
    Group::Momentum,
    "Unsmoothed Chande momentum oscillator: window sums of up minus down moves over their total, in percent",
    REAL,
    CmouParams::SPECS,
    OWN_LINE,
    kernel::<Cmou>(),
)
.with_levels(&[-50.0, 50.0]);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows as run;

    #[test]
    fn up_and_down_moves() {
        // Changes +1, -3, +2: over two changes (+1, -3) gives -50, then (-3, +2) gives -20.
        let rows: Vec<[f64; 1]> = [1.0, 2.0, -1.0, 1.0, 1.0, 1.0]
            .iter()
            .map(|&v| [v])
            .collect();
        let rows: Vec<&[f64]> = rows.iter().map(|r| &r[..]).collect();
        let got = run::<super::Cmou>("cmou", &[2.0], &rows);
        assert_eq!(
            got,
            [None, None, Some(-50.0), Some(-20.0), Some(100.0), Some(0.0)]
        );
        // 0.1 + 0.2 leaves 5.6e-17 behind once both have left the window: a window of zero
        // changes resets the sums, so it reads 0 rather than 100.
        let rows: Vec<[f64; 1]> = [0.0, 0.1, 0.3, 0.3, 0.3, 0.3]
            .iter()
            .map(|&v| [v])
            .collect();
        let rows: Vec<&[f64]> = rows.iter().map(|r| &r[..]).collect();
        let got = run::<super::Cmou>("cmou", &[2.0], &rows);
        assert_eq!(got[4..], [Some(0.0), Some(0.0)]);
    }
}
