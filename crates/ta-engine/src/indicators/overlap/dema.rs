//! Double exponential moving average as an indicator.

use super::super::{PRICE_LINE, REAL, UNSTABLE};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::params::ParamSpec;
use crate::primitives::average::Dema;

ma_indicator!(/// DEMA.
    DemaIndicator, Dema, |p| Dema::new(p.int(0)));

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "dema",
    "DEMA",
    Group::Overlap,
    "Double exponential moving average",
    REAL,
    &[ParamSpec::period(30, 1)],
    PRICE_LINE,
    kernel::<DemaIndicator>(),
)
.with_flags(UNSTABLE);
