//! KDJ, the slow stochastic with a J line.

use super::stoch::Stoch;
use super::FASTK_PERIOD_DOC;
use crate::catalog::deviations::FLAGGED_UNSTABLE;
use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::{HIGH_LOW_CLOSE, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::{MaType, Params};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order (STOCH's, with KDJ's defaults).
    pub struct KdjParams {
        fastk_period: usize = int("fastk_period", 9, 1, FASTK_PERIOD_DOC),
        slowk_period: usize = int("slowk_period", 3, 1, "bars in the moving average of %K (K)"),
        slowk_ma_type: MaType = ma_type("slowk_matype", MaType::Rma),
        slowd_period: usize = int("slowd_period", 3, 1, "bars in the moving average of K (D)"),
        slowd_ma_type: MaType = ma_type("slowd_matype", MaType::Rma),
    }
}

/// KDJ: the slow stochastic's K and D, and J = 3·K - 2·D.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Kdj(Stoch);

impl Indicator for Kdj {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 3;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        // The parameters are STOCH's, in STOCH's order.
        Ok(Kdj(Stoch::from_params(params)?))
    }
    fn lookback(&self) -> usize {
        self.0.lookback()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        if !self.0.step(bar, &mut out[..2]) {
            return false;
        }
        out[2] = 3.0 * out[0] - 2.0 * out[1];
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "kdj",
    "KDJ",
    Group::Momentum,
    "KDJ: slow stochastic K and D with J = 3K - 2D",
    HIGH_LOW_CLOSE,
    KdjParams::SPECS,
    &[
        OutputSpec::new("k", "k", Pane::Own, Style::Line),
        OutputSpec::new("d", "d", Pane::Own, Style::Line),
        OutputSpec::new("j", "j", Pane::Own, Style::DashedLine),
    ],
    kernel::<Kdj>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[FLAGGED_UNSTABLE])
.with_levels(&[20.0, 80.0]);

#[cfg(test)]
mod tests {
    use crate::catalog::find;

    #[test]
    fn j_extends_k_away_from_d() {
        let n = 40;
        let close: Vec<f64> = (0..n)
            .map(|i| 50.0 + (i as f64 * 0.4).sin() * 5.0)
            .collect();
        let high: Vec<f64> = close.iter().map(|c| c + 1.0).collect();
        let low: Vec<f64> = close.iter().map(|c| c - 1.0).collect();
        let params = [9.0, 3.0, 0.0, 3.0, 0.0];
        let kdj = find("kdj")
            .unwrap()
            .run(&params, &[&high, &low, &close], None);
        let stoch = find("stoch")
            .unwrap()
            .run(&params, &[&high, &low, &close], None);
        let (kdj, stoch) = (kdj.unwrap(), stoch.unwrap());
        assert_eq!(kdj.validity, stoch.validity);
        for row in 12..n {
            assert_eq!(kdj.outputs[0][row], stoch.outputs[0][row]);
            assert_eq!(kdj.outputs[1][row], stoch.outputs[1][row]);
            let (k, d) = (kdj.outputs[0][row], kdj.outputs[1][row]);
            assert_eq!(kdj.outputs[2][row], 3.0 * k - 2.0 * d);
        }
    }
}
