//! Chande Kroll stop.

use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::volatility::WilderAtr;
use crate::indicators::{HIGH_LOW_CLOSE, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::{Highest, Lowest};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct CkspParams {
        period: usize = int("timeperiod", 10, 2, "bars of the ATR and of the first extremes"),
        multiplier: f64 = float("multiplier", 1.0, 0.0, 3e37, "ATR multiple"),
        stop_period: usize = int("stopperiod", 9, 1, "bars of the stop window"),
    }
}

/// Chande Kroll stop, TA-Lib 0.8.3's CKSP: first stops highest high − x·ATR and lowest low +
/// x·ATR over `period` bars (ATR as TA-Lib's ATR), then the highest first high stop and lowest
/// first low stop over `stop_period` bars.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Cksp {
    atr: WilderAtr,
    highs: Highest,
    lows: Lowest,
    high_stops: Highest,
    low_stops: Lowest,
    multiplier: f64,
    lookback: usize,
}

impl Indicator for Cksp {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 2;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: CkspParams = params.get();
        Ok(Cksp {
            atr: WilderAtr::new(p.period),
            highs: Highest::new(p.period),
            lows: Lowest::new(p.period),
            high_stops: Highest::new(p.stop_period),
            low_stops: Lowest::new(p.stop_period),
            multiplier: p.multiplier,
            lookback: p.period + p.stop_period - 1,
        })
    }
    fn lookback(&self) -> usize {
        self.lookback
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (high, low, close) = (bar[0], bar[1], bar[2]);
        self.highs.push(high);
        self.lows.push(low);
        let Some(atr) = self.atr.update(high, low, close) else {
            return false;
        };
        // The multiple on its own, never fused into the offset.
        let band = self.multiplier * atr;
        self.high_stops.push(self.highs.value() - band);
        if !self.low_stops.push(self.lows.value() + band) {
            return false;
        }
        out[0] = self.high_stops.value();
        out[1] = self.low_stops.value();
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "cksp",
    "CKSP",
    Group::Overlap,
    "Chande Kroll stop: highest ATR-offset high stop and lowest low stop over the stop window",
    HIGH_LOW_CLOSE,
    CkspParams::SPECS,
    &[
        OutputSpec::new("high_stop", "highstop", Pane::Price, Style::Line),
        OutputSpec::new("low_stop", "lowstop", Pane::Price, Style::Line),
    ],
    kernel::<Cksp>(),
)
.with_flags(UNSTABLE);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_by_hand() {
        let spec = crate::catalog::find("cksp").unwrap();
        let mut k = Cksp::from_params(&spec.params(&[2.0, 1.0, 1.0]).unwrap()).unwrap();
        let mut out = [0.0; 2];
        assert!(!k.step(&[10.0, 8.0, 9.0], &mut out));
        assert!(!k.step(&[12.0, 9.0, 11.0], &mut out)); // TR 3
        assert!(k.step(&[11.0, 10.0, 10.5], &mut out)); // TR 1: ATR 2
        assert_eq!(out, [12.0 - 2.0, 9.0 + 2.0]);
        assert_eq!(k.lookback(), 2);
    }
}
