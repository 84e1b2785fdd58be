//! The range of a time window: an opening range in minutes, an initial balance, an Asian
//! session's range.

use crate::catalog::{kernel, Fill, Flag, Group, IndicatorSpec, Input, OutputSpec, Pane, Style};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// The highest high and lowest low of the last run of bars inside a window (the `window`
/// input true), from the first bar after the run to the start of the next run. A window
/// given in time (a session's first 30 minutes: `ta.session_elapsed(...) < 30 minutes`) is
/// only known to be over when a bar outside it arrives, so that bar is the first with a
/// value; while a window is open there is none. For a window counted in bars, where its last
/// bar is known, `opening_range` reports one bar sooner.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct WindowRange {
    /// The open window's high and low so far; `None` outside a window.
    open: Option<(f64, f64)>,
    /// The last completed window's high and low.
    last: Option<(f64, f64)>,
}

impl Indicator for WindowRange {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 2;
    // No value while a window is open.
    const GAPS: bool = true;
    fn from_params(_: &Params) -> Result<Self, TaError> {
        Ok(WindowRange {
            open: None,
            last: None,
        })
    }
    fn lookback(&self) -> usize {
        // The earliest: a one-bar window on the first bar, over on the second.
        1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (high, low) = (bar[0], bar[1]);
        if bar[2] != 0.0 {
            self.open = Some(match self.open {
                Some((h, l)) => (h.max(high), l.min(low)),
                None => (high, low),
            });
            return false;
        }
        if let Some(completed) = self.open.take() {
            self.last = Some(completed);
        }
        let Some((h, l)) = self.last else {
            return false;
        };
        out[0] = h;
        out[1] = l;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::laakhay(
    "window_range",
    Group::Session,
    "High and low of the last time window (an opening range in minutes), once it is over",
    &[Input::High, Input::Low, Input::Window],
    &[],
    &[
        OutputSpec::own("high", Pane::Price, Style::Band),
        OutputSpec::own("low", Pane::Price, Style::Band),
    ],
    kernel::<WindowRange>(),
)
.with_details(
    "The highest high and lowest low of the last run of bars whose window input is true. \
     The value appears on the first bar after the run (a window given in time is known to be \
     over only then) and holds until the next run starts; bars inside a window, and bars \
     before the first window ends, have none. Opening range over a session's first 30 \
     minutes: window = ta.session_elapsed(ts, \"1d\", offset=...) < 30 minutes.",
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
    fn appears_after_the_window_and_holds_to_the_next() {
        let rows = [
            vec![5.0, 4.0, 0.0],
            vec![10.0, 9.0, 1.0],
            vec![12.0, 8.0, 1.0],
            vec![20.0, 1.0, 0.0],
            vec![30.0, 0.0, 0.0],
            vec![7.0, 6.0, 1.0],
            vec![8.0, 5.0, 0.0],
        ];
        let got = run_all::<WindowRange>("window_range", &[], &rows);
        assert_eq!(
            got,
            [
                None,
                None,
                None,
                Some(vec![12.0, 8.0]),
                Some(vec![12.0, 8.0]),
                None,
                Some(vec![7.0, 6.0]),
            ]
        );
    }
}
