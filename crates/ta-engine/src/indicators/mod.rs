//! Indicator families, one module each; every module lists its catalog entries in `SPECS`.

pub mod ma;
pub mod overlap;

use crate::catalog::IndicatorSpec;

/// Every catalog entry, family by family.
pub(crate) fn all() -> impl Iterator<Item = &'static IndicatorSpec> {
    [overlap::SPECS].into_iter().flatten()
}
