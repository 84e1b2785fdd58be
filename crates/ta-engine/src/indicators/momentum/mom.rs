//! Momentum.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL};
use crate::params::ParamSpec;

change_indicator!(
    /// Momentum: `x - x[period ago]`.
    Mom, |x, prev| x - prev
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "mom",
    "MOM",
    Group::Momentum,
    "Momentum: change over the period",
    REAL,
    &[ParamSpec::period(10, 1)],
    OWN_LINE,
    kernel::<Mom>(),
);
