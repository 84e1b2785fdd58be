//! Weighted moving average as an indicator.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{PRICE_LINE, REAL};
use crate::primitives::average::Wma;

typed_params! {
    /// Parameters, in catalog order.
    pub struct WmaParams {
        period: usize = period(30, 1),
    }
}

ma_indicator!(/// WMA.
    WmaIndicator, Wma, WmaParams, |p| Wma::new(p.period));

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "wma",
    "WMA",
    Group::Overlap,
    "Linearly weighted moving average",
    REAL,
    WmaParams::SPECS,
    PRICE_LINE,
    kernel::<WmaIndicator>(),
);
