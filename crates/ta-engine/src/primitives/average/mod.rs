//! Moving averages: the smoothers every other family builds on, and TA-Lib's `MA_Type`
//! dispatch. Each is a state machine fed one value at a time.

mod aligned;
mod dema;
mod ema;
mod hma;
mod kama;
mod moving_average;
mod moving_average_083;
mod rma;
mod sma;
mod t3;
mod tema;
mod trima;
mod wma;
mod zlema;

pub use aligned::Aligned;
pub use dema::Dema;
pub use ema::{ema_k, Ema, EmaForm};
pub use hma::Hma;
pub use kama::Kama;
pub use moving_average::MovingAverage;
pub use moving_average_083::Ma083;
pub use rma::Rma;
pub use sma::Sma;
pub use t3::T3;
pub use tema::Tema;
pub use trima::Trima;
pub use wma::Wma;
pub use zlema::Zlema;

/// A one-series state machine: `None` while warming up.
pub trait Smoother {
    /// Whether `update` fuses multiply-adds (see [`crate::kernel::Indicator::FUSED`]).
    const FUSED: bool = false;
    fn update(&mut self, x: f64) -> Option<f64>;
    /// Values consumed before the first output.
    fn lookback(&self) -> usize;
}
