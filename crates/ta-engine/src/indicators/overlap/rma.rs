//! Wilder's smoothed moving average as an indicator.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{PRICE_LINE, REAL, UNSTABLE};
use crate::primitives::average::Rma;

typed_params! {
    /// Parameters, in catalog order.
    pub struct RmaParams {
        period: usize = period(30, 1),
    }
}

ma_indicator!(/// RMA.
    RmaIndicator, Rma, RmaParams, |p| Rma::new(p.period));

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "rma",
    "RMA",
    Group::Overlap,
    "Wilder's smoothed moving average (an EMA with factor 1/period)",
    REAL,
    RmaParams::SPECS,
    PRICE_LINE,
    kernel::<RmaIndicator>(),
)
.with_flags(UNSTABLE);
