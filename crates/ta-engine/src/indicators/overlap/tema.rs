//! Triple exponential moving average as an indicator.

use crate::catalog::deviations::FLAGGED_UNSTABLE;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{PRICE_LINE, REAL, UNSTABLE};
use crate::primitives::average::Tema;

typed_params! {
    /// Parameters, in catalog order.
    pub struct TemaParams {
        period: usize = period(30, 1),
    }
}

ma_indicator!(/// TEMA.
    TemaIndicator, Tema, TemaParams, |p| Tema::new(p.period));

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "tema",
    "TEMA",
    Group::Overlap,
    "Triple exponential moving average",
    REAL,
    TemaParams::SPECS,
    PRICE_LINE,
    kernel::<TemaIndicator>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[FLAGGED_UNSTABLE]);
