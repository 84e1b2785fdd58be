//! Subtraction of two series.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{ELEMENTWISE, OWN_LINE, PAIR};

math_operator!(
    /// real0 - real1.
    Sub, |a, b| a - b
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "sub",
    "SUB",
    Group::MathOperator,
    "Difference of two series, row by row (real0 - real1)",
    PAIR,
    &[],
    OWN_LINE,
    kernel::<Sub>(),
)
.with_flags(ELEMENTWISE);
