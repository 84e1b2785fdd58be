//! Rate-of-change ratio.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL};
use crate::params::ParamSpec;

change_indicator!(
    /// Rate-of-change ratio: `x / prev`; zero when `prev` is zero.
    Rocr, |x, prev| if prev != 0.0 { x / prev } else { 0.0 }
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "rocr",
    "ROCR",
    Group::Momentum,
    "Rate-of-change ratio: price / previous price",
    REAL,
    &[ParamSpec::period(10, 1)],
    OWN_LINE,
    kernel::<Rocr>(),
);
