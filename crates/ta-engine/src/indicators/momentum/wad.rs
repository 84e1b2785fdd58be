//! Williams' accumulation/distribution.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{CUMULATIVE, HIGH_LOW_CLOSE, OWN_LINE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// Williams' accumulation/distribution (no volume): the close measured from the true-range
/// extreme on the far side of the move, accumulated; 0 on the first bar.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Wad {
    prev_close: Option<f64>,
    sum: f64,
}

impl Indicator for Wad {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    fn from_params(_: &Params) -> Result<Self, TaError> {
        Ok(Wad {
            prev_close: None,
            sum: 0.0,
        })
    }
    fn lookback(&self) -> usize {
        0
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (high, low, close) = (bar[0], bar[1], bar[2]);
        let prev = self.prev_close.replace(close).unwrap_or(close);
        if close > prev {
            let true_low = if prev < low { prev } else { low };
            self.sum += close - true_low;
        } else if close < prev {
            let true_high = if prev > high { prev } else { high };
            self.sum += close - true_high;
        }
        out[0] = self.sum;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "wad",
    "WAD",
    Group::Momentum,
    "Williams' accumulation/distribution: running total of the close's distance from the true-range extreme",
    HIGH_LOW_CLOSE,
    &[],
    OWN_LINE,
    kernel::<Wad>(),
)
.with_flags(CUMULATIVE);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows as run;

    #[test]
    fn accumulates_from_the_true_extremes() {
        // Up close 12 above a previous close 10 inside the bar's low 11: 12 - 10 = 2; then a
        // down close 9 with the high 13 above the previous 12: 9 - 13 = -4; unchanged adds 0.
        let rows: [&[f64]; 4] = [
            &[11.0, 9.0, 10.0],
            &[13.0, 11.0, 12.0],
            &[13.0, 8.0, 9.0],
            &[10.0, 8.0, 9.0],
        ];
        assert_eq!(
            run::<super::Wad>("wad", &[], &rows),
            [Some(0.0), Some(2.0), Some(-2.0), Some(-2.0)]
        );
    }
}
