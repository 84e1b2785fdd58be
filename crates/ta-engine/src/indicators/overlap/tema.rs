//! Triple exponential moving average as an indicator.

use super::super::{PRICE_LINE, REAL, UNSTABLE};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::params::ParamSpec;
use crate::primitives::average::Tema;

ma_indicator!(/// TEMA.
    TemaIndicator, Tema, |p| Tema::new(p.int(0)));

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "tema",
    "TEMA",
    Group::Overlap,
    "Triple exponential moving average",
    REAL,
    &[ParamSpec::period(30, 1)],
    PRICE_LINE,
    kernel::<TemaIndicator>(),
)
.with_flags(UNSTABLE);
