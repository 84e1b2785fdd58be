//! Natural logarithm.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{ELEMENTWISE, OWN_LINE, REAL};

math_transform!(
    /// Natural logarithm; NaN below 0, -inf at 0.
    /// Calls the platform libm through `std`: the same glibc routine TA-Lib calls here.
    Ln, |x| x.ln()
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "ln",
    "LN",
    Group::MathTransform,
    "Natural logarithm of each value (NaN below 0, -inf at 0)",
    REAL,
    &[],
    OWN_LINE,
    kernel::<Ln>(),
)
.with_flags(ELEMENTWISE);
