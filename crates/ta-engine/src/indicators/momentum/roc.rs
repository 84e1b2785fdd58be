//! Rate of change in percent.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL};

typed_params! {
    /// Parameters, in catalog order.
    pub struct RocParams {
        period: usize = period(10, 1),
    }
}

change_indicator!(
    /// Rate of change in percent: `(x / prev - 1) · 100`; zero when `prev` is zero.
    Roc, RocParams, |x, prev| if prev != 0.0 { ((x / prev) - 1.0) * 100.0 } else { 0.0 }
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "roc",
    "ROC",
    Group::Momentum,
    "Rate of change in percent: (price / previous price - 1) · 100",
    REAL,
    RocParams::SPECS,
    OWN_LINE,
    kernel::<Roc>(),
);
