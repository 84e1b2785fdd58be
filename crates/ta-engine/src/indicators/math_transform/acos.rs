//! Arc cosine.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{ELEMENTWISE, OWN_LINE, REAL};

math_transform!(
    /// Arc cosine in radians; NaN outside [-1, 1].
    /// Calls the platform libm through `std`: the same glibc routine TA-Lib calls here.
    Acos, |x| x.acos()
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "acos",
    "ACOS",
    Group::MathTransform,
    "Arc cosine of each value, in radians (NaN outside [-1, 1])",
    REAL,
    &[],
    OWN_LINE,
    kernel::<Acos>(),
)
.with_flags(ELEMENTWISE);
