//! Small state machines and bar arithmetic the indicators are built from, each written once.

pub mod average;
pub mod beta_ema;
mod directional_movement;
mod epsilon;
pub mod peak_variance;
mod previous_bar;
mod range_percent;
mod ring;
mod rolling_extreme;
mod rolling_sum;
mod running_variance;
pub mod swak;
mod true_range;
mod typical_price;
mod wilder;

pub use average::ema_k;
pub use directional_movement::directional_movement;
pub use epsilon::{is_tiny, is_tiny_against, TA_EPSILON};
pub use previous_bar::PrevBar;
pub use range_percent::{percent_of_range, significant_range};
pub use ring::Ring;
pub use rolling_extreme::{Highest, Lowest, RunningExtreme};
pub use rolling_sum::RollingSum;
pub use running_variance::{ShiftedMeanVar, ShiftedVar};
pub use true_range::true_range;
pub use typical_price::typical_price;
pub use wilder::wilder_sum;

/// Running sums are rebuilt from the window at least every `RESEED_WINDOWS × period` bars
/// (TA-Lib's interval).
pub const RESEED_WINDOWS: usize = 32;
