//! Price-volume trend.

use crate::catalog::{kernel, Group, IndicatorSpec, Input};
use crate::indicators::{CUMULATIVE, OWN_LINE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// Price-volume trend: the running total of volume × the close's relative change (a bar
/// after a zero close adds nothing).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Pvt {
    prev_close: Option<f64>,
    total: f64,
}

impl Indicator for Pvt {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 1;
    fn from_params(_: &Params) -> Result<Self, TaError> {
        Ok(Pvt {
            prev_close: None,
            total: 0.0,
        })
    }
    fn lookback(&self) -> usize {
        0
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (close, volume) = (bar[0], bar[1]);
        // TA-Lib's first bar compares the close with itself.
        let prev = self.prev_close.unwrap_or(close);
        if prev != 0.0 {
            self.total += (close - prev) / prev * volume;
        }
        self.prev_close = Some(close);
        out[0] = self.total;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "pvt",
    "PVT",
    Group::Volume,
    "Price-volume trend: running total of volume times the close's relative change",
    &[Input::Close, Input::Volume],
    &[],
    OWN_LINE,
    kernel::<Pvt>(),
)
.with_flags(CUMULATIVE);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows;

    #[test]
    fn adds_volume_times_relative_change() {
        let rows: [&[f64]; 3] = [&[10.0, 100.0], &[11.0, 50.0], &[0.0, 10.0]];
        let out = run_rows::<super::Pvt>("pvt", &[], &rows);
        assert_eq!(out[..2], [Some(0.0), Some(5.0)]);
        assert!((out[2].unwrap() - -5.0).abs() < 1e-12);
    }
}
