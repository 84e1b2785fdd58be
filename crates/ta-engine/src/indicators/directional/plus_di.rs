//! Plus directional indicator.

use super::directional_indicator::{DirectionalIndicator, DirectionalIndicatorParams};
use super::DIRECTIONAL_LINE;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW_CLOSE, UNSTABLE};

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
    DIRECTIONAL_LINE,
    kernel::<PlusDi>(),
)
.with_flags(UNSTABLE);
