//! Rate-of-change ratio.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL};

typed_params! {
    /// Parameters, in catalog order.
    pub struct RocrParams {
        period: usize = period(10, 1),
    }
}

change_indicator!(
    /// Rate-of-change ratio: `x / prev`; zero when `prev` is zero.
    Rocr, RocrParams, |x, prev| if prev != 0.0 { x / prev } else { 0.0 }
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "rocr",
    "ROCR",
    Group::Momentum,
    "Rate-of-change ratio: price / previous price",
    REAL,
    RocrParams::SPECS,
    OWN_LINE,
    kernel::<Rocr>(),
);
