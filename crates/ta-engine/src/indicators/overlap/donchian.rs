//! Donchian channel.

use crate::catalog::{kernel, Fill, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::HIGH_LOW;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::{Highest, Lowest};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct DonchianParams {
        period: usize = period(20, 2),
    }
}

/// Donchian channel: the window's highest high, their midpoint, and its lowest low.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Donchian {
    highest: Highest,
    lowest: Lowest,
}

impl Indicator for Donchian {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 3;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: DonchianParams = params.get();
        Ok(Donchian {
            highest: Highest::new(p.period),
            lowest: Lowest::new(p.period),
        })
    }
    fn lookback(&self) -> usize {
        self.highest.period() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        self.highest.push(bar[0]);
        if !self.lowest.push(bar[1]) {
            return false;
        }
        let (upper, lower) = (self.highest.value(), self.lowest.value());
        out[0] = upper;
        out[1] = (upper + lower) / 2.0;
        out[2] = lower;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "donchian",
    "DONCHIAN",
    Group::Overlap,
    "Donchian channel: highest high, lowest low and their midpoint over the period",
    HIGH_LOW,
    DonchianParams::SPECS,
    &[
        OutputSpec::new("upper", "upperband", Pane::Price, Style::Band),
        OutputSpec::new("middle", "middleband", Pane::Price, Style::Line),
        OutputSpec::new("lower", "lowerband", Pane::Price, Style::Band),
    ],
    kernel::<Donchian>(),
)
.with_fills(&[Fill {
    upper: "upper",
    lower: "lower",
}]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::find;

    #[test]
    fn channel_of_the_last_two_bars() {
        let spec = find("donchian").unwrap();
        let mut d = Donchian::from_params(&spec.params(&[2.0]).unwrap()).unwrap();
        let mut out = [0.0; 3];
        assert!(!d.step(&[10.0, 8.0], &mut out));
        assert!(d.step(&[12.0, 9.0], &mut out));
        assert_eq!(out, [12.0, 10.0, 8.0]);
        assert!(d.step(&[11.0, 10.0], &mut out));
        assert_eq!(out, [12.0, 10.5, 9.0]);
        assert_eq!(d.lookback(), 1);
    }
}
