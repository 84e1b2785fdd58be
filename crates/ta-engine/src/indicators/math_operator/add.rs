//! Addition of two series.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{ELEMENTWISE, OWN_LINE, PAIR};

math_operator!(
    /// real0 + real1.
    Add, |a, b| a + b
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "add",
    "ADD",
    Group::MathOperator,
    "Sum of two series, row by row",
    PAIR,
    &[],
    OWN_LINE,
    kernel::<Add>(),
)
.with_flags(ELEMENTWISE);
