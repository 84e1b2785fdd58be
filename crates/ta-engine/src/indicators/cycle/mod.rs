//! Cycle indicators: the Hilbert-transform family (dominant cycle period and phase, phasor, sine wave, trend mode, trend line) and MAMA.

mod swak_2php;
mod swak_bp;
mod swak_hp;

pub use swak_2php::{Swak2php, Swak2phpParams};
pub use swak_bp::{SwakBp, SwakBpParams};
pub use swak_hp::{SwakHp, SwakHpParams};

use crate::catalog::IndicatorSpec;

/// The family's catalog entries, in catalog order.
pub(crate) static SPECS: &[&IndicatorSpec] = &[&swak_2php::SPEC, &swak_bp::SPEC, &swak_hp::SPEC];
