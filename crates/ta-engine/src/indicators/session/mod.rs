//! Session- and event-anchored indicators: ours (origin `laakhay`), which no TA-Lib function
//! can be, since they need to know where a period starts.
//!
//! Each takes a `reset` input: true (any non-zero number) on the first bar of a new anchor
//! period — a session, a week, an event such as an earnings date. The kernels stay free of
//! calendars: adapters build the flag (Python's `ta.session_start(ts, every=..., tz=...)`,
//! or any Boolean expression), and a live feed carries it with each bar. The first complete
//! bar of a series always starts a period. A skipped (incomplete) bar is not seen, its reset
//! flag included, as for every entry: the result equals computing on the complete rows, so an
//! anchor on a bar with a missing price is lost (put it on a complete bar).

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

use crate::catalog::IndicatorSpec;

/// True when a reset input marks the bar as the first of a new period.
#[inline(always)]
pub(crate) fn starts_period(reset: f64) -> bool {
    reset != 0.0
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
