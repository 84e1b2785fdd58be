//! Choppiness index over the true-range box (TA-Lib 0.8.3).

use super::choppiness::Choppiness;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW_CLOSE, OWN_LINE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct ChoptrParams {
        period: usize = period(14, 2),
    }
}

/// Choppiness index over the true-range box: summed true ranges against the highest true high less the lowest true low.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Choptr(Choppiness<true>);

impl Indicator for Choptr {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: ChoptrParams = params.get();
        Ok(Choptr(Choppiness::new(p.period)))
    }
    fn lookback(&self) -> usize {
        self.0.lookback()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        match self.0.update(bar[0], bar[1], bar[2]) {
            Some(v) => {
                out[0] = v;
                true
            }
            None => false,
        }
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "choptr",
    "CHOPTR",
    Group::Momentum,
    "Choppiness index over the true-range box: summed true ranges against the highest true high less the lowest true low",
    HIGH_LOW_CLOSE,
    ChoptrParams::SPECS,
    OWN_LINE,
    kernel::<Choptr>(),
)
.with_levels(&[38.2, 61.8]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows;

    #[test]
    fn the_box_spans_the_previous_close() {
        // Bar 2 gaps down from 11: true ranges 2 and 3 (8 to 11), box 12 - 8 = 4.
        let rows: [&[f64]; 3] = [&[10.0, 9.0, 10.0], &[12.0, 10.0, 11.0], &[9.0, 8.0, 9.0]];
        let got = run_rows::<Choptr>("choptr", &[2.0], &rows)[2].unwrap();
        assert!((got - 100.0 * (5.0_f64 / 4.0).log10() / 2.0_f64.log10()).abs() < 1e-12);
    }
}
