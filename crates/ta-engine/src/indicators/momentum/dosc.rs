//! Derivative oscillator (TA-Lib 0.8.3).

use super::wilder_rsi::WilderRsi;
use crate::catalog::deviations::FLAGGED_UNSTABLE;
use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::{REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::average::Smoother;
use crate::primitives::beta_ema::BetaEma;
use crate::primitives::Ring;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct DoscParams {
        period: usize = int("timeperiod", 14, 2, "period of the RSI"),
        first_period: usize = int("firstperiod", 5, 2,
            "period of the first EMA smoothing, applied to the RSI"),
        second_period: usize = int("secondperiod", 3, 2,
            "period of the second EMA smoothing, applied to the first"),
        signal_period: usize = int("signalperiod", 9, 2,
            "period of the simple average subtracted from the double-smoothed RSI"),
    }
}

/// Derivative oscillator (Constance Brown): the RSI smoothed by two EMAs, less its simple
/// average.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Dosc {
    rsi: WilderRsi,
    first: BetaEma,
    second: BetaEma,
    signal: Ring,
    sum: f64,
}

impl Indicator for Dosc {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: DoscParams = params.get();
        Ok(Dosc {
            rsi: WilderRsi::new(p.period),
            first: BetaEma::new(p.first_period),
            second: BetaEma::new(p.second_period),
            signal: Ring::new(p.signal_period),
            sum: 0.0,
        })
    }
    fn lookback(&self) -> usize {
        self.rsi.lookback()
            + self.first.lookback()
            + self.second.lookback()
            + (self.signal.capacity() - 1)
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let Some(rsi) = self.rsi.update(bar[0]) else {
            return false;
        };
        let Some(first) = self.first.update(rsi) else {
            return false;
        };
        let Some(smoothed) = self.second.update(first) else {
            return false;
        };
        self.signal.push(smoothed);
        // TA-Lib adds the arrival, reads the sum, then takes out the value leaving next.
        self.sum += smoothed;
        if !self.signal.is_full() {
            return false;
        }
        out[0] = smoothed - self.sum / self.signal.capacity() as f64;
        self.sum -= self.signal.oldest();
        true
    }
}

const OUTPUTS: &[OutputSpec] = &[OutputSpec::new(
    "value",
    "real",
    Pane::Own,
    Style::Histogram,
)];

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "dosc",
    "DOSC",
    Group::Momentum,
    "Derivative oscillator: the RSI smoothed by two EMAs, less its simple moving average",
    REAL,
    DoscParams::SPECS,
    OUTPUTS,
    kernel::<Dosc>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[FLAGGED_UNSTABLE]);

#[cfg(test)]
mod tests {
    #[test]
    fn a_steady_rise_is_flat_at_zero() {
        let spec = crate::catalog::find("dosc").unwrap();
        let params = [2.0, 2.0, 2.0, 2.0];
        let x: Vec<f64> = (0..20).map(f64::from).collect();
        let batch = spec.run(&params, &[&x], None).unwrap();
        let lookback = spec.lookback(&params).unwrap();
        assert_eq!(lookback, 2 + 1 + 1 + 1);
        // The RSI of a steady rise is 100 throughout: every stage is flat, DOSC is 0.
        assert!(batch.outputs[0][lookback..].iter().all(|v| *v == 0.0));
    }
}
