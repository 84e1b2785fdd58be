//! Plus directional movement.

use super::movement::{DirectionalMovement, DirectionalMovementParams};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW, OWN_LINE, UNSTABLE};

/// +DM, the smoothed upward directional movement.
pub type PlusDm = DirectionalMovement<true>;

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "plus_dm",
    "PLUS_DM",
    Group::Momentum,
    "Plus directional movement, Wilder-smoothed",
    HIGH_LOW,
    DirectionalMovementParams::SPECS,
    OWN_LINE,
    kernel::<PlusDm>(),
)
.with_flags(UNSTABLE);
