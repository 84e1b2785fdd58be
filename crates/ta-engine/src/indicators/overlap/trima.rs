//! Triangular moving average as an indicator.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{PRICE_LINE, REAL};
use crate::primitives::average::Trima;

typed_params! {
    /// Parameters, in catalog order.
    pub struct TrimaParams {
        period: usize = period(30, 1),
    }
}

ma_indicator!(/// TRIMA.
    TrimaIndicator, Trima, TrimaParams, |p| Trima::new(p.period));

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "trima",
    "TRIMA",
    Group::Overlap,
    "Triangular moving average",
    REAL,
    TrimaParams::SPECS,
    PRICE_LINE,
    kernel::<TrimaIndicator>(),
);
