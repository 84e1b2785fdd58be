//! Weighted close price.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW_CLOSE, PRICE_LINE};

price_transform!(
    /// Weighted close price (high + low + 2·close) / 4.
    WclPrice, 3, |bar| (bar[0] + bar[1] + bar[2] * 2.0) / 4.0
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "wclprice",
    "WCLPRICE",
    Group::Price,
    "Weighted close price: high, low and twice the close, over 4",
    HIGH_LOW_CLOSE,
    &[],
    PRICE_LINE,
    kernel::<WclPrice>(),
);
