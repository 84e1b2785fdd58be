//! The range of a time window: an opening range in minutes, an initial balance, an Asian
//! session's range.

use super::PendingAnchor;
use crate::catalog::{kernel, Fill, Flag, Group, IndicatorSpec, Input, OutputSpec, Pane, Style};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// The highest high and lowest low of the last run of bars inside a window (the `window`
/// input true), from the first bar after the run to the start of the next run. A reset (a
/// new session) ends a run too, so a session's window never merges with the last bars of the
/// session before it when there are no bars between them (a Friday 17:00 bar and Sunday's
/// opening hours). A window
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
    /// An anchor that fell on skipped bars, for the next complete bar.
    #[serde(default)]
    anchor: PendingAnchor,
}

impl Indicator for WindowRange {
    const INPUTS: usize = 4;
    const OUTPUTS: usize = 2;
    // No value while a window is open.
    const GAPS: bool = true;
    fn from_params(_: &Params) -> Result<Self, TaError> {
        Ok(WindowRange {
            open: None,
            last: None,
            anchor: PendingAnchor::default(),
        })
    }
    fn lookback(&self) -> usize {
        // The earliest: a one-bar window on the first bar, over on the second.
        1
    }
    fn skip(&mut self, bar: &[f64]) {
        self.anchor.keep(bar[2]);
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (high, low) = (bar[0], bar[1]);
        if self.anchor.starts(bar[2]) {
            // A new period: the window still open belongs to the one before.
            if let Some(completed) = self.open.take() {
                self.last = Some(completed);
            }
        }
        if bar[3] != 0.0 {
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
    &[Input::High, Input::Low, Input::Reset, Input::Window],
    &[],
    &[
        OutputSpec::own("high", Pane::Price, Style::Band),
        OutputSpec::own("low", Pane::Price, Style::Band),
    ],
    kernel::<WindowRange>(),
)
.with_details(
    "The highest high and lowest low of the last run of bars whose window input is true; a \
     reset also ends a run (a new session's window never merges with the previous one's). \
     The value appears on the first bar after the run (a window given in time is known to be \
     over only then) and holds until the next run starts; bars inside a window, and bars \
     before the first window ends, have none. Opening range over a session's first 30 \
     minutes: reset = ta.session_start(ts, \"1d\", offset=...), window = \
     ta.session_elapsed(ts, \"1d\", offset=...) < 30 minutes.",
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
        // Rows: high, low, reset, window.
        let rows = [
            vec![5.0, 4.0, 1.0, 0.0],
            vec![10.0, 9.0, 1.0, 1.0],
            vec![12.0, 8.0, 0.0, 1.0],
            vec![20.0, 1.0, 0.0, 0.0],
            vec![30.0, 0.0, 0.0, 0.0],
            vec![7.0, 6.0, 1.0, 1.0],
            vec![8.0, 5.0, 0.0, 0.0],
            // A window on a period's last bar, then one on the next period's first bars: two
            // windows, though no bar lies between them.
            vec![3.0, 2.0, 0.0, 1.0],
            vec![9.0, 1.0, 1.0, 1.0],
            vec![4.0, 3.0, 0.0, 0.0],
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
                None,
                None,
                Some(vec![9.0, 1.0]),
            ]
        );
    }
}
