//! Elder's force index.

use crate::catalog::deviations::FLAGGED_UNSTABLE;
use crate::catalog::{kernel, Group, IndicatorSpec, Input};
use crate::indicators::{OWN_LINE, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::average::{Ema, Smoother};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct EfiParams {
        period: usize = period(13, 1),
    }
}

/// Elder's force index: the EMA (TA-Lib 0.8.1's fused step; period 1 copies) of
/// `(close - previous close) · volume`.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Efi {
    prev_close: Option<f64>,
    ema: Ema,
}

impl Indicator for Efi {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: EfiParams = params.get();
        Ok(Efi {
            prev_close: None,
            ema: Ema::copying_at_one(p.period),
        })
    }
    fn lookback(&self) -> usize {
        1 + self.ema.lookback()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (close, volume) = (bar[0], bar[1]);
        let Some(prev) = self.prev_close.replace(close) else {
            return false;
        };
        match self.ema.update((close - prev) * volume) {
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
    "efi",
    "EFI",
    Group::Volume,
    "Elder's force index: exponential average of price change times volume",
    &[Input::Close, Input::Volume],
    EfiParams::SPECS,
    OWN_LINE,
    kernel::<Efi>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[FLAGGED_UNSTABLE])
.with_levels(&[0.0]);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows;

    #[test]
    fn averages_price_change_times_volume() {
        let rows: [&[f64]; 4] = [&[10.0, 5.0], &[11.0, 2.0], &[10.0, 4.0], &[10.5, 4.0]];
        // Forces 2, -4, 2; period 2 seeds with (2 - 4)/2 = -1, then -1 + (2 + 1)·⅔ = 1.
        let out = run_rows::<super::Efi>("efi", &[2.0], &rows);
        assert_eq!(out[..3], [None, None, Some(-1.0)]);
        assert!((out[3].unwrap() - 1.0).abs() < 1e-12);
        let one = run_rows::<super::Efi>("efi", &[1.0], &rows);
        assert_eq!(one, [None, Some(2.0), Some(-4.0), Some(2.0)]);
    }
}
