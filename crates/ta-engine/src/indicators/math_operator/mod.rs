//! Math operators: elementwise arithmetic of two series and rolling sums, extremes and their indices.
//!
//! MAX, MIN and MINMAX resolve their values as TA-Lib 0.8.1's block algorithm does
//! ([`BlockExtreme`]), the index outputs as TA-Lib's rescanning one does ([`ExtremeIndex`]):
//! the two differ on ties (the sign of a zero, which of equal values is reported).
//!
//! The index outputs (MAXINDEX, MININDEX, MINMAXINDEX) count the bars the state machine has
//! consumed since the series started, 0 for the first: TA-Lib's absolute row index on a series
//! without missing rows, and TA-Lib's index on the compacted series otherwise (a skipped bar
//! is not counted).

/// A stateless function of two values as an indicator (lookback 0).
macro_rules! math_operator {
    ($(#[$doc:meta])* $ty:ident, |$a:ident, $b:ident| $formula:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
        pub struct $ty;

        impl $crate::kernel::Indicator for $ty {
            const INPUTS: usize = 2;
            const OUTPUTS: usize = 1;
            // A NaN result (outside the domain, 0/0) is a missing row.
            const GAPS: bool = true;
            const STATELESS: bool = true;
            fn from_params(_: &$crate::params::Params) -> Result<Self, $crate::TaError> {
                Ok($ty)
            }
            fn lookback(&self) -> usize {
                0
            }
            #[inline(always)]
            fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
                let ($a, $b) = (bar[0], bar[1]);
                out[0] = $formula;
                !out[0].is_nan()
            }
        }
    };
}

mod add;
mod block_extreme;
mod cumsum;
mod div;
mod extreme_index;
mod max;
mod maxindex;
mod min;
mod minindex;
mod minmax;
mod minmaxindex;
mod mult;
mod sub;
mod sum;

pub use add::Add;
pub use block_extreme::{BlockExtreme, BlockHighest, BlockLowest};
pub use cumsum::CumSum;
pub use div::Div;
pub use extreme_index::{ExtremeIndex, HighestIndex, LowestIndex};
pub use max::Max;
pub use maxindex::MaxIndex;
pub use min::Min;
pub use minindex::MinIndex;
pub use minmax::MinMax;
pub use minmaxindex::MinMaxIndex;
pub use mult::Mult;
pub use sub::Sub;
pub use sum::Sum;

use crate::catalog::{IndicatorSpec, OutputSpec, Pane, Style};

/// The one output of MAXINDEX and MININDEX: a bar index.
const INDEX: &[OutputSpec] =
    &[OutputSpec::new("value", "integer", Pane::Own, Style::Line).integer()];

typed_params! {
    /// Parameters of the rolling operators (SUM, MAX, MIN and the index variants).
    pub struct WindowParams {
        period: usize = period(30, 2),
    }
}

/// The family's catalog entries, in catalog order.
pub(crate) static SPECS: &[&IndicatorSpec] = &[
    &add::SPEC,
    &sub::SPEC,
    &mult::SPEC,
    &div::SPEC,
    &sum::SPEC,
    &max::SPEC,
    &min::SPEC,
    &maxindex::SPEC,
    &minindex::SPEC,
    &minmax::SPEC,
    &minmaxindex::SPEC,
    &cumsum::SPEC,
];
