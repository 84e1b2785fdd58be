//! Aroon oscillator.

use super::aroon::Aroon;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW, OWN_LINE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct AroonoscParams {
        period: usize = period(14, 2),
    }
}

/// Aroon oscillator: Aroon up - Aroon down, computed as TA-Lib does from the bar distance
/// between the high and the low.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Aroonosc(Aroon);

impl Indicator for Aroonosc {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: AroonoscParams = params.get();
        Ok(Aroonosc(Aroon::new(p.period)))
    }
    fn lookback(&self) -> usize {
        self.0.period
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let a = &mut self.0;
        if !a.push(bar[0], bar[1]) {
            return false;
        }
        // Index of the high minus index of the low.
        let distance = a.lows.age() as f64 - a.highs.age() as f64;
        out[0] = a.factor * distance;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "aroonosc",
    "AROONOSC",
    Group::Momentum,
    "Aroon oscillator: Aroon up - Aroon down",
    HIGH_LOW,
    AroonoscParams::SPECS,
    OWN_LINE,
    kernel::<Aroonosc>(),
);
