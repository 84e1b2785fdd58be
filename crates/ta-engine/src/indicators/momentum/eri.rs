//! Elder ray index.

use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::HIGH_LOW_CLOSE;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::average::{Ema, Smoother};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct EriParams {
        period: usize = period(13, 1),
    }
}

/// Elder ray index: the high and the low measured from an EMA of the close (a period of 1
/// copies the close, as TA-Lib's EMA does).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Eri(Ema);

impl Indicator for Eri {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 2;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: EriParams = params.get();
        Ok(Eri(Ema::copying_at_one(p.period)))
    }
    fn lookback(&self) -> usize {
        self.0.lookback()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let Some(ema) = self.0.update(bar[2]) else {
            return false;
        };
        out[0] = bar[0] - ema;
        out[1] = bar[1] - ema;
        true
    }
}

const OUTPUTS: &[OutputSpec] = &[
    OutputSpec::new("bull_power", "bullpower", Pane::Own, Style::Histogram),
    OutputSpec::new("bear_power", "bearpower", Pane::Own, Style::Histogram),
];

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "eri",
    "ERI",
    Group::Momentum,
    "Elder ray index: bull power (high - EMA of close) and bear power (low - EMA of close)",
    HIGH_LOW_CLOSE,
    EriParams::SPECS,
    OUTPUTS,
    kernel::<Eri>(),
)
.with_flags(crate::indicators::UNSTABLE)
.with_deviations(&[crate::catalog::deviations::FLAGGED_UNSTABLE]);

#[cfg(test)]
mod tests {
    use crate::catalog::find;

    #[test]
    fn high_and_low_from_the_average() {
        let (high, low, close) = ([5.0, 6.0, 9.0], [1.0, 2.0, 3.0], [3.0, 5.0, 8.0]);
        let out = find("eri")
            .unwrap()
            .run(&[2.0], &[&high, &low, &close], None)
            .unwrap();
        // EMA(2) seeds at 4 on bar 1, then 4 + (8 - 4)·2/3.
        let ema = 4.0 + 4.0 * (2.0 / 3.0);
        assert_eq!(out.outputs[0][1..], [2.0, 9.0 - ema]);
        assert_eq!(out.outputs[1][1..], [-2.0, 3.0 - ema]);
    }
}
