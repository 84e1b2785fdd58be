//! Cosine.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{ELEMENTWISE, OWN_LINE, REAL};

math_transform!(
    /// Cosine of an angle in radians.
    /// Calls the platform libm through `std`: the same glibc routine TA-Lib calls here.
    Cos, |x| x.cos()
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "cos",
    "COS",
    Group::MathTransform,
    "Cosine of each value (radians)",
    REAL,
    &[],
    OWN_LINE,
    kernel::<Cos>(),
)
.with_flags(ELEMENTWISE);
