//! Any moving average chosen at run time by TA-Lib's `MA_Type`.

use super::{Dema, Ema, Kama, Sma, Smoother, Tema, Trima, Wma, T3};
use crate::params::MaType;

/// Any moving average chosen at run time by TA-Lib's `MA_Type`. A period of 1 passes values
/// through unchanged (TA-Lib 0.8: "a period of 1 performs no smoothing").
#[derive(Debug, Clone)]
pub enum MovingAverage {
    Identity,
    Sma(Sma),
    Ema(Ema),
    Wma(Wma),
    Dema(Dema),
    Tema(Tema),
    Trima(Trima),
    Kama(Kama),
    T3(T3),
}

impl MovingAverage {
    /// T3's volume factor when chosen through `MA_Type`.
    pub const T3_VFACTOR: f64 = 0.7;

    pub fn new(kind: MaType, period: usize) -> Self {
        if period <= 1 {
            return MovingAverage::Identity;
        }
        match kind {
            MaType::Sma => MovingAverage::Sma(Sma::new(period)),
            MaType::Ema => MovingAverage::Ema(Ema::new(period)),
            MaType::Wma => MovingAverage::Wma(Wma::new(period)),
            MaType::Dema => MovingAverage::Dema(Dema::new(period)),
            MaType::Tema => MovingAverage::Tema(Tema::new(period)),
            MaType::Trima => MovingAverage::Trima(Trima::new(period)),
            MaType::Kama => MovingAverage::Kama(Kama::new(period)),
            MaType::T3 => MovingAverage::T3(T3::new(period, Self::T3_VFACTOR)),
        }
    }
}

impl Smoother for MovingAverage {
    const FUSED: bool = true;
    #[inline(always)]
    fn update(&mut self, x: f64) -> Option<f64> {
        match self {
            MovingAverage::Identity => Some(x),
            MovingAverage::Sma(m) => m.update(x),
            MovingAverage::Ema(m) => m.update(x),
            MovingAverage::Wma(m) => m.update(x),
            MovingAverage::Dema(m) => m.update(x),
            MovingAverage::Tema(m) => m.update(x),
            MovingAverage::Trima(m) => m.update(x),
            MovingAverage::Kama(m) => m.update(x),
            MovingAverage::T3(m) => m.update(x),
        }
    }
    fn lookback(&self) -> usize {
        match self {
            MovingAverage::Identity => 0,
            MovingAverage::Sma(m) => m.lookback(),
            MovingAverage::Ema(m) => m.lookback(),
            MovingAverage::Wma(m) => m.lookback(),
            MovingAverage::Dema(m) => m.lookback(),
            MovingAverage::Tema(m) => m.lookback(),
            MovingAverage::Trima(m) => m.lookback(),
            MovingAverage::Kama(m) => m.lookback(),
            MovingAverage::T3(m) => m.lookback(),
        }
    }
}
