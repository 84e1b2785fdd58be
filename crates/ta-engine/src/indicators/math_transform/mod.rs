//! Math transforms: one elementwise function of one series (TA-Lib's ACOS ... TANH).

use crate::catalog::IndicatorSpec;

/// The family's catalog entries, in catalog order.
pub(crate) static SPECS: &[&IndicatorSpec] = &[];
