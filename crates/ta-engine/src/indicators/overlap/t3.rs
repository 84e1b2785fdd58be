//! Tillson's T3 as an indicator.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{PRICE_LINE, REAL, UNSTABLE};
use crate::primitives::average::T3;

typed_params! {
    /// Parameters, in catalog order.
    pub struct T3Params {
        period: usize = period(5, 1),
        vfactor: f64 = float("vfactor", 0.7, 0.0, 1.0, "volume factor"),
    }
}

ma_indicator!(/// T3 with an explicit volume factor.
    T3Indicator, T3, T3Params, |p| T3::new(p.period, p.vfactor));

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "t3",
    "T3",
    Group::Overlap,
    "Tillson T3 moving average",
    REAL,
    T3Params::SPECS,
    PRICE_LINE,
    kernel::<T3Indicator>(),
)
.with_flags(UNSTABLE);
