//! Ehlers' Fisher transform (TA-Lib 0.8.3).

use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::{HIGH_LOW, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::{is_tiny_against, Highest, Lowest};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct FisherParams {
        period: usize = period(10, 2),
    }
}

/// Fisher transform of the midpoint's position in its channel: the position is smoothed
/// (`0.67·prev + 0.66·(pos - 0.5)`, limited to ±0.999 past ±0.99), transformed
/// (`½·ln((1+v)/(1-v))`) and smoothed again (`+ ½·prev`); the trigger is the previous value.
/// Both recursions start from 0 on the first output bar.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Fisher {
    highs: Highest,
    lows: Lowest,
    smoothed: f64,
    prev_fish: f64,
}

impl Indicator for Fisher {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 2;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: FisherParams = params.get();
        Ok(Fisher {
            highs: Highest::new(p.period),
            lows: Lowest::new(p.period),
            smoothed: 0.0,
            prev_fish: 0.0,
        })
    }
    fn lookback(&self) -> usize {
        self.highs.period() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let price = (bar[0] + bar[1]) / 2.0;
        self.highs.push(price);
        if !self.lows.push(price) {
            return false;
        }
        let (highest, lowest) = (self.highs.value(), self.lows.value());
        let range = highest - lowest;
        let ratio = if is_tiny_against(range, highest.abs() + lowest.abs()) {
            0.5
        } else {
            (price - lowest) / range
        };
        // Fused where TA-Lib 0.8.3 fuses.
        let mut smoothed = 0.67_f64.mul_add(self.smoothed, 0.33 * 2.0 * (ratio - 0.5));
        if smoothed > 0.99 {
            smoothed = 0.999;
        }
        if smoothed < -0.99 {
            smoothed = -0.999;
        }
        self.smoothed = smoothed;
        let fish = 0.5_f64.mul_add(
            ((1.0 + smoothed) / (1.0 - smoothed)).ln(),
            0.5 * self.prev_fish,
        );
        out[0] = fish;
        out[1] = self.prev_fish;
        self.prev_fish = fish;
        true
    }
}

const OUTPUTS: &[OutputSpec] = &[
    OutputSpec::new("fisher", "fisher", Pane::Own, Style::Line),
    OutputSpec::new("trigger", "trigger", Pane::Own, Style::DashedLine),
];

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "fisher",
    "FISHER",
    Group::Momentum,
    "Fisher transform (Ehlers): the smoothed midpoint position in its channel, Fisher-transformed",
    HIGH_LOW,
    FisherParams::SPECS,
    OUTPUTS,
    kernel::<Fisher>(),
)
.with_flags(UNSTABLE);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_values() {
        let spec = crate::catalog::find("fisher").unwrap();
        let mut f = Fisher::from_params(&spec.params(&[2.0]).unwrap()).unwrap();
        let mut out = [0.0; 2];
        assert!(!f.step(&[2.0, 0.0], &mut out));
        // Midpoints 1 then 3: the close of the channel, position 1; smoothed 0.33.
        assert!(f.step(&[4.0, 2.0], &mut out));
        let s: f64 = 0.33 * 2.0 * 0.5;
        assert!((out[0] - 0.5 * ((1.0 + s) / (1.0 - s)).ln()).abs() < 1e-15);
        assert_eq!(out[1], 0.0);
    }
}
