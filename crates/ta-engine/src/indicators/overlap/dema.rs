//! Double exponential moving average as an indicator.

use crate::catalog::deviations::FLAGGED_UNSTABLE;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{PRICE_LINE, REAL, UNSTABLE};
use crate::primitives::average::Dema;

typed_params! {
    /// Parameters, in catalog order.
    pub struct DemaParams {
        period: usize = period(30, 1),
    }
}

ma_indicator!(/// DEMA.
    DemaIndicator, Dema, DemaParams, |p| Dema::new(p.period));

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "dema",
    "DEMA",
    Group::Overlap,
    "Double exponential moving average",
    REAL,
    DemaParams::SPECS,
    PRICE_LINE,
    kernel::<DemaIndicator>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[FLAGGED_UNSTABLE]);
