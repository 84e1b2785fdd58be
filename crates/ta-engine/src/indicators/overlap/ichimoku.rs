//! Ichimoku Kinko Hyo.

use super::midpoint::MidRange;
use crate::catalog::{kernel, Fill, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::HIGH_LOW;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct IchimokuParams {
        tenkan_period: usize = int("tenkanperiod", 9, 2, "bars of the conversion line"),
        kijun_period: usize = int("kijunperiod", 26, 2, "bars of the base line (and the spans' display shift)"),
        senkou_b_period: usize = int("senkoubperiod", 52, 2, "bars of the second leading span"),
    }
}

/// Ichimoku Kinko Hyo as TA-Lib 0.8.3 computes it: the tenkan and kijun lines are the
/// midpoints of the highest high and lowest low over their periods, span A is their mean and
/// span B the midpoint over `senkou_b_period`. Every value is computed from bars up to its own
/// row (TA-Lib 0.8.3 shifts nothing either, and has no lagging chikou span); a chart draws the
/// spans `kijun_period` bars ahead.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Ichimoku {
    tenkan: MidRange,
    kijun: MidRange,
    senkou_b: MidRange,
    lookback: usize,
}

impl Indicator for Ichimoku {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 4;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: IchimokuParams = params.get();
        let longest = p.tenkan_period.max(p.kijun_period).max(p.senkou_b_period);
        Ok(Ichimoku {
            tenkan: MidRange::new(p.tenkan_period),
            kijun: MidRange::new(p.kijun_period),
            senkou_b: MidRange::new(p.senkou_b_period),
            lookback: longest - 1,
        })
    }
    fn lookback(&self) -> usize {
        self.lookback
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (high, low) = (bar[0], bar[1]);
        // Each line fills its own slot; all three are ready once the longest window is full.
        let tenkan = self.tenkan.step(high, low, &mut out[0..1]);
        let kijun = self.kijun.step(high, low, &mut out[1..2]);
        let span_b = self.senkou_b.step(high, low, &mut out[3..4]);
        if !(tenkan && kijun && span_b) {
            return false;
        }
        // The mean of the two rounded midpoints (not (hh + ll + hh + ll) / 4).
        out[2] = (out[0] + out[1]) / 2.0;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "ichimoku",
    "ICHIMOKU",
    Group::Overlap,
    "Ichimoku Kinko Hyo: conversion and base lines and the two leading spans of the cloud",
    HIGH_LOW,
    IchimokuParams::SPECS,
    &[
        OutputSpec::new("tenkan", "tenkansen", Pane::Price, Style::Line),
        OutputSpec::new("kijun", "kijunsen", Pane::Price, Style::Line),
        OutputSpec::new("senkou_a", "senkouspana", Pane::Price, Style::Band).shifted(26),
        OutputSpec::new("senkou_b", "senkouspanb", Pane::Price, Style::Band).shifted(26),
    ],
    kernel::<Ichimoku>(),
)
.with_fills(&[Fill {
    upper: "senkou_a",
    lower: "senkou_b",
}])
.with_deviations(&[
    "The spans' display shift is fixed at 26 bars (the kijunperiod default); TA-Lib 0.8.3's \
     follows kijunperiod. Values are TA-Lib 0.8.3's row for row.",
]);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_by_hand() {
        let spec = crate::catalog::find("ichimoku").unwrap();
        let mut k = Ichimoku::from_params(&spec.params(&[2.0, 3.0, 2.0]).unwrap()).unwrap();
        assert_eq!(k.lookback(), 2);
        let mut out = [0.0; 4];
        assert!(!k.step(&[10.0, 8.0], &mut out));
        assert!(!k.step(&[12.0, 9.0], &mut out));
        assert!(k.step(&[11.0, 10.0], &mut out));
        // tenkan (2): (12 + 9) / 2; kijun (3): (12 + 8) / 2; span B (2) = tenkan.
        assert_eq!(out, [10.5, 10.0, 10.25, 10.5]);
    }
}
