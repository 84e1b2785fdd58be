//! Tangent.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{ELEMENTWISE, OWN_LINE, REAL};

math_transform!(
    /// Tangent of an angle in radians.
    /// Calls the platform libm through `std`: the same glibc routine TA-Lib calls here.
    Tan, |x| x.tan()
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "tan",
    "TAN",
    Group::MathTransform,
    "Tangent of each value (radians)",
    REAL,
    &[],
    OWN_LINE,
    kernel::<Tan>(),
)
.with_flags(ELEMENTWISE);
