//! Keltner channels.

use crate::catalog::deviations::FLAGGED_UNSTABLE;
use crate::catalog::{kernel, Fill, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::volatility::WilderAtr;
use crate::indicators::{HIGH_LOW_CLOSE, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::average::{Aligned, Ema};
use crate::primitives::typical_price;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct KcParams {
        period: usize = period(20, 2),
        atr_period: usize = int("atrperiod", 10, 1, "bars in the average true range"),
        nbdev: f64 = float("nbdev", 2.0, -3e37, 3e37, "average true ranges from the middle line"),
    }
}

/// Keltner channels: the EMA of the typical price ± `nbdev` × ATR. As in TA-Lib, both start
/// so that their first values land on the later of the two lookbacks (the other one skips
/// the bars before).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Kc {
    middle: Aligned<Ema>,
    /// Bars the ATR skips before its first.
    atr_skip: usize,
    atr: WilderAtr,
    nbdev: f64,
    lookback: usize,
}

impl Indicator for Kc {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 3;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: KcParams = params.get();
        let lookback = (p.period - 1).max(p.atr_period);
        Ok(Kc {
            middle: Aligned::new(Ema::new(p.period), lookback),
            atr_skip: lookback - p.atr_period,
            atr: WilderAtr::new(p.atr_period),
            nbdev: p.nbdev,
            lookback,
        })
    }
    fn lookback(&self) -> usize {
        self.lookback
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (high, low, close) = (bar[0], bar[1], bar[2]);
        let middle = self.middle.update(typical_price(high, low, close));
        let atr = if self.atr_skip > 0 {
            self.atr_skip -= 1;
            None
        } else {
            self.atr.update(high, low, close)
        };
        let (Some(middle), Some(atr)) = (middle, atr) else {
            return false;
        };
        let width = atr * self.nbdev;
        out[0] = middle + width;
        out[1] = middle;
        out[2] = middle - width;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "kc",
    "KC",
    Group::Overlap,
    "Keltner channels: exponential average of the typical price ± multiples of the ATR",
    HIGH_LOW_CLOSE,
    KcParams::SPECS,
    &[
        OutputSpec::new("upper", "upperband", Pane::Price, Style::Band),
        OutputSpec::new("middle", "middleband", Pane::Price, Style::Line),
        OutputSpec::new("lower", "lowerband", Pane::Price, Style::Band),
    ],
    kernel::<Kc>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[FLAGGED_UNSTABLE])
.with_fills(&[Fill {
    upper: "upper",
    lower: "lower",
}]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::find;

    #[test]
    fn the_later_lookback_sets_the_start() {
        let spec = find("kc").unwrap();
        let kc = |v: &[f64]| Kc::from_params(&spec.params(v).unwrap()).unwrap();
        assert_eq!(kc(&[20.0, 10.0, 2.0]).lookback(), 19);
        assert_eq!(kc(&[5.0, 10.0, 2.0]).lookback(), 10);
        let mut k = kc(&[2.0, 1.0, 2.0]);
        let mut out = [0.0; 3];
        assert!(!k.step(&[12.0, 8.0, 10.0], &mut out));
        // Typical prices 10 and 11 seed the EMA at 10.5; true range 3, so ± 6.
        assert!(k.step(&[13.0, 10.0, 10.0], &mut out));
        assert_eq!(out, [16.5, 10.5, 4.5]);
    }
}
