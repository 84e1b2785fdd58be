//! Stochastic %K and %D, shared by STOCH, STOCHF and STOCHRSI.

use crate::params::MaType;
use crate::primitives::average::{MovingAverage, Smoother};
use crate::primitives::{percent_of_range, significant_range, RunningExtreme};

/// Stochastic fast %K: where the close sits in the high-low range of the last `period` bars,
/// in percent; zero when the range is (relatively) empty.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct FastK {
    highs: RunningExtreme<true>,
    lows: RunningExtreme<false>,
}

impl FastK {
    pub(crate) fn new(period: usize) -> Self {
        FastK {
            highs: RunningExtreme::new(period),
            lows: RunningExtreme::new(period),
        }
    }

    pub(crate) fn lookback(&self) -> usize {
        self.highs.period() - 1
    }

    #[inline(always)]
    pub(crate) fn update(&mut self, high: f64, low: f64, close: f64) -> Option<f64> {
        self.highs.push(high);
        if !self.lows.push(low) {
            return None;
        }
        let (highest, lowest) = (self.highs.value(), self.lows.value());
        Some(match significant_range(highest, lowest) {
            Some(range) => percent_of_range(close - lowest, range),
            None => 0.0,
        })
    }
}

/// Fast %K and its moving average %D (STOCHF, and STOCHRSI over the RSI line).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct FastStochastic {
    fast_k: FastK,
    fast_d: MovingAverage,
}

impl FastStochastic {
    pub(crate) fn new(fastk_period: usize, fastd_period: usize, fastd_type: MaType) -> Self {
        FastStochastic {
            fast_k: FastK::new(fastk_period),
            fast_d: MovingAverage::new(fastd_type, fastd_period),
        }
    }

    pub(crate) fn lookback(&self) -> usize {
        self.fast_k.lookback() + self.fast_d.lookback()
    }

    /// Writes `(fastk, fastd)` once %D exists; %K is withheld until then.
    #[inline(always)]
    pub(crate) fn step(&mut self, high: f64, low: f64, close: f64, out: &mut [f64]) -> bool {
        let Some(k) = self.fast_k.update(high, low, close) else {
            return false;
        };
        let Some(d) = self.fast_d.update(k) else {
            return false;
        };
        out[0] = k;
        out[1] = d;
        true
    }
}
