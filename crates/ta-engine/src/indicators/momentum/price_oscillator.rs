//! Fast and slow moving averages, shared by APO and PPO.

use super::{FAST_PERIOD_DOC, SLOW_PERIOD_DOC};
use crate::params::{MaType, Params};
use crate::primitives::average::{MovingAverage, Smoother};

typed_params! {
    /// APO's and PPO's parameters, in catalog order.
    pub struct PriceOscillatorParams {
        fast_period: usize = int("fastperiod", 12, 2, FAST_PERIOD_DOC),
        slow_period: usize = int("slowperiod", 26, 2, SLOW_PERIOD_DOC),
        ma_type: MaType = ma_type("matype", MaType::Ema),
    }
}

/// Fast and slow moving averages of one type, both fed from the first bar (APO, PPO). Unlike
/// MACD's, TA-Lib's APO/PPO averages are not aligned: the fast one starts on bar 0 too.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct PriceOscillator {
    fast: MovingAverage,
    slow: MovingAverage,
}

impl PriceOscillator {
    /// The periods are swapped when the slow one is shorter, as TA-Lib does.
    pub(crate) fn new(mut fast: usize, mut slow: usize, kind: MaType) -> Self {
        if slow < fast {
            std::mem::swap(&mut fast, &mut slow);
        }
        PriceOscillator {
            fast: MovingAverage::new(kind, fast),
            slow: MovingAverage::new(kind, slow),
        }
    }

    pub(crate) fn from_params(params: &Params) -> Self {
        let p: PriceOscillatorParams = params.get();
        Self::new(p.fast_period, p.slow_period, p.ma_type)
    }

    pub(crate) fn lookback(&self) -> usize {
        self.fast.lookback().max(self.slow.lookback())
    }

    /// `(fast, slow)` once both exist.
    #[inline(always)]
    pub(crate) fn update(&mut self, x: f64) -> Option<(f64, f64)> {
        let fast = self.fast.update(x);
        let slow = self.slow.update(x);
        fast.zip(slow)
    }
}
