//! Signals: the stateful building blocks of trading rules (a strategy DSL's built-ins), which
//! TA-Lib does not have. Each is one of our own entries (origin `laakhay`, no TA-Lib name):
//! the rules in its documentation are the reference. They skip incomplete bars like every
//! entry, so "the previous bar" and "`period` bars ago" count complete bars only: the result
//! equals computing on the series without the skipped rows.
//!
//! Boolean inputs (entries, exits) arrive as numbers: 0 is false, any other number true.

/// A crossing of two series as an indicator: true on the bar where `$rule` holds for this
/// bar's pair `($a, $b)` and the previous complete bar's `($pa, $pb)`, lookback 1.
macro_rules! cross_indicator {
    ($(#[$doc:meta])* $ty:ident, |$a:ident, $b:ident, $pa:ident, $pb:ident| $rule:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
        pub struct $ty {
            /// The previous complete bar's two values.
            previous: Option<[f64; 2]>,
        }

        impl $crate::kernel::Indicator for $ty {
            const INPUTS: usize = 2;
            const OUTPUTS: usize = 1;
            fn from_params(_: &$crate::params::Params) -> Result<Self, $crate::TaError> {
                Ok($ty { previous: None })
            }
            fn lookback(&self) -> usize {
                1
            }
            #[inline(always)]
            fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
                let ($a, $b) = (bar[0], bar[1]);
                let Some([$pa, $pb]) = self.previous.replace([$a, $b]) else {
                    return false;
                };
                out[0] = f64::from(u8::from($rule));
                true
            }
        }
    };
}

mod crosses;
mod crosses_above;
mod crosses_below;
mod lag;
mod position;

pub use crosses::Crosses;
pub use crosses_above::CrossesAbove;
pub use crosses_below::CrossesBelow;
pub use lag::{Lag, LagParams};
pub use position::Position;

use crate::catalog::{IndicatorSpec, OutputSpec, Pane, Style};

/// The one output of the crossings: true on the bar of a crossing.
const CROSSING: &[OutputSpec] = &[OutputSpec::own("value", Pane::Own, Style::Histogram).boolean()];

/// The family's catalog entries, in catalog order.
pub(crate) static SPECS: &[&IndicatorSpec] = &[
    &lag::SPEC,
    &crosses_above::SPEC,
    &crosses_below::SPEC,
    &crosses::SPEC,
    &position::SPEC,
];

/// Test support: steps a two-input boolean indicator over `(a, b)` pairs; `None` while
/// warming up.
#[cfg(test)]
fn crossings<I: crate::kernel::Indicator>(name: &str, pairs: &[(f64, f64)]) -> Vec<Option<bool>> {
    let rows: Vec<[f64; 2]> = pairs.iter().map(|&(a, b)| [a, b]).collect();
    let rows: Vec<&[f64]> = rows.iter().map(|r| &r[..]).collect();
    crate::indicators::run_rows::<I>(name, &[], &rows)
        .into_iter()
        .map(|v| v.map(|x| x != 0.0))
        .collect()
}
