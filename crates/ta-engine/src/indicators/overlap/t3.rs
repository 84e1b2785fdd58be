//! Tillson's T3 as an indicator.

use super::super::{PRICE_LINE, REAL, UNSTABLE};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::params::ParamSpec;
use crate::primitives::average::T3;

ma_indicator!(/// T3 with an explicit volume factor.
    T3Indicator, T3, |p| T3::new(p.int(0), p.float(1)));

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "t3",
    "T3",
    Group::Overlap,
    "Tillson T3 moving average",
    REAL,
    &[
        ParamSpec::period(5, 1),
        ParamSpec::float("vfactor", "vfactor", 0.7, 0.0, 1.0, "volume factor"),
    ],
    PRICE_LINE,
    kernel::<T3Indicator>(),
)
.with_flags(UNSTABLE);
