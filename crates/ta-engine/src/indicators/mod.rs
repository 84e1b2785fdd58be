//! Indicator families, one folder each and one file per indicator; every family lists its
//! catalog entries in `SPECS`.

pub mod cycle;
pub mod directional;
pub mod extra;
pub mod math_operator;
pub mod math_transform;
pub mod momentum;
pub mod overlap;
pub mod pattern;
pub mod price;
pub mod session;
pub mod signal;
pub mod statistic;
pub mod volatility;
pub mod volume;

use crate::catalog::{Flag, IndicatorSpec, Input, OutputSpec, Pane, Style};

// Input lists, outputs and flags many entries share.
pub(crate) const REAL: &[Input] = &[Input::Real];
pub(crate) const PAIR: &[Input] = &[Input::Real0, Input::Real1];
pub(crate) const REAL_VOLUME: &[Input] = &[Input::Real, Input::Volume];
pub(crate) const HIGH_LOW: &[Input] = &[Input::High, Input::Low];
pub(crate) const HIGH_LOW_CLOSE: &[Input] = &[Input::High, Input::Low, Input::Close];
pub(crate) const HIGH_LOW_CLOSE_VOLUME: &[Input] =
    &[Input::High, Input::Low, Input::Close, Input::Volume];
pub(crate) const OPEN_HIGH_LOW_CLOSE: &[Input] =
    &[Input::Open, Input::High, Input::Low, Input::Close];
pub(crate) const OWN_LINE: &[OutputSpec] =
    &[OutputSpec::new("value", "real", Pane::Own, Style::Line)];
pub(crate) const PRICE_LINE: &[OutputSpec] =
    &[OutputSpec::new("value", "real", Pane::Price, Style::Line)];
pub(crate) const UNSTABLE: &[Flag] = &[Flag::UnstablePeriod];
pub(crate) const CUMULATIVE: &[Flag] = &[Flag::Cumulative];
pub(crate) const ELEMENTWISE: &[Flag] = &[Flag::Elementwise];

/// Every catalog entry, family by family (TA-Lib's grouping, then our own families).
pub(crate) fn all() -> impl Iterator<Item = &'static IndicatorSpec> {
    [
        overlap::SPECS,
        momentum::SPECS,
        directional::SPECS,
        volatility::SPECS,
        volume::SPECS,
        statistic::SPECS,
        price::SPECS,
        cycle::SPECS,
        math_transform::SPECS,
        math_operator::SPECS,
        pattern::SPECS,
        signal::SPECS,
        session::SPECS,
        extra::SPECS,
    ]
    .into_iter()
    .flatten()
    .copied()
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

/// Test support: like [`run_rows`], every output per row (multi-output indicators); `None`
/// while there is no value.
#[cfg(test)]
pub(crate) fn run_all<I: crate::kernel::Indicator>(
    name: &str,
    params: &[f64],
    rows: &[Vec<f64>],
) -> Vec<Option<Vec<f64>>> {
    let spec = crate::catalog::find(name).unwrap();
    let mut indicator = I::from_params(&spec.params(params).unwrap()).unwrap();
    let mut out = vec![0.0; I::OUTPUTS];
    rows.iter()
        .map(|row| indicator.step(row, &mut out).then(|| out.clone()))
        .collect()
}
