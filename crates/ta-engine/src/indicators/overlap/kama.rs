//! Kaufman adaptive moving average as an indicator.

use super::super::{PRICE_LINE, REAL, UNSTABLE};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::params::ParamSpec;
use crate::primitives::average::Kama;

ma_indicator!(/// KAMA.
    KamaIndicator, Kama, |p| Kama::new(p.int(0)));

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "kama",
    "KAMA",
    Group::Overlap,
    "Kaufman adaptive moving average",
    REAL,
    &[ParamSpec::period(30, 1)],
    PRICE_LINE,
    kernel::<KamaIndicator>(),
)
.with_flags(UNSTABLE);
