//! Zero-lag exponential moving average as an indicator.

use crate::catalog::deviations::FLAGGED_UNSTABLE;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{PRICE_LINE, REAL, UNSTABLE};
use crate::primitives::average::Zlema;

typed_params! {
    /// Parameters, in catalog order.
    pub struct ZlemaParams {
        period: usize = period(30, 1),
    }
}

ma_indicator!(/// ZLEMA.
    ZlemaIndicator, Zlema, ZlemaParams, |p| Zlema::new(p.period));

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "zlema",
    "ZLEMA",
    Group::Overlap,
    "Zero-lag exponential moving average: an EMA of 2·price - price lagged (period-1)/2 bars",
    REAL,
    ZlemaParams::SPECS,
    PRICE_LINE,
    kernel::<ZlemaIndicator>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[FLAGGED_UNSTABLE]);
