//! Chandelier Exit.

use crate::catalog::{kernel, Flag, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::volatility::WilderAtr;
use crate::indicators::HIGH_LOW_CLOSE;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::{Highest, Lowest};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct ChandelierExitParams {
        period: usize = period(22, 1),
        mult: f64 = float("", 3.0, 0.0, 1e6, "distance from the extreme, in ATRs"),
    }
}

/// Chandelier Exit, Chuck LeBeau's definition (as StockCharts documents it): the long exit
/// `highest high(period) − mult · ATR(period)` and the short exit
/// `lowest low(period) + mult · ATR(period)`, with TA-Lib's ATR (Wilder's). The first value
/// comes with the ATR's, on bar `period`.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ChandelierExit {
    mult: f64,
    highest: Highest,
    lowest: Lowest,
    atr: WilderAtr,
}

impl Indicator for ChandelierExit {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 2;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: ChandelierExitParams = params.get();
        Ok(ChandelierExit {
            mult: p.mult,
            highest: Highest::new(p.period),
            lowest: Lowest::new(p.period),
            atr: WilderAtr::new(p.period),
        })
    }
    fn lookback(&self) -> usize {
        self.atr.period
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (high, low) = (bar[0], bar[1]);
        self.highest.push(high);
        self.lowest.push(low);
        let Some(atr) = self.atr.update(high, low, bar[2]) else {
            return false;
        };
        out[0] = self.highest.value() - self.mult * atr;
        out[1] = self.lowest.value() + self.mult * atr;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::laakhay(
    "chandelier_exit",
    Group::Extra,
    "Chandelier Exit: ATR trailing stops from the highest high and the lowest low",
    HIGH_LOW_CLOSE,
    ChandelierExitParams::SPECS,
    &[
        OutputSpec::own("long", Pane::Price, Style::Line),
        OutputSpec::own("short", Pane::Price, Style::Line),
    ],
    kernel::<ChandelierExit>(),
)
.with_details(
    "LeBeau, as StockCharts documents it: long = MAX(high, period) - mult * ATR(period), \
     short = MIN(low, period) + mult * ATR(period), with TA-Lib's MAX, MIN and ATR (Wilder); \
     first value on bar `period`.",
)
.with_flags(&[Flag::UnstablePeriod]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::find;

    #[test]
    fn hangs_from_the_extremes_by_atrs() {
        let spec = find("chandelier_exit").unwrap();
        let mut ce = ChandelierExit::from_params(&spec.params(&[2.0, 2.0]).unwrap()).unwrap();
        let bars = [[10.0, 8.0, 9.0], [12.0, 9.0, 11.0], [11.0, 10.0, 10.5]];
        let mut out = [0.0; 2];
        assert!(!ce.step(&bars[0], &mut out));
        assert!(!ce.step(&bars[1], &mut out));
        assert!(ce.step(&bars[2], &mut out));
        // True ranges 3 and 1: ATR(2) seeds at 2; the last two bars' highest high is 12,
        // their lowest low 9.
        assert_eq!(out, [12.0 - 2.0 * 2.0, 9.0 + 2.0 * 2.0]);
    }
}
