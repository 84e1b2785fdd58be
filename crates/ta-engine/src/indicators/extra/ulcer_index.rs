//! Ulcer Index.

use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::REAL;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::{Highest, Ring};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct UlcerIndexParams {
        period: usize = period(14, 1),
    }
}

/// Ulcer Index, Peter Martin's definition (Martin & McCann, "The Investor's Guide to Fidelity
/// Funds", 1989): the percentage drawdown `R = 100 · (x − max) / max` from the highest value of
/// the last `period` bars (this one included), and `UI = sqrt(Σ R² / period)` over the last
/// `period` drawdowns. The first value comes on bar `2 · (period − 1)`. The squares are
/// summed afresh over each window (oldest first), so a window never carries rounding or a
/// non-finite value from bars that have left it; a window with one (a highest value of 0)
/// has no value.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct UlcerIndex {
    highest: Highest,
    /// The last `period` squared drawdowns.
    squares: Ring,
}

impl Indicator for UlcerIndex {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    // A window whose highest value is 0 has no drawdown.
    const GAPS: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: UlcerIndexParams = params.get();
        Ok(UlcerIndex {
            highest: Highest::new(p.period),
            squares: Ring::new(p.period),
        })
    }
    fn lookback(&self) -> usize {
        2 * (self.highest.period() - 1)
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let x = bar[0];
        if !self.highest.push(x) {
            return false;
        }
        let top = self.highest.value();
        let drawdown = 100.0 * (x - top) / top;
        self.squares.push(drawdown * drawdown);
        if !self.squares.is_full() {
            return false;
        }
        let (older, newer) = self.squares.as_slices();
        let total = older.iter().chain(newer).fold(0.0, |sum, v| sum + v);
        out[0] = (total / self.squares.capacity() as f64).sqrt();
        out[0].is_finite()
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::laakhay(
    "ulcer_index",
    Group::Extra,
    "Ulcer Index: root mean square of the percentage drawdowns from the rolling high",
    REAL,
    UlcerIndexParams::SPECS,
    &[OutputSpec::own("value", Pane::Own, Style::Line)],
    kernel::<UlcerIndex>(),
)
.with_details(
    "Peter Martin's definition: R = 100 * (x - max) / max with max the highest value of the \
     last `period` bars, UI = sqrt(sum(R^2) / period) over the last `period` bars (summed afresh \
     for each window, oldest first); first value on bar 2 * (period - 1). No value for a \
     window holding a drawdown from a highest value of 0.",
);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows;

    #[test]
    fn root_mean_square_of_drawdowns() {
        let rows: [&[f64]; 4] = [&[100.0], &[80.0], &[90.0], &[45.0]];
        let got = run_rows::<super::UlcerIndex>("ulcer_index", &[2.0], &rows);
        // Drawdowns from the 2-bar high: -20 %, 0 % (90 is the high of 80, 90), -50 %.
        assert_eq!(got[..2], [None, None]);
        assert_eq!(got[2], Some((400.0_f64 / 2.0).sqrt()));
        assert_eq!(got[3], Some((2500.0_f64 / 2.0).sqrt()));
    }
}
