//! Plus directional indicator.

use super::directional_indicator::DirectionalIndicator;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW_CLOSE, OWN_LINE, UNSTABLE};
use crate::params::ParamSpec;

/// +DI, the positive directional indicator.
pub type PlusDi = DirectionalIndicator<true>;

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "plus_di",
    "PLUS_DI",
    Group::Momentum,
    "Plus directional indicator: smoothed upward movement over smoothed true range",
    HIGH_LOW_CLOSE,
    &[ParamSpec::period(14, 1)],
    OWN_LINE,
    kernel::<PlusDi>(),
)
.with_flags(UNSTABLE);
