//! Median price.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW, PRICE_LINE};

price_transform!(
    /// Median price (high + low) / 2.
    MedPrice, 2, |bar| (bar[0] + bar[1]) / 2.0
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "medprice",
    "MEDPRICE",
    Group::Price,
    "Median price: midpoint of high and low",
    HIGH_LOW,
    &[],
    PRICE_LINE,
    kernel::<MedPrice>(),
);
