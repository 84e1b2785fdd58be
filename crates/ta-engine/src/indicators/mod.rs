//! Indicator families, one module each; every module lists its catalog entries in `SPECS`.

pub mod directional;
pub mod ma;
pub mod momentum;
pub mod overlap;
pub mod price;
pub mod statistic;
pub mod volatility;
pub mod volume;

use crate::catalog::IndicatorSpec;

/// Every catalog entry, family by family (TA-Lib's grouping).
pub(crate) fn all() -> impl Iterator<Item = &'static IndicatorSpec> {
    [
        overlap::SPECS,
        momentum::SPECS,
        directional::SPECS,
        volatility::SPECS,
        volume::SPECS,
        statistic::SPECS,
        price::SPECS,
    ]
    .into_iter()
    .flatten()
}
