//! Published indicators that no TA-Lib version has: ours (origin `laakhay`), each with one
//! named reference definition, stated in its documentation with its source.

mod chandelier_exit;
mod laguerre_rsi;
mod rolling_vwap;
mod swing_pivot;
mod td_sequential;
mod ttm_squeeze;
mod ulcer_index;

pub use chandelier_exit::{ChandelierExit, ChandelierExitParams};
pub use laguerre_rsi::{LaguerreRsi, LaguerreRsiParams};
pub use rolling_vwap::{RollingVwap, RollingVwapParams};
pub use swing_pivot::{PivotHigh, PivotLow, SwingPivot, SwingPivotParams};
pub use td_sequential::{TdSequential, TdSequentialParams};
pub use ttm_squeeze::{TtmSqueeze, TtmSqueezeParams};
pub use ulcer_index::{UlcerIndex, UlcerIndexParams};

use crate::catalog::IndicatorSpec;

/// The family's catalog entries, in catalog order.
pub(crate) static SPECS: &[&IndicatorSpec] = &[
    &rolling_vwap::SPEC,
    &ulcer_index::SPEC,
    &laguerre_rsi::SPEC,
    &chandelier_exit::SPEC,
    &swing_pivot::HIGH_SPEC,
    &swing_pivot::LOW_SPEC,
    &ttm_squeeze::SPEC,
    &td_sequential::SPEC,
];
