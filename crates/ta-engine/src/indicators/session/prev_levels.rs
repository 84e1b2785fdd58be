//! The previous period's open, high, low and close.

use super::{PeriodLevels, PERIOD_BAR};
use crate::catalog::{kernel, Flag, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// The open, high, low and close of the last completed period (yesterday's levels on
/// intraday bars anchored at each session; last week's on a weekly anchor), constant through
/// the current period. No value during the first period.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct PrevLevels {
    periods: PeriodLevels,
}

impl Indicator for PrevLevels {
    const INPUTS: usize = 5;
    const OUTPUTS: usize = 4;
    fn from_params(_: &Params) -> Result<Self, TaError> {
        Ok(PrevLevels {
            periods: PeriodLevels::default(),
        })
    }
    fn lookback(&self) -> usize {
        // The earliest: a second period starting on the second bar.
        1
    }
    fn skip(&mut self, bar: &[f64]) {
        self.periods.skip(bar[4]);
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        self.periods.push(bar[0], bar[1], bar[2], bar[3], bar[4]);
        let Some(levels) = self.periods.previous() else {
            return false;
        };
        out[..4].copy_from_slice(&levels);
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::laakhay(
    "prev_levels",
    Group::Session,
    "Open, high, low and close of the previous period",
    PERIOD_BAR,
    &[],
    &[
        OutputSpec::own("open", Pane::Price, Style::Line),
        OutputSpec::own("high", Pane::Price, Style::Line),
        OutputSpec::own("low", Pane::Price, Style::Line),
        OutputSpec::own("close", Pane::Price, Style::Line),
    ],
    kernel::<PrevLevels>(),
)
.with_details(
    "A period starts on a reset bar (and at the series' first bar) and ends on the bar before \
     the next reset: its open is its first bar's open, its close its last bar's close, its \
     high and low the extremes of its bars. Each bar shows the last completed period's four \
     levels; no value during the first period.",
)
.with_flags(&[Flag::Anchored]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_all;

    #[test]
    fn shows_the_last_completed_period() {
        let rows = [
            vec![5.0, 6.0, 4.0, 5.5, 0.0],
            vec![5.5, 9.0, 5.0, 8.0, 0.0],
            vec![8.0, 8.5, 7.0, 7.5, 1.0],
            vec![7.5, 12.0, 2.0, 3.0, 0.0],
            vec![3.0, 4.0, 2.5, 3.5, 1.0],
        ];
        let got = run_all::<PrevLevels>("prev_levels", &[], &rows);
        assert_eq!(got[..2], [None, None]);
        assert_eq!(got[2], Some(vec![5.0, 9.0, 4.0, 8.0]));
        assert_eq!(got[3], Some(vec![5.0, 9.0, 4.0, 8.0]));
        assert_eq!(got[4], Some(vec![8.0, 12.0, 2.0, 3.0]));
    }
}
