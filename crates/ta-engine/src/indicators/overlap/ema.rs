//! Exponential moving average as an indicator.

use super::super::{PRICE_LINE, REAL, UNSTABLE};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::params::ParamSpec;
use crate::primitives::average::Ema;

ma_indicator!(/// EMA.
    EmaIndicator, Ema, |p| Ema::new(p.int(0)));

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "ema",
    "EMA",
    Group::Overlap,
    "Exponential moving average, seeded with the SMA of the first period",
    REAL,
    &[ParamSpec::period(30, 1)],
    PRICE_LINE,
    kernel::<EmaIndicator>(),
)
.with_flags(UNSTABLE);
