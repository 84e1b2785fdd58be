//! Base-10 logarithm.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{ELEMENTWISE, OWN_LINE, REAL};

math_transform!(
    /// Base-10 logarithm; NaN below 0, -inf at 0.
    /// Calls the platform libm through `std`: the same glibc routine TA-Lib calls here.
    Log10, |x| x.log10()
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "log10",
    "LOG10",
    Group::MathTransform,
    "Base-10 logarithm of each value (NaN below 0, -inf at 0)",
    REAL,
    &[],
    OWN_LINE,
    kernel::<Log10>(),
)
.with_flags(ELEMENTWISE);
