//! The first series crossing below the second.

use super::CROSSING;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::PAIR;

cross_indicator!(
    /// True on the bar where `a` crosses below `b`: `a < b` on this bar and `a >= b` on the
    /// previous complete bar (TradingView Pine's `ta.crossunder`). Lookback 1.
    CrossesBelow,
    |a, b, pa, pb| a < b && pa >= pb
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::laakhay(
    "crosses_below",
    Group::Signal,
    "True on the bar the series crosses below the other (below now, at or above before)",
    PAIR,
    &[],
    CROSSING,
    kernel::<CrossesBelow>(),
);

#[cfg(test)]
mod tests {
    use super::super::crossings;
    use super::*;

    #[test]
    fn fires_on_the_bar_that_goes_below() {
        let pairs = [
            (3.0, 2.0),
            (1.0, 2.0),
            (0.0, 2.0),
            (3.0, 2.0),
            (2.0, 2.0),
            (1.0, 2.0),
        ];
        assert_eq!(
            crossings::<CrossesBelow>("crosses_below", &pairs),
            [
                None,
                Some(true),
                Some(false),
                Some(false),
                Some(false),
                Some(true)
            ]
        );
    }

    #[test]
    fn a_skipped_bar_is_not_the_previous_bar() {
        use crate::catalog::find;
        // Above, (missing), below: the previous complete bar was above, so a crossing.
        let a = [3.0, f64::NAN, 1.0];
        let b = [2.0, 0.0, 2.0];
        let batch = find("crosses_below")
            .unwrap()
            .run(&[], &[&a, &b], None)
            .unwrap();
        assert_eq!(batch.validity.to_mask(3), [false, false, true]);
        assert_eq!(batch.outputs[0][2], 1.0);
    }
}
