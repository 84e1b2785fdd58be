//! Tom DeMark's pivot points from the previous completed period.

use super::{PeriodLevels, PERIOD_BAR};
use crate::catalog::{kernel, Flag, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// DeMark's pivot, resistance and support for the current period from the previous one's
/// open O, high H, low L and close C (the "DM" type of TradingView's Pivot Points Standard):
/// `X = H + 2L + C` after a down period (C < O), `2H + L + C` after an up period (C > O),
/// `H + L + 2C` when C = O; then `PP = X/4`, `R1 = X/2 − L`, `S1 = X/2 − H`. A separate entry
/// from `pivot_points` because it has one level on each side, not three.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct DemarkPivots {
    periods: PeriodLevels,
}

/// `[pp, r1, s1]` from a period's open, high, low and close.
pub fn demark_levels([open, high, low, close]: [f64; 4]) -> [f64; 3] {
    let x = if close < open {
        high + 2.0 * low + close
    } else if close > open {
        2.0 * high + low + close
    } else {
        high + low + 2.0 * close
    };
    [x / 4.0, x / 2.0 - low, x / 2.0 - high]
}

impl Indicator for DemarkPivots {
    const INPUTS: usize = 5;
    const OUTPUTS: usize = 3;
    // A level that overflows to infinity has no value.
    const GAPS: bool = true;
    fn from_params(_: &Params) -> Result<Self, TaError> {
        Ok(DemarkPivots {
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
        let Some(previous) = self.periods.previous() else {
            return false;
        };
        let levels = demark_levels(previous);
        out[..3].copy_from_slice(&levels);
        levels.iter().all(|v| v.is_finite())
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::laakhay(
    "demark_pivots",
    Group::Session,
    "DeMark's pivot, resistance and support from the previous period",
    PERIOD_BAR,
    &[],
    &[
        OutputSpec::own("pp", Pane::Price, Style::Line),
        OutputSpec::own("r1", Pane::Price, Style::Line),
        OutputSpec::own("s1", Pane::Price, Style::Line),
    ],
    kernel::<DemarkPivots>(),
)
.with_details(
    "From the previous period's open O, high H, low L and close C: X = H+2L+C when C < O, \
     2H+L+C when C > O, H+L+2C when C = O; PP = X/4, R1 = X/2-L, S1 = X/2-H (TradingView's \
     Pivot Points Standard, type DM). A period starts on a reset bar; the levels hold from \
     that bar to the next reset. No value during the first period.",
)
.with_flags(&[Flag::Anchored]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_all;

    fn bar(o: f64, h: f64, l: f64, c: f64, reset: bool) -> Vec<f64> {
        vec![o, h, l, c, f64::from(u8::from(reset))]
    }

    #[test]
    fn the_previous_period_direction_picks_the_weighting() {
        let rows = [
            // Period one: O 8, H 12, L 6, C 11 (up): X = 24 + 6 + 11 = 41.
            bar(8.0, 10.0, 7.0, 9.0, true),
            bar(9.0, 12.0, 6.0, 11.0, false),
            // Period two: O 11, H 11, L 5, C 7 (down): X = 11 + 10 + 7 = 28.
            bar(11.0, 11.0, 5.0, 7.0, true),
            // Period three: O = C = 10, H 12, L 9: X = 12 + 9 + 20 = 41.
            bar(10.0, 12.0, 9.0, 10.0, true),
            bar(10.0, 10.0, 10.0, 10.0, true),
        ];
        let got = run_all::<DemarkPivots>("demark_pivots", &[], &rows);
        assert_eq!(got[..2], [None, None]);
        assert_eq!(got[2], Some(vec![10.25, 20.5 - 6.0, 20.5 - 12.0]));
        assert_eq!(got[3], Some(vec![7.0, 14.0 - 5.0, 14.0 - 11.0]));
        assert_eq!(got[4], Some(vec![10.25, 20.5 - 9.0, 20.5 - 12.0]));
    }
}
