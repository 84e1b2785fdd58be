//! Exponential moving average as an indicator.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{PRICE_LINE, REAL, UNSTABLE};
use crate::primitives::average::Ema;

typed_params! {
    /// Parameters, in catalog order.
    pub struct EmaParams {
        period: usize = period(30, 1),
    }
}

ma_indicator!(/// EMA.
    EmaIndicator, Ema, EmaParams, |p| Ema::new(p.period));

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "ema",
    "EMA",
    Group::Overlap,
    "Exponential moving average, seeded with the SMA of the first period",
    REAL,
    EmaParams::SPECS,
    PRICE_LINE,
    kernel::<EmaIndicator>(),
)
.with_flags(UNSTABLE);
