//! Simple moving average as an indicator.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{PRICE_LINE, REAL};
use crate::primitives::average::Sma;

typed_params! {
    /// Parameters, in catalog order.
    pub struct SmaParams {
        period: usize = period(30, 1),
    }
}

ma_indicator!(/// SMA.
    SmaIndicator, Sma, SmaParams, |p| Sma::new(p.period));

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "sma",
    "SMA",
    Group::Overlap,
    "Simple moving average",
    REAL,
    SmaParams::SPECS,
    PRICE_LINE,
    kernel::<SmaIndicator>(),
);
