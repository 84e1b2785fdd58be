//! Hyperbolic cosine.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{ELEMENTWISE, OWN_LINE, REAL};

math_transform!(
    /// Hyperbolic cosine.
    /// Calls the platform libm through `std`: the same glibc routine TA-Lib calls here.
    Cosh, |x| x.cosh()
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "cosh",
    "COSH",
    Group::MathTransform,
    "Hyperbolic cosine of each value",
    REAL,
    &[],
    OWN_LINE,
    kernel::<Cosh>(),
)
.with_flags(ELEMENTWISE);
