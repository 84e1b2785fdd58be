//! Math transforms: one elementwise function of one series (TA-Lib's ACOS ... TANH).
//!
//! The transcendental functions call the platform libm through `std` (`f64::acos` is the C
//! `acos`, ...): on Linux that is glibc's, the very routines TA-Lib's wheel calls, so the
//! results are TA-Lib's bits. An input outside a function's domain (ACOS(2), LN(-1)) has no
//! value: where TA-Lib gives NaN, that row is missing (null), like a warm-up row.

/// A stateless function of one value as an indicator (lookback 0).
macro_rules! math_transform {
    ($(#[$doc:meta])* $ty:ident, |$x:ident| $formula:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
        pub struct $ty;

        impl $crate::kernel::Indicator for $ty {
            const INPUTS: usize = 1;
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
                let $x = bar[0];
                out[0] = $formula;
                !out[0].is_nan()
            }
        }
    };
}

mod acos;
mod asin;
mod atan;
mod ceil;
mod cos;
mod cosh;
mod exp;
mod floor;
mod ln;
mod log10;
mod sin;
mod sinh;
mod sqrt;
mod tan;
mod tanh;

pub use acos::Acos;
pub use asin::Asin;
pub use atan::Atan;
pub use ceil::Ceil;
pub use cos::Cos;
pub use cosh::Cosh;
pub use exp::Exp;
pub use floor::Floor;
pub use ln::Ln;
pub use log10::Log10;
pub use sin::Sin;
pub use sinh::Sinh;
pub use sqrt::Sqrt;
pub use tan::Tan;
pub use tanh::Tanh;

use crate::catalog::IndicatorSpec;

/// The family's catalog entries, in catalog order.
pub(crate) static SPECS: &[&IndicatorSpec] = &[
    &acos::SPEC,
    &asin::SPEC,
    &atan::SPEC,
    &ceil::SPEC,
    &cos::SPEC,
    &cosh::SPEC,
    &exp::SPEC,
    &floor::SPEC,
    &ln::SPEC,
    &log10::SPEC,
    &sin::SPEC,
    &sinh::SPEC,
    &sqrt::SPEC,
    &tan::SPEC,
    &tanh::SPEC,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows;
    use crate::kernel::Indicator;

    /// The transform of each value, through the catalog entry `name`.
    fn apply<I: Indicator>(name: &str, xs: &[f64]) -> Vec<f64> {
        let rows: Vec<[f64; 1]> = xs.iter().map(|&x| [x]).collect();
        let rows: Vec<&[f64]> = rows.iter().map(|r| r.as_slice()).collect();
        run_rows::<I>(name, &[], &rows)
            .into_iter()
            .map(|v| v.expect("lookback 0: every bar has a value"))
            .collect()
    }

    #[test]
    fn values_inside_the_domains() {
        assert_eq!(
            apply::<Acos>("acos", &[1.0, -1.0]),
            [0.0, std::f64::consts::PI]
        );
        assert_eq!(
            apply::<Asin>("asin", &[0.0, 1.0]),
            [0.0, std::f64::consts::FRAC_PI_2]
        );
        assert_eq!(
            apply::<Atan>("atan", &[0.0, 1.0]),
            [0.0, std::f64::consts::FRAC_PI_4]
        );
        assert_eq!(apply::<Ceil>("ceil", &[1.2, -1.2, 3.0]), [2.0, -1.0, 3.0]);
        assert_eq!(apply::<Floor>("floor", &[1.2, -1.2, 3.0]), [1.0, -2.0, 3.0]);
        assert_eq!(apply::<Cos>("cos", &[0.0]), [1.0]);
        assert_eq!(apply::<Sin>("sin", &[0.0]), [0.0]);
        assert_eq!(apply::<Tan>("tan", &[0.0]), [0.0]);
        assert_eq!(apply::<Cosh>("cosh", &[0.0]), [1.0]);
        assert_eq!(apply::<Sinh>("sinh", &[0.0]), [0.0]);
        assert_eq!(apply::<Tanh>("tanh", &[0.0, 1e3]), [0.0, 1.0]);
        assert_eq!(apply::<Exp>("exp", &[0.0, 1.0]), [1.0, std::f64::consts::E]);
        assert_eq!(apply::<Ln>("ln", &[1.0, std::f64::consts::E]), [0.0, 1.0]);
        assert_eq!(apply::<Log10>("log10", &[1.0, 1000.0]), [0.0, 3.0]);
        assert_eq!(apply::<Sqrt>("sqrt", &[4.0, 2.25]), [2.0, 1.5]);
    }

    /// Each value's transform, or `None` where it has none.
    fn partial<I: Indicator>(name: &str, xs: &[f64]) -> Vec<Option<f64>> {
        let rows: Vec<[f64; 1]> = xs.iter().map(|&x| [x]).collect();
        let rows: Vec<&[f64]> = rows.iter().map(|r| r.as_slice()).collect();
        run_rows::<I>(name, &[], &rows)
    }

    #[test]
    fn values_outside_the_domains_are_missing_or_infinite_as_in_talib() {
        // TA-Lib's NaN (no value) is a missing row, also between valid rows.
        assert_eq!(
            partial::<Acos>("acos", &[1.0, 2.0, 1.0]),
            [Some(0.0), None, Some(0.0)]
        );
        assert_eq!(partial::<Asin>("asin", &[-1.5]), [None]);
        assert_eq!(partial::<Ln>("ln", &[-1.0]), [None]);
        assert_eq!(partial::<Log10>("log10", &[-1.0]), [None]);
        assert_eq!(partial::<Sqrt>("sqrt", &[-4.0]), [None]);
        let batch = crate::catalog::find("sqrt")
            .unwrap()
            .run(&[], &[&[4.0, -1.0, 9.0]], None)
            .unwrap();
        assert_eq!(batch.validity.to_mask(3), [true, false, true]);
        assert_eq!(apply::<Ln>("ln", &[0.0]), [f64::NEG_INFINITY]);
        assert_eq!(apply::<Exp>("exp", &[1e3]), [f64::INFINITY]);
        assert_eq!(apply::<Cosh>("cosh", &[1e3]), [f64::INFINITY]);
    }
}
