//! Session- and event-anchored indicators: ours (origin `laakhay`), which no TA-Lib function
//! can be, since they need to know where a period starts.
//!
//! Each takes a `reset` input: true (any non-zero number) on the first bar of a new anchor
//! period — a session, a week, an event such as an earnings date. The kernels stay free of
//! calendars: adapters build the flag (Python's `ta.session_start(ts, every=..., tz=...)`,
//! or any Boolean expression), and a live feed carries it with each bar. The first complete
//! bar of a series always starts a period. A skipped (incomplete) bar is not seen, as for every entry,
//! except for its anchor: a reset on a bar with a missing price moves to the next complete
//! bar, so the result equals computing on the complete rows with each anchor on the first
//! complete bar of its period.

mod anchored_vwap;
mod demark_pivots;
mod opening_range;
mod period_levels;
mod pivot_points;
mod prev_levels;
mod volume_profile;
mod window_range;

pub use anchored_vwap::{AnchoredVwap, AnchoredVwapParams};
pub use demark_pivots::{demark_levels, DemarkPivots};
pub use opening_range::{OpeningRange, OpeningRangeParams};
pub use period_levels::PeriodLevels;
pub use pivot_points::{PivotMethod, PivotPoints, PivotPointsParams};
pub use prev_levels::PrevLevels;
pub use volume_profile::{VolumeProfile, VolumeProfileParams};
pub use window_range::WindowRange;

use crate::catalog::{IndicatorSpec, Input};

/// The inputs of the entries built on a period's open, high, low and close.
pub(crate) const PERIOD_BAR: &[Input] = &[
    Input::Open,
    Input::High,
    Input::Low,
    Input::Close,
    Input::Reset,
];

/// True when a reset input marks the bar as the first of a new period.
#[inline(always)]
pub(crate) fn starts_period(reset: f64) -> bool {
    reset != 0.0
}

/// An anchor that fell on skipped bars, kept for the next complete bar: a session whose first
/// bar has a missing price still starts a new period, on its first complete bar.
#[derive(Debug, Clone, Copy, Default, serde::Serialize, serde::Deserialize)]
pub struct PendingAnchor(bool);

impl PendingAnchor {
    /// Keeps a skipped bar's anchor (a missing reset marks none).
    #[inline(always)]
    pub fn keep(&mut self, reset: f64) {
        self.0 |= reset.is_finite() && reset != 0.0;
    }

    /// True when a complete bar starts a period: by its own reset, or by one kept from the
    /// skipped bars before it (then forgotten).
    #[inline(always)]
    pub fn starts(&mut self, reset: f64) -> bool {
        starts_period(reset) | std::mem::take(&mut self.0)
    }
}

/// The family's catalog entries, in catalog order.
pub(crate) static SPECS: &[&IndicatorSpec] = &[
    &anchored_vwap::SPEC,
    &pivot_points::SPEC,
    &prev_levels::SPEC,
    &opening_range::SPEC,
    &demark_pivots::SPEC,
    &window_range::SPEC,
    &volume_profile::SPEC,
];

#[cfg(test)]
mod tests {
    use crate::catalog::find;

    #[test]
    fn an_anchor_on_a_skipped_bar_starts_the_next_complete_bar() {
        // Period one is bars 0-1 (high 2). Bar 2 starts period two but its close is missing:
        // bar 3 starts it instead, so bar 3's previous period is period one, not nothing.
        let open = [1.0, 1.0, 5.0, 5.0, 6.0, 6.0];
        let high = [2.0, 2.0, 6.0, 6.0, 7.0, 7.0];
        let low = [1.0, 1.0, 5.0, 5.0, 6.0, 6.0];
        let close = [1.5, 1.5, f64::NAN, 5.5, 6.5, 6.5];
        // A missing reset (bar 4, skipped too) marks no anchor: bar 5 is still period two.
        let reset = [1.0, 0.0, 1.0, 0.0, f64::NAN, 0.0];
        let spec = find("prev_levels").unwrap();
        let inputs: [&[f64]; 5] = [&open, &high, &low, &close, &reset];
        let batch = spec.run(&[], &inputs, None).unwrap();
        let highs: Vec<Option<f64>> = (0..6)
            .map(|row| {
                batch
                    .validity
                    .is_valid(row)
                    .then_some(batch.outputs[1][row])
            })
            .collect();
        assert_eq!(highs, [None, None, None, Some(2.0), None, Some(2.0)]);
        // Live, bar by bar: the same.
        let mut stream = spec.stream(&[]).unwrap();
        let mut out = [0.0; 4];
        let live: Vec<Option<f64>> = (0..6)
            .map(|row| {
                let bar = [open[row], high[row], low[row], close[row], reset[row]];
                stream.update(&bar, &mut out).then_some(out[1])
            })
            .collect();
        assert_eq!(live, highs);
    }
}
