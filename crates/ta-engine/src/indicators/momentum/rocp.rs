//! Rate of change as a fraction.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL};

typed_params! {
    /// Parameters, in catalog order.
    pub struct RocpParams {
        period: usize = period(10, 1),
    }
}

change_indicator!(
    /// Rate of change as a fraction: `(x - prev) / prev`; zero when `prev` is zero.
    Rocp, RocpParams, |x, prev| if prev != 0.0 { (x - prev) / prev } else { 0.0 }
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "rocp",
    "ROCP",
    Group::Momentum,
    "Rate of change as a fraction: (price - previous price) / previous price",
    REAL,
    RocpParams::SPECS,
    OWN_LINE,
    kernel::<Rocp>(),
);
