//! Floor.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{ELEMENTWISE, PRICE_LINE, REAL};

math_transform!(
    /// Largest whole number not above the value (exact).
    Floor, |x| x.floor()
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "floor",
    "FLOOR",
    Group::MathTransform,
    "Largest whole number not above each value",
    REAL,
    &[],
    PRICE_LINE,
    kernel::<Floor>(),
)
.with_flags(ELEMENTWISE);
