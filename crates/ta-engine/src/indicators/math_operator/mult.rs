//! Multiplication of two series.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{ELEMENTWISE, OWN_LINE, PAIR};

math_operator!(
    /// real0 × real1.
    Mult, |a, b| a * b
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "mult",
    "MULT",
    Group::MathOperator,
    "Product of two series, row by row",
    PAIR,
    &[],
    OWN_LINE,
    kernel::<Mult>(),
)
.with_flags(ELEMENTWISE);
