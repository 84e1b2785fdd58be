//! Math operators: elementwise arithmetic of two series and rolling sums, extremes and their indices.

use crate::catalog::IndicatorSpec;

/// The family's catalog entries, in catalog order.
pub(crate) static SPECS: &[&IndicatorSpec] = &[];
