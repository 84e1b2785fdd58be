//! Candlestick pattern recognition: one Int32 signal per bar (+-100, +-80, +-200).

use crate::catalog::IndicatorSpec;

/// The family's catalog entries, in catalog order.
pub(crate) static SPECS: &[&IndicatorSpec] = &[];
