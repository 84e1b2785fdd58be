//! Qstick.

use crate::catalog::{kernel, Group, IndicatorSpec, Input};
use crate::indicators::OWN_LINE;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::average::{Sma, Smoother};
use crate::TaError;

/// Open and close, for the candle-body indicators.
pub(super) const OPEN_CLOSE: &[Input] = &[Input::Open, Input::Close];

typed_params! {
    /// Parameters, in catalog order.
    pub struct QstickParams {
        period: usize = period(10, 1),
    }
}

/// Qstick: the simple moving average of the candle body, close minus open.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Qstick(Sma);

impl Indicator for Qstick {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: QstickParams = params.get();
        Ok(Qstick(Sma::new(p.period)))
    }
    fn lookback(&self) -> usize {
        self.0.lookback()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        match self.0.update(bar[1] - bar[0]) {
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
    "qstick",
    "QSTICK",
    Group::Momentum,
    "Qstick: simple moving average of the candle body (close - open)",
    OPEN_CLOSE,
    QstickParams::SPECS,
    OWN_LINE,
    kernel::<Qstick>(),
);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows as run;

    #[test]
    fn average_body() {
        let rows: [&[f64]; 3] = [&[1.0, 2.0], &[3.0, 2.0], &[2.0, 5.0]];
        assert_eq!(
            run::<super::Qstick>("qstick", &[2.0], &rows),
            [None, Some(0.0), Some(1.0)]
        );
        assert_eq!(
            run::<super::Qstick>("qstick", &[1.0], &rows),
            [Some(1.0), Some(-1.0), Some(3.0)]
        );
    }
}
