//! Ceiling.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{ELEMENTWISE, PRICE_LINE, REAL};

math_transform!(
    /// Smallest whole number not below the value (exact).
    Ceil, |x| x.ceil()
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "ceil",
    "CEIL",
    Group::MathTransform,
    "Smallest whole number not below each value",
    REAL,
    &[],
    PRICE_LINE,
    kernel::<Ceil>(),
)
.with_flags(ELEMENTWISE);
