//! Cycle indicators: the Hilbert-transform family (dominant cycle period and phase, phasor, sine wave, trend mode, trend line) and MAMA.

use crate::catalog::IndicatorSpec;

/// The family's catalog entries, in catalog order.
pub(crate) static SPECS: &[&IndicatorSpec] = &[];
