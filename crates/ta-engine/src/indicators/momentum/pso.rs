//! Premier stochastic oscillator (TA-Lib 0.8.3).

use crate::catalog::deviations::FLAGGED_UNSTABLE;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW_CLOSE, OWN_LINE, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::average::Smoother;
use crate::primitives::beta_ema::BetaEma;
use crate::primitives::{is_tiny_against, Highest, Lowest};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct PsoParams {
        fastk_period: usize = int("fastk_period", 8, 1, "time period for building the fast-K line"),
        ema_period: usize = int("emaperiod", 5, 1, "period of each of the two EMA smoothing passes"),
    }
}

/// Premier stochastic oscillator (Leibfarth): the fast %K normalised to ±5
/// (`0.1·(%K - 50)`), smoothed by two EMAs and squashed to (-1, 1) by `tanh(½·x)`.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Pso {
    highs: Highest,
    lows: Lowest,
    first: BetaEma,
    second: BetaEma,
}

impl Indicator for Pso {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: PsoParams = params.get();
        Ok(Pso {
            highs: Highest::new(p.fastk_period),
            lows: Lowest::new(p.fastk_period),
            first: BetaEma::new(p.ema_period),
            second: BetaEma::new(p.ema_period),
        })
    }
    fn lookback(&self) -> usize {
        self.highs.period() - 1 + self.first.lookback() + self.second.lookback()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        self.highs.push(bar[0]);
        if !self.lows.push(bar[1]) {
            return false;
        }
        let (highest, lowest) = (self.highs.value(), self.lows.value());
        let range = highest - lowest;
        let fast_k = if is_tiny_against(range, highest.abs() + lowest.abs()) {
            50.0
        } else {
            (bar[2] - lowest) / range * 100.0
        };
        let Some(first) = self.first.update(0.1 * (fast_k - 50.0)) else {
            return false;
        };
        let Some(second) = self.second.update(first) else {
            return false;
        };
        out[0] = (0.5 * second).tanh();
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "pso",
    "PSO",
    Group::Momentum,
    "Premier stochastic oscillator: double-EMA-smoothed normalised %K squashed by tanh",
    HIGH_LOW_CLOSE,
    PsoParams::SPECS,
    OWN_LINE,
    kernel::<Pso>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[FLAGGED_UNSTABLE])
.with_levels(&[-0.9, -0.2, 0.2, 0.9]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows;

    #[test]
    fn close_at_the_high_saturates() {
        // Fast-K 100 throughout: 0.1 · 50 = 5, so PSO = tanh(2.5).
        let rows: Vec<[f64; 3]> = (0..6)
            .map(|i| [i as f64 + 1.0, i as f64, i as f64 + 1.0])
            .collect();
        let rows: Vec<&[f64]> = rows.iter().map(|r| r.as_slice()).collect();
        let got = run_rows::<Pso>("pso", &[2.0, 2.0], &rows);
        assert_eq!(got[..3], [None; 3]);
        assert!(got[3..]
            .iter()
            .all(|v| (v.unwrap() - 2.5_f64.tanh()).abs() < 1e-15));
    }
}
