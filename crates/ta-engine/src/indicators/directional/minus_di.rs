//! Minus directional indicator.

use super::directional_indicator::DirectionalIndicator;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW_CLOSE, OWN_LINE, UNSTABLE};
use crate::params::ParamSpec;

/// -DI, the negative directional indicator.
pub type MinusDi = DirectionalIndicator<false>;

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "minus_di",
    "MINUS_DI",
    Group::Momentum,
    "Minus directional indicator: smoothed downward movement over smoothed true range",
    HIGH_LOW_CLOSE,
    &[ParamSpec::period(14, 1)],
    OWN_LINE,
    kernel::<MinusDi>(),
)
.with_flags(UNSTABLE);
