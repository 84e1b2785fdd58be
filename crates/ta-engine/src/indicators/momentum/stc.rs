//! Schaff trend cycle (TA-Lib 0.8.3).

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::average::Smoother;
use crate::primitives::beta_ema::BetaEma;
use crate::primitives::{Highest, Lowest};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct StcParams {
        fast_period: usize = int("fastperiod", 23, 2, "period of the fast EMA"),
        slow_period: usize = int("slowperiod", 50, 2, "period of the slow EMA"),
        cycle_period: usize = int("cycleperiod", 10, 2, "window of both stochastic stages"),
    }
}

/// One stochastic stage: the value's position in its window (held when the window is
/// flat, 0 before any), smoothed by `fma(½, pos - prev, prev)` from its first value.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct Stage {
    highs: Highest,
    lows: Lowest,
    fraction: f64,
    smoothed: Option<f64>,
}

impl Stage {
    fn new(cycle: usize) -> Self {
        Stage {
            highs: Highest::new(cycle),
            lows: Lowest::new(cycle),
            fraction: 0.0,
            smoothed: None,
        }
    }

    #[inline(always)]
    fn update(&mut self, x: f64) -> Option<f64> {
        self.highs.push(x);
        if !self.lows.push(x) {
            return None;
        }
        let (highest, lowest) = (self.highs.value(), self.lows.value());
        let range = highest - lowest;
        // An exact test: a saturated trend leaves the second range at exactly 0.
        if range > 0.0 {
            self.fraction = (x - lowest) / range * 100.0;
        }
        let smoothed = match self.smoothed {
            None => self.fraction,
            Some(prev) => 0.5_f64.mul_add(self.fraction - prev, prev),
        };
        self.smoothed = Some(smoothed);
        Some(smoothed)
    }
}

/// Schaff trend cycle: the MACD line (fast EMA - slow EMA) put through two smoothed
/// stochastic stages over `cycle_period` bars.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Stc {
    fast: BetaEma,
    slow: BetaEma,
    /// Bars before the fast EMA starts, so that both EMAs seed on the same bar.
    fast_delay: usize,
    bars: usize,
    line: Stage,
    signal: Stage,
    lookback: usize,
}

impl Indicator for Stc {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: StcParams = params.get();
        let (fast, slow) = if p.slow_period < p.fast_period {
            (p.slow_period, p.fast_period)
        } else {
            (p.fast_period, p.slow_period)
        };
        Ok(Stc {
            fast: BetaEma::new(fast),
            slow: BetaEma::new(slow),
            fast_delay: slow - fast,
            bars: 0,
            line: Stage::new(p.cycle_period),
            signal: Stage::new(p.cycle_period),
            lookback: slow - 1 + 2 * (p.cycle_period - 1),
        })
    }
    fn lookback(&self) -> usize {
        self.lookback
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let x = bar[0];
        let now = self.bars;
        self.bars += 1;
        let slow = self.slow.update(x);
        if now < self.fast_delay {
            return false;
        }
        let (Some(fast), Some(slow)) = (self.fast.update(x), slow) else {
            return false;
        };
        let Some(pf) = self.line.update(fast - slow) else {
            return false;
        };
        match self.signal.update(pf) {
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
    "stc",
    "STC",
    Group::Momentum,
    "Schaff trend cycle: the MACD line through two smoothed stochastic stages, 0 to 100",
    REAL,
    StcParams::SPECS,
    OWN_LINE,
    kernel::<Stc>(),
)
.with_flags(UNSTABLE)
.with_levels(&[25.0, 75.0]);

#[cfg(test)]
mod tests {
    #[test]
    fn a_steady_rise_saturates() {
        let spec = crate::catalog::find("stc").unwrap();
        let params = [2.0, 3.0, 2.0];
        assert_eq!(spec.lookback(&params).unwrap(), 4);
        let x: Vec<f64> = (0..30).map(|i| 1.05_f64.powi(i)).collect();
        let batch = spec.run(&params, &[&x], None).unwrap();
        // The MACD line of an exponential rise keeps rising, so the first stage reads 100
        // from its first value on; the second stage's window is then flat from the start
        // and holds its initial fraction, 0 (as TA-Lib 0.8.3 does).
        assert!(batch.outputs[0][4..].iter().all(|v| *v == 0.0));
    }
}
