//! Plus directional indicator.

use super::directional_indicator::{DirectionalIndicator, DirectionalIndicatorParams};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW_CLOSE, OWN_LINE, UNSTABLE};

/// +DI, the positive directional indicator.
pub type PlusDi = DirectionalIndicator<true>;

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "plus_di",
    "PLUS_DI",
    Group::Momentum,
    "Plus directional indicator: smoothed upward movement over smoothed true range",
    HIGH_LOW_CLOSE,
    DirectionalIndicatorParams::SPECS,
    OWN_LINE,
    kernel::<PlusDi>(),
)
.with_flags(UNSTABLE);
