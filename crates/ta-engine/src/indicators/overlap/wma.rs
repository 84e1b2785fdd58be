//! Weighted moving average as an indicator.

use super::super::{PRICE_LINE, REAL};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::params::ParamSpec;
use crate::primitives::average::Wma;

ma_indicator!(/// WMA.
    WmaIndicator, Wma, |p| Wma::new(p.int(0)));

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "wma",
    "WMA",
    Group::Overlap,
    "Linearly weighted moving average",
    REAL,
    &[ParamSpec::period(30, 1)],
    PRICE_LINE,
    kernel::<WmaIndicator>(),
);
