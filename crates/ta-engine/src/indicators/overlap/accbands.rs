//! Acceleration bands (Price Headley).

use crate::catalog::{kernel, Fill, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::HIGH_LOW_CLOSE;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::RollingSum;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct AccbandsParams {
        period: usize = period(20, 2),
    }
}

/// Acceleration bands: SMAs of `high·(1 + 4·(h-l)/(h+l))`, of the close, and of
/// `low·(1 - 4·(h-l)/(h+l))`; a bar whose `h + l` is (relatively) zero contributes its plain
/// high and low, as in TA-Lib.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Accbands {
    upper: RollingSum,
    middle: RollingSum,
    lower: RollingSum,
    period: f64,
}

impl Indicator for Accbands {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 3;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: AccbandsParams = params.get();
        Ok(Accbands {
            upper: RollingSum::new(p.period),
            middle: RollingSum::new(p.period),
            lower: RollingSum::new(p.period),
            period: p.period as f64,
        })
    }
    fn lookback(&self) -> usize {
        self.middle.period() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (high, low, close) = (bar[0], bar[1], bar[2]);
        let sum = high + low;
        if sum.abs() <= 1e-14 * (high.abs() + low.abs()) {
            self.upper.push(high);
            self.lower.push(low);
        } else {
            let width = 4.0 * (high - low) / sum;
            self.upper.push(high * (1.0 + width));
            self.lower.push(low * (1.0 - width));
        }
        self.middle.push(close);
        if !self.middle.is_full() {
            return false;
        }
        out[0] = self.upper.sum() / self.period;
        out[1] = self.middle.sum() / self.period;
        out[2] = self.lower.sum() / self.period;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "accbands",
    "ACCBANDS",
    Group::Overlap,
    "Acceleration bands: moving averages of the high and low widened by the bar's relative range",
    HIGH_LOW_CLOSE,
    AccbandsParams::SPECS,
    &[
        OutputSpec::new("upper", "upperband", Pane::Price, Style::Band),
        OutputSpec::new("middle", "middleband", Pane::Price, Style::Line),
        OutputSpec::new("lower", "lowerband", Pane::Price, Style::Band),
    ],
    kernel::<Accbands>(),
)
.with_fills(&[Fill {
    upper: "upper",
    lower: "lower",
}]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::find;

    #[test]
    fn bands_widen_by_the_relative_range() {
        let spec = find("accbands").unwrap();
        let mut a = Accbands::from_params(&spec.params(&[2.0]).unwrap()).unwrap();
        let mut out = [0.0; 3];
        // h = 3, l = 1: width 4·2/4 = 2, so 3·3 = 9 and 1·(-1) = -1.
        assert!(!a.step(&[3.0, 1.0, 2.0], &mut out));
        assert!(a.step(&[3.0, 1.0, 4.0], &mut out));
        assert_eq!(out, [9.0, 3.0, -1.0]);
        assert_eq!(a.lookback(), 1);
    }
}
