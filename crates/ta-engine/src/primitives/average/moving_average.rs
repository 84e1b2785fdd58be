//! Any moving average chosen at run time by TA-Lib's `MA_Type`.

use super::{Dema, Ema, Hma, Kama, Rma, Sma, Smoother, Tema, Trima, Wma, Zlema, T3};
use crate::indicators::cycle::MamaLine;
use crate::indicators::overlap::{Alma, Vidya};
use crate::params::MaType;

/// Any moving average chosen at run time by TA-Lib's `MA_Type`. A period of 1 passes values
/// through unchanged (TA-Lib 0.8: "a period of 1 performs no smoothing"), and so does type
/// `DISABLED` at any period.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
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
    Hma(Hma),
    Zlema(Zlema),
    Rma(Rma),
    Mama(Box<MamaLine>),
    Vidya(Box<Vidya>),
    Alma(Box<Alma>),
}

impl MovingAverage {
    /// T3's volume factor when chosen through `MA_Type`.
    pub const T3_VFACTOR: f64 = 0.7;

    pub fn new(kind: MaType, period: usize) -> Self {
        if period <= 1 || kind == MaType::Disabled {
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
            MaType::Hma => MovingAverage::Hma(Hma::new(period)),
            MaType::Zlema => MovingAverage::Zlema(Zlema::new(period)),
            MaType::Rma => MovingAverage::Rma(Rma::new(period)),
            MaType::Mama => MovingAverage::Mama(Box::default()),
            MaType::Vidya => MovingAverage::Vidya(Box::new(Vidya::for_ma_type(period))),
            MaType::Alma => MovingAverage::Alma(Box::new(Alma::for_ma_type(period))),
            MaType::Disabled => MovingAverage::Identity,
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
            MovingAverage::Hma(m) => m.update(x),
            MovingAverage::Zlema(m) => m.update(x),
            MovingAverage::Rma(m) => m.update(x),
            MovingAverage::Mama(m) => m.update(x),
            MovingAverage::Vidya(m) => m.update(x),
            MovingAverage::Alma(m) => m.update(x),
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
            MovingAverage::Hma(m) => m.lookback(),
            MovingAverage::Zlema(m) => m.lookback(),
            MovingAverage::Rma(m) => m.lookback(),
            MovingAverage::Mama(m) => m.lookback(),
            MovingAverage::Vidya(m) => m.lookback(),
            MovingAverage::Alma(m) => m.lookback(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disabled_is_the_identity_at_any_period() {
        let mut m = MovingAverage::new(MaType::Disabled, 30);
        assert_eq!(m.lookback(), 0);
        assert_eq!(m.update(4.5), Some(4.5));
    }

    #[test]
    fn type_11_takes_each_functions_own_default() {
        let values = |name: &str, v: &[f64]| {
            let spec = crate::catalog::find(name).unwrap();
            spec.params(v).unwrap().values().to_vec()
        };
        assert_eq!(values("apo", &[12.0, 26.0, 11.0]), [12.0, 26.0, 1.0]);
        assert_eq!(values("ma", &[30.0, 11.0]), [30.0, 0.0]);
    }
}
