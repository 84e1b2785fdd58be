//! Either crossing of two series.

use super::CROSSING;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::PAIR;

cross_indicator!(
    /// True on the bar where `a` crosses `b` either way: above (`a > b`, previously
    /// `a <= b`) or below (`a < b`, previously `a >= b`) (TradingView Pine's `ta.cross`).
    /// Lookback 1.
    Crosses,
    |a, b, pa, pb| (a > b && pa <= pb) || (a < b && pa >= pb)
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::laakhay(
    "crosses",
    Group::Signal,
    "True on the bar the series crosses the other either way",
    PAIR,
    &[],
    CROSSING,
    kernel::<Crosses>(),
);

#[cfg(test)]
mod tests {
    use super::super::{crossings, CrossesAbove, CrossesBelow};
    use super::*;

    #[test]
    fn fires_both_ways() {
        let pairs = [
            (1.0, 2.0),
            (3.0, 2.0),
            (3.0, 2.0),
            (1.0, 2.0),
            (2.0, 2.0),
            (2.0, 2.0),
        ];
        assert_eq!(
            crossings::<Crosses>("crosses", &pairs),
            [
                None,
                Some(true),
                Some(false),
                Some(true),
                Some(false),
                Some(false)
            ]
        );
    }

    #[test]
    fn is_either_crossing() {
        let pairs: Vec<(f64, f64)> = (0..200)
            .map(|i| {
                let t = f64::from(i);
                ((t * 0.7).sin().round(), (t * 0.3).cos().round())
            })
            .collect();
        let up = crossings::<CrossesAbove>("crosses_above", &pairs);
        let down = crossings::<CrossesBelow>("crosses_below", &pairs);
        let either = crossings::<Crosses>("crosses", &pairs);
        let mut fired = 0;
        for ((u, d), e) in up.iter().zip(&down).zip(&either) {
            assert_eq!(*e, u.zip(*d).map(|(u, d)| u || d));
            fired += usize::from(*e == Some(true));
        }
        assert!(fired > 10, "{fired}");
    }
}
