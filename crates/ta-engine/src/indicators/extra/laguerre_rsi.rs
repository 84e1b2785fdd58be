//! Laguerre RSI.

use crate::catalog::{kernel, Flag, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::REAL;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct LaguerreRsiParams {
        gamma: f64 = float("", 0.5, 0.0, 1.0, "damping of the Laguerre filter (0 to 1)"),
    }
}

/// Laguerre RSI, John Ehlers' definition ("Time Warp – Without Space Travel", 2002, and
/// "Cybernetic Analysis for Stocks and Futures", 2004), in his EasyLanguage's order:
///
/// - `L0 = (1 − γ)·x + γ·L0'`, `L1 = −γ·L0 + L0' + γ·L1'`, `L2 = −γ·L1 + L1' + γ·L2'`,
///   `L3 = −γ·L2 + L2' + γ·L3'` (primes: the previous bar's values; all start at 0, as
///   EasyLanguage variables do);
/// - `CU` sums the rises `L0 − L1`, `L1 − L2`, `L2 − L3` where they are ≥ 0, `CD` the falls;
/// - `RSI = CU / (CU + CD)`, kept from the bar before when `CU + CD = 0` (0 at the start).
///
/// Between 0 and 1 (Ehlers draws 0.2 and 0.8). No warm-up; the zero start fades as `γⁿ`.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct LaguerreRsi {
    gamma: f64,
    /// `L0..L3` of the previous bar.
    filter: [f64; 4],
    rsi: f64,
}

impl Indicator for LaguerreRsi {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: LaguerreRsiParams = params.get();
        Ok(LaguerreRsi {
            gamma: p.gamma,
            filter: [0.0; 4],
            rsi: 0.0,
        })
    }
    fn lookback(&self) -> usize {
        0
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let g = self.gamma;
        let [p0, p1, p2, p3] = self.filter;
        let l0 = (1.0 - g) * bar[0] + g * p0;
        let l1 = -g * l0 + p0 + g * p1;
        let l2 = -g * l1 + p1 + g * p2;
        let l3 = -g * l2 + p2 + g * p3;
        self.filter = [l0, l1, l2, l3];
        let (mut up, mut down) = (0.0, 0.0);
        for (a, b) in [(l0, l1), (l1, l2), (l2, l3)] {
            if a >= b {
                up += a - b;
            } else {
                down += b - a;
            }
        }
        if up + down != 0.0 {
            self.rsi = up / (up + down);
        }
        out[0] = self.rsi;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::laakhay(
    "laguerre_rsi",
    Group::Extra,
    "Laguerre RSI: Ehlers' RSI of a four-stage Laguerre filter",
    REAL,
    LaguerreRsiParams::SPECS,
    &[OutputSpec::own("value", Pane::Own, Style::Line)],
    kernel::<LaguerreRsi>(),
)
.with_details(
    "Ehlers (2002/2004): L0 = (1-g)x + g L0', L1 = -g L0 + L0' + g L1', L2 = -g L1 + L1' + \
     g L2', L3 = -g L2 + L2' + g L3' (primes: the previous bar; all start at 0); CU sums the \
     non-negative L0-L1, L1-L2, L2-L3, CD the negative ones as rises; RSI = CU / (CU + CD), \
     unchanged when CU + CD = 0 (0 at the start).",
)
.with_levels(&[0.2, 0.8])
.with_flags(&[Flag::UnstablePeriod]);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows;

    #[test]
    fn without_damping_it_is_the_rsi_of_the_last_four_values() {
        // γ = 0: L0..L3 are the last four inputs, so the RSI is up moves over all moves.
        let rows: [&[f64]; 5] = [&[1.0], &[3.0], &[2.0], &[6.0], &[6.0]];
        let got = run_rows::<super::LaguerreRsi>("laguerre_rsi", &[0.0], &rows);
        assert_eq!(got[0], Some(1.0));
        // 6, 2, 3, 1: rises 4 and 2, fall 1.
        assert_eq!(got[3], Some(6.0 / 7.0));
        // 6, 6, 2, 3: rise 4 (and a 0 counted as a rise), fall 1.
        assert_eq!(got[4], Some(4.0 / 5.0));
    }
}
