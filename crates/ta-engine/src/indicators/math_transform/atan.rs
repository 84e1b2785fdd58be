//! Arc tangent.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{ELEMENTWISE, OWN_LINE, REAL};

math_transform!(
    /// Arc tangent in radians.
    /// Calls the platform libm through `std`: the same glibc routine TA-Lib calls here.
    Atan, |x| x.atan()
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "atan",
    "ATAN",
    Group::MathTransform,
    "Arc tangent of each value, in radians",
    REAL,
    &[],
    OWN_LINE,
    kernel::<Atan>(),
)
.with_flags(ELEMENTWISE);
