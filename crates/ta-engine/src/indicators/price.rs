//! Price transforms: one representative price per bar.

use crate::catalog::{kernel, Group, IndicatorSpec, Input, MissingData, OutputSpec, Pane, Style};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// A stateless per-bar price formula as an indicator.
macro_rules! price_transform {
    ($(#[$doc:meta])* $ty:ident, $inputs:literal, |$bar:ident| $formula:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $ty;

        impl Indicator for $ty {
            const INPUTS: usize = $inputs;
            const OUTPUTS: usize = 1;
            fn from_params(_: &Params) -> Result<Self, TaError> {
                Ok($ty)
            }
            fn lookback(&self) -> usize {
                0
            }
            #[inline]
            fn step(&mut self, $bar: &[f64], out: &mut [f64]) -> bool {
                out[0] = $formula;
                true
            }
        }
    };
}

price_transform!(
    /// Average price (open + high + low + close) / 4, summed in TA-Lib's order.
    AvgPrice, 4, |bar| (bar[1] + bar[2] + bar[3] + bar[0]) / 4.0
);
price_transform!(
    /// Median price (high + low) / 2.
    MedPrice, 2, |bar| (bar[0] + bar[1]) / 2.0
);
price_transform!(
    /// Typical price (high + low + close) / 3.
    TypPrice, 3, |bar| (bar[0] + bar[1] + bar[2]) / 3.0
);
price_transform!(
    /// Weighted close price (high + low + 2·close) / 4.
    WclPrice, 3, |bar| (bar[0] + bar[1] + bar[2] * 2.0) / 4.0
);

const HLC: &[Input] = &[Input::High, Input::Low, Input::Close];
const PRICE_LINE: &[OutputSpec] = &[OutputSpec::new("value", "real", Pane::Price, Style::Line)];

const fn spec(
    name: &'static str,
    talib_name: &'static str,
    summary: &'static str,
    inputs: &'static [Input],
    kernel: crate::catalog::Kernel,
) -> IndicatorSpec {
    IndicatorSpec {
        name,
        talib_name,
        group: Group::Price,
        summary,
        inputs,
        params: &[],
        outputs: PRICE_LINE,
        flags: &[],
        missing_data: MissingData::SkipBar,
        kernel,
    }
}

pub(crate) static SPECS: &[IndicatorSpec] = &[
    spec(
        "avgprice",
        "AVGPRICE",
        "Average price: mean of open, high, low and close",
        &[Input::Open, Input::High, Input::Low, Input::Close],
        kernel::<AvgPrice>(),
    ),
    spec(
        "medprice",
        "MEDPRICE",
        "Median price: midpoint of high and low",
        &[Input::High, Input::Low],
        kernel::<MedPrice>(),
    ),
    spec(
        "typprice",
        "TYPPRICE",
        "Typical price: mean of high, low and close",
        HLC,
        kernel::<TypPrice>(),
    ),
    spec(
        "wclprice",
        "WCLPRICE",
        "Weighted close price: high, low and twice the close, over 4",
        HLC,
        kernel::<WclPrice>(),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

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
