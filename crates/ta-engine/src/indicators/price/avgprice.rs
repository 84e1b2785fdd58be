//! Average price.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OPEN_HIGH_LOW_CLOSE, PRICE_LINE};

price_transform!(
    /// Average price (open + high + low + close) / 4, summed in TA-Lib's order.
    AvgPrice, 4, |bar| (bar[1] + bar[2] + bar[3] + bar[0]) / 4.0
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "avgprice",
    "AVGPRICE",
    Group::Price,
    "Average price: mean of open, high, low and close",
    OPEN_HIGH_LOW_CLOSE,
    &[],
    PRICE_LINE,
    kernel::<AvgPrice>(),
);
