//! Opening range.

use super::PendingAnchor;
use crate::catalog::{kernel, Fill, Flag, Group, IndicatorSpec, Input, OutputSpec, Pane, Style};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct OpeningRangeParams {
        bars: usize = int("", 1, 1, "bars at the start of each period that make the range"),
    }
}

/// Opening range: the highest high and lowest low of the first `bars` bars of each period (a
/// session's first 30 minutes are `bars = 6` on 5-minute bars). Known once those bars are
/// complete: the value starts on the range's last bar and holds to the period's end; the bars
/// before it have none (the range is not final yet). A period shorter than `bars` has no
/// range.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct OpeningRange {
    bars: usize,
    /// Bars of the current period so far; 0 before the first bar.
    seen: usize,
    high: f64,
    low: f64,
    /// An anchor that fell on skipped bars, for the next complete bar.
    #[serde(default)]
    anchor: PendingAnchor,
}

impl Indicator for OpeningRange {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 2;
    // Each period's first `bars - 1` bars have no value.
    const GAPS: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: OpeningRangeParams = params.get();
        Ok(OpeningRange {
            bars: p.bars,
            seen: 0,
            anchor: PendingAnchor::default(),
            high: f64::NEG_INFINITY,
            low: f64::INFINITY,
        })
    }
    fn lookback(&self) -> usize {
        self.bars - 1
    }
    fn skip(&mut self, bar: &[f64]) {
        self.anchor.keep(bar[2]);
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        if self.anchor.starts(bar[2]) || self.seen == 0 {
            self.seen = 0;
            self.high = f64::NEG_INFINITY;
            self.low = f64::INFINITY;
        }
        if self.seen < self.bars {
            self.high = self.high.max(bar[0]);
            self.low = self.low.min(bar[1]);
        }
        self.seen = self.seen.saturating_add(1);
        out[0] = self.high;
        out[1] = self.low;
        self.seen >= self.bars
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::laakhay(
    "opening_range",
    Group::Session,
    "High and low of each period's first bars, once they are complete",
    &[Input::High, Input::Low, Input::Reset],
    OpeningRangeParams::SPECS,
    &[
        OutputSpec::own("high", Pane::Price, Style::Band),
        OutputSpec::own("low", Pane::Price, Style::Band),
    ],
    kernel::<OpeningRange>(),
)
.with_details(
    "The highest high and lowest low of the first `bars` bars after each reset (the series' \
     first bar starts a period too). The value appears on the range's last bar, when it is \
     final, and holds until the next reset; earlier bars of the period have none.",
)
.with_flags(&[Flag::Anchored])
.with_fills(&[Fill {
    upper: "high",
    lower: "low",
}]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_all;

    #[test]
    fn appears_once_the_first_bars_are_complete() {
        let rows = [
            vec![10.0, 9.0, 0.0],
            vec![11.0, 8.0, 0.0],
            vec![15.0, 1.0, 0.0],
            vec![5.0, 4.0, 1.0],
            vec![6.0, 3.0, 0.0],
            vec![7.0, 2.0, 1.0],
        ];
        let got = run_all::<OpeningRange>("opening_range", &[2.0], &rows);
        assert_eq!(
            got,
            [
                None,
                Some(vec![11.0, 8.0]),
                Some(vec![11.0, 8.0]),
                None,
                Some(vec![6.0, 3.0]),
                None,
            ]
        );
    }
}
