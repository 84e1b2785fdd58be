//! Accelerator/decelerator oscillator.

use super::ao::{MedianSpread, HISTOGRAM};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::HIGH_LOW;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::average::{Sma, Smoother};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct AcParams {
        fast_period: usize = int("fastperiod", 5, 2, super::FAST_PERIOD_DOC),
        slow_period: usize = int("slowperiod", 34, 2, super::SLOW_PERIOD_DOC),
        signal_period: usize = int("signalperiod", 5, 2, super::SIGNAL_PERIOD_DOC),
    }
}

/// Accelerator oscillator: the awesome oscillator minus its simple moving average.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Ac {
    ao: MedianSpread,
    signal: Sma,
}

impl Indicator for Ac {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: AcParams = params.get();
        Ok(Ac {
            ao: MedianSpread::new(p.fast_period, p.slow_period),
            signal: Sma::new(p.signal_period),
        })
    }
    fn lookback(&self) -> usize {
        self.ao.lookback() + self.signal.lookback()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let Some(osc) = self.ao.update(bar[0], bar[1]) else {
            return false;
        };
        let Some(average) = self.signal.update(osc) else {
            return false;
        };
        out[0] = osc - average;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "ac",
    "AC",
    Group::Momentum,
    "Accelerator oscillator: the awesome oscillator minus its simple moving average",
    HIGH_LOW,
    AcParams::SPECS,
    HISTOGRAM,
    kernel::<Ac>(),
);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows as run;

    #[test]
    fn oscillator_minus_its_average() {
        // Medians 1, 2, 4, 8: AO(2, 3) = 3 - 7/3 at bar 2 and 6 - 14/3 at bar 3; its 2-bar
        // average at bar 3 is 1, so AC = 4/3 - 1.
        let rows: Vec<[f64; 2]> = [1.0, 2.0, 4.0, 8.0].iter().map(|&m| [m, m]).collect();
        let rows: Vec<&[f64]> = rows.iter().map(|r| &r[..]).collect();
        let got = run::<super::Ac>("ac", &[2.0, 3.0, 2.0], &rows);
        assert_eq!(got[..3], [None, None, None]);
        assert!((got[3].unwrap() - 1.0 / 3.0).abs() < 1e-12);
    }
}
