//! Triangular moving average as an indicator.

use super::super::{PRICE_LINE, REAL};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::params::ParamSpec;
use crate::primitives::average::Trima;

ma_indicator!(/// TRIMA.
    TrimaIndicator, Trima, |p| Trima::new(p.int(0)));

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "trima",
    "TRIMA",
    Group::Overlap,
    "Triangular moving average",
    REAL,
    &[ParamSpec::period(30, 1)],
    PRICE_LINE,
    kernel::<TrimaIndicator>(),
);
