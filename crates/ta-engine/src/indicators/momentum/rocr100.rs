//! Rate-of-change ratio on a 100 scale.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL};
use crate::params::ParamSpec;

change_indicator!(
    /// Rate-of-change ratio on a 100 scale: `(x / prev) · 100`; zero when `prev` is zero.
    Rocr100, |x, prev| if prev != 0.0 { (x / prev) * 100.0 } else { 0.0 }
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "rocr100",
    "ROCR100",
    Group::Momentum,
    "Rate-of-change ratio on a 100 scale: (price / previous price) · 100",
    REAL,
    &[ParamSpec::period(10, 1)],
    OWN_LINE,
    kernel::<Rocr100>(),
);
