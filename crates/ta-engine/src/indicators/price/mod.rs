//! Price transforms: one representative price per bar.

/// A stateless per-bar price formula as an indicator.
macro_rules! price_transform {
    ($(#[$doc:meta])* $ty:ident, $inputs:literal, |$bar:ident| $formula:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
        pub struct $ty;

        impl $crate::kernel::Indicator for $ty {
            const INPUTS: usize = $inputs;
            const OUTPUTS: usize = 1;
            const STATELESS: bool = true;
            fn from_params(_: &$crate::params::Params) -> Result<Self, $crate::TaError> {
                Ok($ty)
            }
            fn lookback(&self) -> usize {
                0
            }
            #[inline(always)]
            fn step(&mut self, $bar: &[f64], out: &mut [f64]) -> bool {
                out[0] = $formula;
                true
            }
        }
    };
}

mod avgdev;
mod avgprice;
mod ha;
mod medprice;
mod typprice;
mod wclprice;

pub use avgprice::AvgPrice;
pub use medprice::MedPrice;
pub use typprice::TypPrice;
pub use wclprice::WclPrice;

use crate::catalog::IndicatorSpec;

/// The family's catalog entries, in catalog order.
pub(crate) static SPECS: &[&IndicatorSpec] = &[
    &avgprice::SPEC,
    &medprice::SPEC,
    &typprice::SPEC,
    &wclprice::SPEC,
    &avgdev::SPEC,
    &ha::SPEC,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::Indicator;
    use crate::params::Params;

    fn one<I: Indicator>(row: &[f64]) -> f64 {
        let mut ind = I::from_params(&Params::defaults(&[])).unwrap();
        let mut out = [0.0];
        assert!(ind.step(row, &mut out));
        out[0]
    }

    #[test]
    fn price_transforms_of_one_bar() {
        // open 9, high 12, low 6, close 11
        assert_eq!(one::<AvgPrice>(&[9.0, 12.0, 6.0, 11.0]), 9.5);
        assert_eq!(one::<MedPrice>(&[12.0, 6.0]), 9.0);
        assert_eq!(one::<TypPrice>(&[12.0, 6.0, 12.0]), 10.0);
        assert_eq!(one::<WclPrice>(&[12.0, 6.0, 11.0]), 10.0);
    }
}
