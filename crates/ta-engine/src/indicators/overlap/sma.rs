//! Simple moving average as an indicator.

use super::super::{PRICE_LINE, REAL};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::params::ParamSpec;
use crate::primitives::average::Sma;

ma_indicator!(/// SMA.
    SmaIndicator, Sma, |p| Sma::new(p.int(0)));

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "sma",
    "SMA",
    Group::Overlap,
    "Simple moving average",
    REAL,
    &[ParamSpec::period(30, 1)],
    PRICE_LINE,
    kernel::<SmaIndicator>(),
);
