//! Hull moving average as an indicator.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{PRICE_LINE, REAL};
use crate::primitives::average::Hma;

typed_params! {
    /// Parameters, in catalog order.
    pub struct HmaParams {
        period: usize = period(20, 1),
    }
}

ma_indicator!(/// HMA.
    HmaIndicator, Hma, HmaParams, |p| Hma::new(p.period));

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "hma",
    "HMA",
    Group::Overlap,
    "Hull moving average: a WMA over √period bars of 2·WMA(period/2) - WMA(period)",
    REAL,
    HmaParams::SPECS,
    PRICE_LINE,
    kernel::<HmaIndicator>(),
);
