//! Typical price.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW_CLOSE, PRICE_LINE};

price_transform!(
    /// Typical price (high + low + close) / 3.
    TypPrice, 3, |bar| crate::primitives::typical_price(bar[0], bar[1], bar[2])
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "typprice",
    "TYPPRICE",
    Group::Price,
    "Typical price: mean of high, low and close",
    HIGH_LOW_CLOSE,
    &[],
    PRICE_LINE,
    kernel::<TypPrice>(),
);
