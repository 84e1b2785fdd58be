//! Rate-of-change ratio on a 100 scale.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL};

typed_params! {
    /// Parameters, in catalog order.
    pub struct Rocr100Params {
        period: usize = period(10, 1),
    }
}

change_indicator!(
    /// Rate-of-change ratio on a 100 scale: `(x / prev) · 100`; zero when `prev` is zero.
    Rocr100, Rocr100Params, |x, prev| if prev != 0.0 { (x / prev) * 100.0 } else { 0.0 }
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "rocr100",
    "ROCR100",
    Group::Momentum,
    "Rate-of-change ratio on a 100 scale: (price / previous price) · 100",
    REAL,
    Rocr100Params::SPECS,
    OWN_LINE,
    kernel::<Rocr100>(),
);
