//! The first series crossing above the second.

use super::CROSSING;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::PAIR;

cross_indicator!(
    /// True on the bar where `a` crosses above `b`: `a > b` on this bar and `a <= b` on the
    /// previous complete bar (TradingView Pine's `ta.crossover`). Lookback 1.
    CrossesAbove,
    |a, b, pa, pb| a > b && pa <= pb
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::laakhay(
    "crosses_above",
    Group::Signal,
    "True on the bar the series crosses above the other (above now, at or below before)",
    PAIR,
    &[],
    CROSSING,
    kernel::<CrossesAbove>(),
);

#[cfg(test)]
mod tests {
    use super::super::crossings;
    use super::*;

    #[test]
    fn fires_on_the_bar_that_goes_above() {
        let pairs = [(1.0, 2.0), (3.0, 2.0), (4.0, 2.0), (1.0, 2.0), (2.5, 2.0)];
        assert_eq!(
            crossings::<CrossesAbove>("crosses_above", &pairs),
            [None, Some(true), Some(false), Some(false), Some(true)]
        );
    }

    #[test]
    fn touching_then_leaving_above_is_a_crossing_touching_is_not() {
        // Equal, then above: a crossing (`a_prev <= b_prev`). Above, then equal: none.
        let pairs = [(2.0, 2.0), (3.0, 2.0), (2.0, 2.0), (2.0, 2.0), (1.0, 1.5)];
        assert_eq!(
            crossings::<CrossesAbove>("crosses_above", &pairs),
            [None, Some(true), Some(false), Some(false), Some(false)]
        );
    }

    #[test]
    fn both_series_may_move() {
        // a falls, b falls faster: a crosses above b.
        let pairs = [(10.0, 11.0), (9.0, 7.0)];
        assert_eq!(
            crossings::<CrossesAbove>("crosses_above", &pairs),
            [None, Some(true)]
        );
    }
}
