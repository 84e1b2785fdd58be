//! (being written)

use crate::catalog::IndicatorSpec;

pub(crate) static SPECS: &[IndicatorSpec] = &[];
