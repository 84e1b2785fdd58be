//! Percentage volume oscillator.

use crate::catalog::deviations::FLAGGED_UNSTABLE;
use crate::catalog::{kernel, Group, IndicatorSpec, Input};
use crate::indicators::momentum::{Ppo, PriceOscillatorParams};
use crate::indicators::{OWN_LINE, UNSTABLE};

/// Catalog entry. TA-Lib 0.8.1's PVO is its PPO applied to volume (the same bits for every
/// parameter and type), so the state machine is PPO's.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "pvo",
    "PVO",
    Group::Volume,
    "Percentage volume oscillator: (fast - slow moving average of volume) / slow, in percent",
    &[Input::Volume],
    PriceOscillatorParams::SPECS,
    OWN_LINE,
    kernel::<Ppo>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[FLAGGED_UNSTABLE])
.with_levels(&[0.0]);
