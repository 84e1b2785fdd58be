//! True strength index.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::average::{Ema, Smoother};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct TsiParams {
        first_period: usize = int("firstperiod", 25, 2, "bars in the first EMA of the momentum"),
        second_period: usize = int("secondperiod", 13, 2, "bars in the second EMA of the momentum"),
    }
}

/// True strength index: the one-bar momentum and its magnitude, each smoothed by two EMAs,
/// divided (0 when the smoothed magnitude is 0).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Tsi {
    prev: Option<f64>,
    first_num: Ema,
    first_den: Ema,
    second_num: Ema,
    second_den: Ema,
}

impl Indicator for Tsi {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: TsiParams = params.get();
        Ok(Tsi {
            prev: None,
            first_num: Ema::new(p.first_period),
            first_den: Ema::new(p.first_period),
            second_num: Ema::new(p.second_period),
            second_den: Ema::new(p.second_period),
        })
    }
    fn lookback(&self) -> usize {
        1 + self.first_num.lookback() + self.second_num.lookback()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let x = bar[0];
        let Some(prev) = self.prev.replace(x) else {
            return false;
        };
        let momentum = x - prev;
        let num = self.first_num.update(momentum);
        let den = self.first_den.update(momentum.abs());
        let (Some(num), Some(den)) = (num, den) else {
            return false;
        };
        let num = self.second_num.update(num);
        let den = self.second_den.update(den);
        let (Some(num), Some(den)) = (num, den) else {
            return false;
        };
        out[0] = if den > 0.0 { 100.0 * num / den } else { 0.0 };
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "tsi",
    "TSI",
    Group::Momentum,
    "True strength index: double-smoothed momentum over double-smoothed absolute momentum, in percent",
    REAL,
    TsiParams::SPECS,
    OWN_LINE,
    kernel::<Tsi>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[crate::catalog::deviations::FLAGGED_UNSTABLE])
.with_levels(&[-25.0, 25.0]);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows as run;

    #[test]
    fn steady_moves_are_plus_or_minus_100() {
        let up: Vec<[f64; 1]> = (0..8).map(|i| [i as f64]).collect();
        let rows: Vec<&[f64]> = up.iter().map(|r| &r[..]).collect();
        let got = run::<super::Tsi>("tsi", &[2.0, 3.0], &rows);
        assert_eq!(got[..4], [None; 4]);
        assert!(got[4..].iter().all(|v| *v == Some(100.0)));
        let flat = [[5.0]; 8];
        let rows: Vec<&[f64]> = flat.iter().map(|r| &r[..]).collect();
        assert!(run::<super::Tsi>("tsi", &[2.0, 3.0], &rows)[4..]
            .iter()
            .all(|v| *v == Some(0.0)));
    }
}
