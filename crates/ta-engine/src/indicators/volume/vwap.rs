//! Volume-weighted average price.

use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::{CUMULATIVE, HIGH_LOW_CLOSE_VOLUME};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::typical_price;
use crate::TaError;

/// Volume-weighted average price, TA-Lib's cumulative form: `Σ typical price · volume / Σ
/// volume` from the first bar on (no session reset); 0 until some volume has traded.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Vwap {
    weighted: f64,
    volume: f64,
    vwap: f64,
}

impl Indicator for Vwap {
    const INPUTS: usize = 4;
    const OUTPUTS: usize = 1;
    fn from_params(_: &Params) -> Result<Self, TaError> {
        Ok(Vwap {
            weighted: 0.0,
            volume: 0.0,
            vwap: 0.0,
        })
    }
    fn lookback(&self) -> usize {
        0
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let price = typical_price(bar[0], bar[1], bar[2]);
        let volume = bar[3];
        let weighted = price * volume;
        // Finite inputs can still overflow to an infinite typical price; TA-Lib skips those.
        if price.is_finite() {
            self.weighted += weighted;
            self.volume += volume;
        }
        if self.volume > 0.0 {
            self.vwap = self.weighted / self.volume;
        }
        out[0] = self.vwap;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "vwap",
    "VWAP",
    Group::Volume,
    "Volume-weighted average price of the typical price, accumulated from the first bar",
    HIGH_LOW_CLOSE_VOLUME,
    &[],
    &[OutputSpec::new("value", "real", Pane::Price, Style::Line)],
    kernel::<Vwap>(),
)
.with_flags(CUMULATIVE);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows;

    #[test]
    fn accumulates_from_the_first_bar() {
        let rows: [&[f64]; 3] = [
            &[3.0, 3.0, 3.0, 0.0],
            &[3.0, 3.0, 3.0, 1.0],
            &[6.0, 6.0, 6.0, 2.0],
        ];
        let out = run_rows::<super::Vwap>("vwap", &[], &rows);
        assert_eq!(out, [Some(0.0), Some(3.0), Some(5.0)]);
    }
}
