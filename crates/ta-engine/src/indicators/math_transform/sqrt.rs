//! Square root.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{ELEMENTWISE, OWN_LINE, REAL};

math_transform!(
    /// Square root; NaN below 0 (correctly rounded, as TA-Lib's).
    Sqrt, |x| x.sqrt()
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "sqrt",
    "SQRT",
    Group::MathTransform,
    "Square root of each value (NaN below 0)",
    REAL,
    &[],
    OWN_LINE,
    kernel::<Sqrt>(),
)
.with_flags(ELEMENTWISE);
