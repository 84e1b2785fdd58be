//! Small state machines and bar arithmetic the indicators are built from, each written once.

pub mod average;
mod directional_movement;
mod epsilon;
mod previous_bar;
mod ring;
mod rolling_extreme;
mod running_variance;
mod true_range;

pub use average::ema_k;
pub use directional_movement::directional_movement;
pub use epsilon::{is_tiny, is_tiny_against, TA_EPSILON};
pub use previous_bar::PrevBar;
pub use ring::Ring;
pub use rolling_extreme::{Highest, Lowest, RunningExtreme};
pub use running_variance::ShiftedVar;
pub use true_range::true_range;

/// Running sums are rebuilt from the window at least every `RESEED_WINDOWS × period` bars
/// (TA-Lib's interval).
pub const RESEED_WINDOWS: usize = 32;
