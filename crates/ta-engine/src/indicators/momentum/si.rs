//! Wilder's swing index (TA-Lib 0.8.3).

use super::swing_index::SwingIndex;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OPEN_HIGH_LOW_CLOSE, OWN_LINE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

pub(super) const LIMIT_MOVE_DOC: &str =
    "largest one-bar price move the index is scaled against, in price units";

typed_params! {
    /// Parameters, in catalog order.
    pub struct SiParams {
        limit_move: f64 = float("limitmove", 3.0, 1e-8, 3e37, LIMIT_MOVE_DOC),
    }
}

/// Wilder's swing index of each bar against the previous one.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Si(SwingIndex);

impl Indicator for Si {
    const INPUTS: usize = 4;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: SiParams = params.get();
        Ok(Si(SwingIndex::new(p.limit_move)))
    }
    fn lookback(&self) -> usize {
        1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        match self.0.update(bar[0], bar[1], bar[2], bar[3]) {
            Some(v) => {
                out[0] = v;
                true
            }
            None => false,
        }
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "si",
    "SI",
    Group::Momentum,
    "Wilder's swing index: the bar's move against the previous close, scaled by the limit move",
    OPEN_HIGH_LOW_CLOSE,
    SiParams::SPECS,
    OWN_LINE,
    kernel::<Si>(),
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows;

    #[test]
    fn swing_of_a_bar() {
        // Previous close 10 (body 1); bar 10.5 -> 12 / 10 -> 11.5, limit move 3.
        // n = 1.5 + 0.5 + 0.25 = 2.25; up 2, down 0, range 2: k = 2,
        // r = max(2 - 0, 0 - 1, 2) + 0.25 = 2.25; SI = 50 · 1 · 2/3.
        let got = run_rows::<Si>(
            "si",
            &[3.0],
            &[&[9.0, 10.0, 9.0, 10.0], &[10.5, 12.0, 10.0, 11.5]],
        );
        assert_eq!(got[0], None);
        assert!((got[1].unwrap() - 100.0 / 3.0).abs() < 1e-12);
    }
}
