//! Normalised average true range.

use super::wilder_atr::WilderAtr;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW_CLOSE, OWN_LINE, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct NatrParams {
        period: usize = period(14, 1),
    }
}

/// Normalised ATR: ATR / close × 100 (0 when the close is exactly 0). As in TA-Lib, period 1
/// returns the ATR itself, not normalised.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Natr(WilderAtr);

impl Indicator for Natr {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: NatrParams = params.get();
        Ok(Natr(WilderAtr::new(p.period)))
    }
    fn lookback(&self) -> usize {
        self.0.period
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let close = bar[2];
        let Some(atr) = self.0.update(bar[0], bar[1], close) else {
            return false;
        };
        out[0] = if self.0.period == 1 {
            atr
        } else if close == 0.0 {
            0.0
        } else {
            atr / close * 100.0
        };
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "natr",
    "NATR",
    Group::Volatility,
    "Normalized average true range: ATR as a percentage of the close",
    HIGH_LOW_CLOSE,
    NatrParams::SPECS,
    OWN_LINE,
    kernel::<Natr>(),
)
.with_flags(UNSTABLE);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows as run;

    #[test]
    fn natr_is_zero_on_a_zero_close() {
        let rows: [&[f64]; 3] = [&[1.0, 0.0, 0.5], &[1.0, 0.0, 0.5], &[1.0, 0.0, 0.0]];
        assert_eq!(
            run::<Natr>("natr", &[2.0], &rows),
            vec![None, None, Some(0.0)]
        );
    }
}
