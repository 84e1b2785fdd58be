//! Arms' ease of movement (TA-Lib 0.8.3).

use crate::catalog::{kernel, Group, IndicatorSpec, Input};
use crate::indicators::OWN_LINE;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::Ring;
use crate::TaError;

const HIGH_LOW_VOLUME: &[Input] = &[Input::High, Input::Low, Input::Volume];

typed_params! {
    /// Parameters, in catalog order.
    pub struct EmvParams {
        period: usize = int("timeperiod", 14, 1,
            "bars in the simple average of the one-bar values (1 = unsmoothed)"),
        volume_divisor: f64 = float("volumedivisor", 10000.0, 1.0, 3e37,
            "volume is divided by this before forming the box ratio"),
    }
}

/// Ease of movement: the move of the bar's midpoint over its box ratio (volume / divisor /
/// range), averaged over `period` bars.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Emv {
    divisor: f64,
    prev_mid: Option<f64>,
    raw: Ring,
    sum: f64,
}

impl Indicator for Emv {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: EmvParams = params.get();
        Ok(Emv {
            divisor: p.volume_divisor,
            prev_mid: None,
            raw: Ring::new(p.period),
            sum: 0.0,
        })
    }
    fn lookback(&self) -> usize {
        self.raw.capacity()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (high, low, volume) = (bar[0], bar[1], bar[2]);
        let mid = (high + low) / 2.0;
        let Some(prev_mid) = self.prev_mid.replace(mid) else {
            return false;
        };
        let range = high - low;
        let mut raw = 0.0;
        // Exact zero tests, as TA-Lib 0.8.3 writes them.
        if range != 0.0 {
            let box_ratio = volume / self.divisor / range;
            if box_ratio != 0.0 {
                raw = (mid - prev_mid) / box_ratio;
            }
        }
        self.raw.push(raw);
        // TA-Lib adds the arrival, reads the sum, then takes out the value leaving next.
        self.sum += raw;
        if !self.raw.is_full() {
            return false;
        }
        out[0] = self.sum / self.raw.capacity() as f64;
        self.sum -= self.raw.oldest();
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "emv",
    "EMV",
    Group::Volume,
    "Ease of movement: the midpoint's move per unit of box ratio (volume over range), averaged",
    HIGH_LOW_VOLUME,
    EmvParams::SPECS,
    OWN_LINE,
    kernel::<Emv>(),
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows;

    #[test]
    fn midpoint_move_per_box_ratio() {
        // Mid 10 -> 11, range 2, volume 20000 / 10000 = 2: box ratio 1, raw 1.
        // Then mid 11 -> 10 on a zero-range bar: raw 0. Period 2 averages to 0.5.
        let rows: [&[f64]; 3] = [
            &[11.0, 9.0, 1.0],
            &[12.0, 10.0, 20000.0],
            &[10.0, 10.0, 5.0],
        ];
        let got = run_rows::<Emv>("emv", &[1.0, 10000.0], &rows);
        assert_eq!(got, [None, Some(1.0), Some(0.0)]);
        let got = run_rows::<Emv>("emv", &[2.0, 10000.0], &rows);
        assert_eq!(got, [None, None, Some(0.5)]);
    }
}
