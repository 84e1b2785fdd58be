//! +DM and -DM, one state machine for both.

use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::{directional_movement, wilder_sum, PrevBar};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct DirectionalMovementParams {
        period: usize = period(14, 1),
    }
}

/// +DM or -DM: the raw one-bar movement for period 1, otherwise TA-Lib's Wilder sum (the plain
/// sum of bars `1..period` first shows on bar `period - 1`).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "DirectionalMovementFields")]
pub struct DirectionalMovement<const PLUS: bool> {
    period: usize,
    bars: usize,
    prev: PrevBar,
    sum: f64,
}

/// Directional movement as a snapshot holds it, before its period is checked.
#[derive(serde::Deserialize)]
struct DirectionalMovementFields {
    period: usize,
    bars: usize,
    prev: PrevBar,
    sum: f64,
}

impl<const PLUS: bool> TryFrom<DirectionalMovementFields> for DirectionalMovement<PLUS> {
    type Error = String;

    fn try_from(f: DirectionalMovementFields) -> Result<Self, String> {
        // The parameters' smallest period is 1 (the lookback takes 1 from it).
        if f.period == 0 {
            return Err(crate::execution::checks::inconsistent(
                "directional movement",
            ));
        }
        Ok(DirectionalMovement {
            period: f.period,
            bars: f.bars,
            prev: f.prev,
            sum: f.sum,
        })
    }
}

impl<const PLUS: bool> Indicator for DirectionalMovement<PLUS> {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: DirectionalMovementParams = params.get();
        Ok(DirectionalMovement {
            period: p.period,
            bars: 0,
            prev: PrevBar::new(),
            sum: 0.0,
        })
    }
    fn lookback(&self) -> usize {
        (self.period - 1).max(1)
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (high, low) = (bar[0], bar[1]);
        let index = self.bars;
        self.bars += 1;
        let Some((prev_high, prev_low, _)) = self.prev.swap(high, low, 0.0) else {
            return false;
        };
        let (plus, minus) = directional_movement(prev_high, prev_low, high, low);
        let dm = if PLUS { plus } else { minus };
        let n = self.period;
        if n == 1 {
            self.sum = dm;
        } else if index < n {
            self.sum += dm;
        } else {
            self.sum = wilder_sum(self.sum, n as f64, dm);
        }
        if index < self.lookback() {
            return false;
        }
        out[0] = self.sum;
        true
    }
}
#[cfg(test)]
mod tests {
    use crate::indicators::directional::{MinusDm, PlusDm};
    use crate::indicators::run_rows as run;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * b.abs().max(1.0)
    }

    const HIGHS: [f64; 5] = [10.0, 11.0, 13.0, 12.0, 14.0];
    const LOWS: [f64; 5] = [8.0, 9.0, 10.0, 9.0, 12.0];

    #[test]
    fn dm_sums_then_wilder_smooths() {
        // +DM1: 1, 2, 0, 2; -DM1: 0, 0, 1, 0.
        let rows: Vec<[f64; 2]> = HIGHS.iter().zip(LOWS).map(|(&h, l)| [h, l]).collect();
        let rows: Vec<&[f64]> = rows.iter().map(|r| &r[..]).collect();
        let plus = run::<PlusDm>("plus_dm", &[3.0], &rows);
        assert_eq!(&plus[..3], &[None, None, Some(3.0)]);
        assert_eq!(plus[3], Some(2.0));
        assert!(close(plus[4].unwrap(), 2.0 - 2.0 / 3.0 + 2.0));
        let minus = run::<MinusDm>("minus_dm", &[3.0], &rows);
        assert_eq!(&minus[2..4], &[Some(0.0), Some(1.0)]);
        assert!(close(minus[4].unwrap(), 1.0 - 1.0 / 3.0));
        // Period 1 is the raw movement from the second bar on.
        assert_eq!(
            run::<PlusDm>("plus_dm", &[1.0], &rows),
            vec![None, Some(1.0), Some(2.0), Some(0.0), Some(2.0)]
        );
    }
}
