//! Hyperbolic tangent.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{ELEMENTWISE, OWN_LINE, REAL};

math_transform!(
    /// Hyperbolic tangent.
    /// Calls the platform libm through `std`: the same glibc routine TA-Lib calls here.
    Tanh, |x| x.tanh()
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "tanh",
    "TANH",
    Group::MathTransform,
    "Hyperbolic tangent of each value",
    REAL,
    &[],
    OWN_LINE,
    kernel::<Tanh>(),
)
.with_flags(ELEMENTWISE);
