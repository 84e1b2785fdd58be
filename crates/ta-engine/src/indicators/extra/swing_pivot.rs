//! Swing pivots: pivot highs and lows, reported on the bar that confirms them.

use crate::catalog::{kernel, Flag, Group, IndicatorSpec, Input, OutputSpec, Pane, Style};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::Ring;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct SwingPivotParams {
        left_bars: usize = int_upto("", 5, 1, 1000,
            "bars before the pivot that must all be lower (higher for a low)"),
        right_bars: usize = int_upto("", 5, 1, 1000,
            "bars after the pivot that must all be lower (higher for a low); the confirmation lag"),
    }
}

/// A swing pivot (TradingView Pine's `ta.pivothigh` / `ta.pivotlow`): the value of the bar
/// `right_bars` back when it is strictly above (below, for a low) each of the `left_bars`
/// bars before it and each of the `right_bars` bars after it. Reported on the bar that
/// confirms it, `right_bars` after the pivot, which is when it is first known; no value on
/// other bars. The catalog names `right_bars` as the output's event lag, so a chart draws
/// the value at the pivot while computations only ever see it on the confirming bar.
///
/// Equal values disqualify: Pine's reference says the surrounding bars "must be lower" and
/// does not document its runtime's handling of exact ties, so a flat top of equal bars has no
/// pivot here.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct SwingPivot<const HIGH: bool> {
    /// The last `left_bars + 1 + right_bars` values; the candidate is `right_bars` back.
    window: Ring,
    right_bars: usize,
}

/// Pivot highs.
pub type PivotHigh = SwingPivot<true>;
/// Pivot lows.
pub type PivotLow = SwingPivot<false>;

impl<const HIGH: bool> SwingPivot<HIGH> {
    /// True when `candidate` beats `other` in this direction (strictly).
    #[inline(always)]
    fn beats(candidate: f64, other: f64) -> bool {
        if HIGH {
            candidate > other
        } else {
            candidate < other
        }
    }
}

impl<const HIGH: bool> Indicator for SwingPivot<HIGH> {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    // Only confirming bars have a value.
    const GAPS: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: SwingPivotParams = params.get();
        Ok(SwingPivot {
            window: Ring::new(p.left_bars + 1 + p.right_bars),
            right_bars: p.right_bars,
        })
    }
    fn lookback(&self) -> usize {
        self.window.capacity() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        self.window.push(bar[0]);
        if !self.window.is_full() {
            return false;
        }
        // Fewer than `right_bars` newer values only in a damaged snapshot.
        let Some(at) = (self.window.len() - 1).checked_sub(self.right_bars) else {
            return false;
        };
        let candidate = self.window.get(at);
        let is_pivot = self
            .window
            .iter()
            .enumerate()
            .all(|(i, other)| i == at || Self::beats(candidate, other));
        out[0] = candidate;
        is_pivot
    }
}

const PIVOT_PARAMS: &[crate::params::ParamSpec] = SwingPivotParams::SPECS;

/// Catalog entry of pivot highs.
pub(crate) static HIGH_SPEC: IndicatorSpec = IndicatorSpec::laakhay(
    "pivot_high",
    Group::Extra,
    "Swing high: a bar above the bars around it, reported right_bars later",
    &[Input::High],
    PIVOT_PARAMS,
    &[OutputSpec::own("pivot_high", Pane::Price, Style::Dots).reported_after("right_bars")],
    kernel::<PivotHigh>(),
)
.with_details(
    "The high of the bar right_bars back, on the bar that confirms it: strictly above each \
     of the left_bars bars before it and each of the right_bars bars after it (TradingView \
     ta.pivothigh; equal values disqualify). No value on other bars. The output's event lag \
     is right_bars: charts draw it at the pivot, computations see it when it is known.",
)
.with_flags(&[Flag::Events]);

/// Catalog entry of pivot lows.
pub(crate) static LOW_SPEC: IndicatorSpec = IndicatorSpec::laakhay(
    "pivot_low",
    Group::Extra,
    "Swing low: a bar below the bars around it, reported right_bars later",
    &[Input::Low],
    PIVOT_PARAMS,
    &[OutputSpec::own("pivot_low", Pane::Price, Style::Dots).reported_after("right_bars")],
    kernel::<PivotLow>(),
)
.with_details(
    "The low of the bar right_bars back, on the bar that confirms it: strictly below each of \
     the left_bars bars before it and each of the right_bars bars after it (TradingView \
     ta.pivotlow; equal values disqualify). No value on other bars. The output's event lag \
     is right_bars: charts draw it at the pivot, computations see it when it is known.",
)
.with_flags(&[Flag::Events]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows;

    fn run<const HIGH: bool>(name: &str, params: &[f64], values: &[f64]) -> Vec<Option<f64>> {
        let rows: Vec<[f64; 1]> = values.iter().map(|&v| [v]).collect();
        let rows: Vec<&[f64]> = rows.iter().map(|r| &r[..]).collect();
        run_rows::<SwingPivot<HIGH>>(name, params, &rows)
    }

    #[test]
    fn a_high_is_reported_right_bars_after_it() {
        // left 2, right 1: 5 (index 2) beats 1, 2 before it and 4 after it: known at index 3.
        // 6 (index 5) beats 4, 3 and 2: known at index 6. The bars between are no pivots.
        let got = run::<true>(
            "pivot_high",
            &[2.0, 1.0],
            &[1.0, 2.0, 5.0, 4.0, 3.0, 6.0, 2.0],
        );
        assert_eq!(got, [None, None, None, Some(5.0), None, None, Some(6.0)]);
    }

    #[test]
    fn a_low_mirrors_a_high() {
        let got = run::<false>(
            "pivot_low",
            &[2.0, 1.0],
            &[9.0, 8.0, 5.0, 6.0, 7.0, 4.0, 8.0],
        );
        assert_eq!(got, [None, None, None, Some(5.0), None, None, Some(4.0)]);
    }

    #[test]
    fn equal_neighbours_disqualify() {
        // A flat top (5, 5) on either side of the candidate is no pivot.
        let got = run::<true>("pivot_high", &[1.0, 1.0], &[1.0, 5.0, 5.0, 1.0, 2.0, 2.0]);
        assert_eq!(got, [None; 6]);
    }

    #[test]
    fn the_lookback_is_the_whole_window() {
        let spec = crate::catalog::find("pivot_high").unwrap();
        assert_eq!(spec.lookback(&[3.0, 2.0]).unwrap(), 5);
        assert_eq!(
            spec.outputs[0].event_lag_param,
            Some("right_bars"),
            "charts draw the pivot right_bars back"
        );
    }
}
