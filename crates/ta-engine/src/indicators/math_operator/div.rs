//! Division of two series.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{ELEMENTWISE, OWN_LINE, PAIR};

math_operator!(
    /// real0 / real1 (±inf or NaN where real1 is 0, as in TA-Lib).
    Div, |a, b| a / b
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "div",
    "DIV",
    Group::MathOperator,
    "Quotient of two series, row by row (real0 / real1)",
    PAIR,
    &[],
    OWN_LINE,
    kernel::<Div>(),
)
.with_flags(ELEMENTWISE);
