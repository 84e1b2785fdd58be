//! Arc sine.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{ELEMENTWISE, OWN_LINE, REAL};

math_transform!(
    /// Arc sine in radians; NaN outside [-1, 1].
    /// Calls the platform libm through `std`: the same glibc routine TA-Lib calls here.
    Asin, |x| x.asin()
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "asin",
    "ASIN",
    Group::MathTransform,
    "Arc sine of each value, in radians (NaN outside [-1, 1])",
    REAL,
    &[],
    OWN_LINE,
    kernel::<Asin>(),
)
.with_flags(ELEMENTWISE);
