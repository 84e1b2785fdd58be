//! Minus directional indicator.

use super::directional_indicator::{DirectionalIndicator, DirectionalIndicatorParams};
use super::DIRECTIONAL_LINE;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW_CLOSE, UNSTABLE};

/// -DI, the negative directional indicator.
pub type MinusDi = DirectionalIndicator<false>;

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "minus_di",
    "MINUS_DI",
    Group::Momentum,
    "Minus directional indicator: smoothed downward movement over smoothed true range",
    HIGH_LOW_CLOSE,
    DirectionalIndicatorParams::SPECS,
    DIRECTIONAL_LINE,
    kernel::<MinusDi>(),
)
.with_flags(UNSTABLE);
