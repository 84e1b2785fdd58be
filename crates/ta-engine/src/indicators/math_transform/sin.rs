//! Sine.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{ELEMENTWISE, OWN_LINE, REAL};

math_transform!(
    /// Sine of an angle in radians.
    /// Calls the platform libm through `std`: the same glibc routine TA-Lib calls here.
    Sin, |x| x.sin()
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "sin",
    "SIN",
    Group::MathTransform,
    "Sine of each value (radians)",
    REAL,
    &[],
    OWN_LINE,
    kernel::<Sin>(),
)
.with_flags(ELEMENTWISE);
