//! Williams fractals.

use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::HIGH_LOW;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::Ring;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct FractalParams {
        left_bars: usize = int("leftbars", 2, 1, "bars before the pivot it must exceed"),
        right_bars: usize = int("rightbars", 2, 1, "bars after the pivot it must exceed"),
    }
}

/// Williams fractals, reported on the bar that confirms them (no look-ahead, as TA-Lib 0.8):
/// 100 when the bar `right_bars` ago has a high strictly above (a low strictly below) every
/// other bar of the `left_bars + 1 + right_bars` window, else 0.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "FractalFields")]
pub struct Fractal {
    highs: Ring,
    lows: Ring,
    right: usize,
}

/// Fractals as a snapshot holds them, before the pivot is checked against the windows.
#[derive(serde::Deserialize)]
struct FractalFields {
    highs: Ring,
    lows: Ring,
    right: usize,
}

impl TryFrom<FractalFields> for Fractal {
    type Error = String;

    fn try_from(f: FractalFields) -> Result<Self, String> {
        // Highs and lows arrive together; the pivot has at least one bar on either side.
        let window = f.highs.capacity();
        if f.lows.capacity() != window
            || f.lows.len() != f.highs.len()
            || f.right == 0
            || f.right >= window - 1
        {
            return Err(crate::execution::checks::outside("fractal"));
        }
        Ok(Fractal {
            highs: f.highs,
            lows: f.lows,
            right: f.right,
        })
    }
}

impl Indicator for Fractal {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 2;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: FractalParams = params.get();
        let window = p.left_bars + p.right_bars + 1;
        Ok(Fractal {
            highs: Ring::new(window),
            lows: Ring::new(window),
            right: p.right_bars,
        })
    }
    fn lookback(&self) -> usize {
        self.highs.capacity() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        self.highs.push(bar[0]);
        self.lows.push(bar[1]);
        if !self.highs.is_full() {
            return false;
        }
        let pivot = self.highs.len() - 1 - self.right;
        // The rest of the window's extremes, seeded by its oldest bar (never the pivot).
        let (mut other_high, mut other_low) = (self.highs.get(0), self.lows.get(0));
        for i in (1..self.highs.len()).filter(|&i| i != pivot) {
            let (h, l) = (self.highs.get(i), self.lows.get(i));
            if h > other_high {
                other_high = h;
            }
            if l < other_low {
                other_low = l;
            }
        }
        out[0] = if self.highs.get(pivot) > other_high {
            100.0
        } else {
            0.0
        };
        out[1] = if self.lows.get(pivot) < other_low {
            100.0
        } else {
            0.0
        };
        true
    }
}

const OUTPUTS: &[OutputSpec] = &[
    OutputSpec::new("swing_high", "swinghigh", Pane::Price, Style::Dots).integer(),
    OutputSpec::new("swing_low", "swinglow", Pane::Price, Style::Dots).integer(),
];

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "fractal",
    "FRACTAL",
    Group::Momentum,
    "Williams fractals: 100 on the bar confirming a swing high (low) right_bars ago, else 0",
    HIGH_LOW,
    FractalParams::SPECS,
    OUTPUTS,
    kernel::<Fractal>(),
);

#[cfg(test)]
mod tests {
    use crate::catalog::find;

    #[test]
    fn pivots_are_confirmed_right_bars_later() {
        let high = [1.0, 2.0, 5.0, 2.0, 1.0, 5.0, 3.0];
        let low = [4.0, 3.0, 2.0, 3.0, 4.0, 2.0, 3.0];
        let out = find("fractal")
            .unwrap()
            .run(&[2.0, 2.0], &[&high, &low], None)
            .unwrap();
        // Bar 2 is a swing high and low, reported on bar 4; bar 5 ties bar 2's high and low
        // within bar 7's window, which is not there yet.
        assert_eq!(out.validity, crate::Validity::Prefix(4));
        assert_eq!(out.outputs[0][4..], [100.0, 0.0, 0.0]);
        assert_eq!(out.outputs[1][4..], [100.0, 0.0, 0.0]);
    }
}
