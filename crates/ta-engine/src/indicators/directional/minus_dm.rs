//! Minus directional movement.

use super::movement::{DirectionalMovement, DirectionalMovementParams};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW, OWN_LINE, UNSTABLE};

/// -DM, the smoothed downward directional movement.
pub type MinusDm = DirectionalMovement<false>;

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "minus_dm",
    "MINUS_DM",
    Group::Momentum,
    "Minus directional movement, Wilder-smoothed",
    HIGH_LOW,
    DirectionalMovementParams::SPECS,
    OWN_LINE,
    kernel::<MinusDm>(),
)
.with_flags(UNSTABLE);
