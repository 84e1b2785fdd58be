//! Exponential.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{ELEMENTWISE, OWN_LINE, REAL};

math_transform!(
    /// e to the power of the value.
    /// Calls the platform libm through `std`: the same glibc routine TA-Lib calls here.
    Exp, |x| x.exp()
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "exp",
    "EXP",
    Group::MathTransform,
    "Exponential (e to the power) of each value",
    REAL,
    &[],
    OWN_LINE,
    kernel::<Exp>(),
)
.with_flags(ELEMENTWISE);
