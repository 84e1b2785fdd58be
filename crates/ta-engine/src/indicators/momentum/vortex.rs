//! Vortex indicator.

use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::HIGH_LOW_CLOSE;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::{true_range, PrevBar, Ring};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct VortexParams {
        period: usize = period(14, 1),
    }
}

/// Vortex indicator: window sums of |high - previous low| and |low - previous high|, each over
/// the window sum of the true range (0 for a zero sum). As in TA-Lib, a window of
/// `period` zero true ranges clears the true-range sum's rounding residue.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Vortex {
    prev: PrevBar,
    /// Each bar's (true range, +VM, -VM), the last `period` bars.
    terms: [Ring; 3],
    sums: [f64; 3],
    zero_run: usize,
}

impl Indicator for Vortex {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 2;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: VortexParams = params.get();
        Ok(Vortex {
            prev: PrevBar::new(),
            terms: std::array::from_fn(|_| Ring::new(p.period)),
            sums: [0.0; 3],
            zero_run: 0,
        })
    }
    fn lookback(&self) -> usize {
        self.terms[0].capacity()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (high, low, close) = (bar[0], bar[1], bar[2]);
        let Some((prev_high, prev_low, prev_close)) = self.prev.swap(high, low, close) else {
            return false;
        };
        let tr = true_range(high, low, prev_close);
        let terms = [tr, (high - prev_low).abs(), (low - prev_high).abs()];
        for ((ring, sum), term) in self.terms.iter_mut().zip(&mut self.sums).zip(terms) {
            ring.push(term);
            *sum += term;
        }
        self.zero_run = if tr == 0.0 { self.zero_run + 1 } else { 0 };
        let period = self.terms[0].capacity();
        if !self.terms[0].is_full() {
            return false;
        }
        if self.zero_run >= period {
            self.zero_run = period;
            self.sums[0] = 0.0;
        }
        let [tr_sum, plus, minus] = self.sums;
        (out[0], out[1]) = if tr_sum > 0.0 {
            (plus / tr_sum, minus / tr_sum)
        } else {
            (0.0, 0.0)
        };
        // The oldest bar's terms leave before the next bar's arrive (TA-Lib's order).
        for (ring, sum) in self.terms.iter().zip(&mut self.sums) {
            *sum -= ring.oldest();
        }
        true
    }
}

const OUTPUTS: &[OutputSpec] = &[
    OutputSpec::new("plus_vi", "plusvi", Pane::Own, Style::Line),
    OutputSpec::new("minus_vi", "minusvi", Pane::Own, Style::Line),
];

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "vortex",
    "VORTEX",
    Group::Momentum,
    "Vortex indicator: upward and downward vortex movement over true range, summed over the window",
    HIGH_LOW_CLOSE,
    VortexParams::SPECS,
    OUTPUTS,
    kernel::<Vortex>(),
);

#[cfg(test)]
mod tests {
    use crate::catalog::find;

    #[test]
    fn movement_over_true_range() {
        let high = [10.0, 12.0, 11.0];
        let low = [8.0, 9.0, 9.0];
        let close = [9.0, 11.0, 10.0];
        let out = find("vortex")
            .unwrap()
            .run(&[1.0], &[&high, &low, &close], None)
            .unwrap();
        // Bar 1: TR 3, +VM |12 - 8| = 4, -VM |9 - 10| = 1. Bar 2: TR 2, +VM 2, -VM 3.
        assert_eq!(out.outputs[0][1..], [4.0 / 3.0, 1.0]);
        assert_eq!(out.outputs[1][1..], [1.0 / 3.0, 1.5]);
    }
}
