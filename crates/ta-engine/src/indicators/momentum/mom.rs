//! Momentum.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL};

typed_params! {
    /// Parameters, in catalog order.
    pub struct MomParams {
        period: usize = period(10, 1),
    }
}

change_indicator!(
    /// Momentum: `x - x[period ago]`.
    Mom, MomParams, |x, prev| x - prev
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "mom",
    "MOM",
    Group::Momentum,
    "Momentum: change over the period",
    REAL,
    MomParams::SPECS,
    OWN_LINE,
    kernel::<Mom>(),
);
