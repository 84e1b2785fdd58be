//! Kaufman adaptive moving average as an indicator.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{PRICE_LINE, REAL, UNSTABLE};
use crate::primitives::average::Kama;

typed_params! {
    /// Parameters, in catalog order.
    pub struct KamaParams {
        period: usize = period(30, 1),
    }
}

ma_indicator!(/// KAMA.
    KamaIndicator, Kama, KamaParams, |p| Kama::new(p.period));

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "kama",
    "KAMA",
    Group::Overlap,
    "Kaufman adaptive moving average",
    REAL,
    KamaParams::SPECS,
    PRICE_LINE,
    kernel::<KamaIndicator>(),
)
.with_flags(UNSTABLE);
