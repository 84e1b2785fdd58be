//! On-balance volume.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{CUMULATIVE, OWN_LINE, REAL_VOLUME};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// On-balance volume: starts at the first bar's volume, then adds the volume of up closes and
/// subtracts that of down closes.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Obv {
    started: bool,
    prev: f64,
    obv: f64,
}

impl Indicator for Obv {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 1;
    fn from_params(_: &Params) -> Result<Self, TaError> {
        Ok(Obv {
            started: false,
            prev: 0.0,
            obv: 0.0,
        })
    }
    fn lookback(&self) -> usize {
        0
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (price, volume) = (bar[0], bar[1]);
        if !self.started {
            self.started = true;
            self.obv = volume;
        } else if price > self.prev {
            self.obv += volume;
        } else if price < self.prev {
            self.obv -= volume;
        }
        self.prev = price;
        out[0] = self.obv;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "obv",
    "OBV",
    Group::Volume,
    "On-balance volume: running total of volume signed by the close's direction",
    REAL_VOLUME,
    &[],
    OWN_LINE,
    kernel::<Obv>(),
)
.with_flags(CUMULATIVE);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows as run;

    #[test]
    fn obv_on_four_bars() {
        // (close, volume): starts at the first volume, up adds, unchanged keeps, down subtracts.
        let rows: [&[f64]; 4] = [
            &[10.0, 100.0],
            &[11.0, 200.0],
            &[11.0, 300.0],
            &[9.0, 400.0],
        ];
        assert_eq!(
            run::<Obv>("obv", &[], &rows),
            vec![Some(100.0), Some(300.0), Some(300.0), Some(-100.0)]
        );
    }
}
