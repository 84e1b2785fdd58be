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

/// Test support: steps single-output indicator `I` (catalog entry `name`) over rows of inputs;
/// `None` while warming up.
#[cfg(test)]
pub(crate) fn run_rows<I: crate::kernel::Indicator>(
    name: &str,
    params: &[f64],
    rows: &[&[f64]],
) -> Vec<Option<f64>> {
    let spec = crate::catalog::find(name).unwrap();
    let mut indicator = I::from_params(&spec.params(params).unwrap()).unwrap();
    let mut out = [0.0];
    rows.iter()
        .map(|row| indicator.step(row, &mut out).then_some(out[0]))
        .collect()
}
