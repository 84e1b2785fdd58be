//! Hyperbolic sine.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{ELEMENTWISE, OWN_LINE, REAL};

math_transform!(
    /// Hyperbolic sine.
    /// Calls the platform libm through `std`: the same glibc routine TA-Lib calls here.
    Sinh, |x| x.sinh()
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "sinh",
    "SINH",
    Group::MathTransform,
    "Hyperbolic sine of each value",
    REAL,
    &[],
    OWN_LINE,
    kernel::<Sinh>(),
)
.with_flags(ELEMENTWISE);
