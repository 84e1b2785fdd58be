//! TA-Lib 0.8.3's EMA step and the EMA-based `MA_Type`s built on it (EMA, DEMA, TEMA).

use crate::params::MaType;
use crate::primitives::average::{MovingAverage, Smoother};

/// TA-Lib 0.8.3's EMA: seeded with the mean of the first `period` values, then
/// β·prev + k·x with β fused in (β = (n − 1)/(n + 1), k = 1 − β; below 0.5 β is re-derived as
/// 1 − k, so that β + k is exactly 1). TA-Lib 0.8.1's EMA steps as (x − prev)·k + prev, which
/// rounds differently ([`Ema`](crate::primitives::average::Ema)).
#[derive(Debug, Clone)]
pub(crate) struct Ema083 {
    period: usize,
    beta: f64,
    k: f64,
    seen: usize,
    value: f64,
}

impl Ema083 {
    pub(crate) fn new(period: usize) -> Self {
        let mut beta = (period - 1) as f64 / (period + 1) as f64;
        let k = 1.0 - beta;
        if beta < 0.5 {
            beta = 1.0 - k;
        }
        Ema083 {
            period,
            beta,
            k,
            seen: 0,
            value: 0.0,
        }
    }
}

impl Smoother for Ema083 {
    const FUSED: bool = true;
    #[inline(always)]
    fn update(&mut self, x: f64) -> Option<f64> {
        if self.seen >= self.period {
            self.value = self.beta.mul_add(self.value, self.k * x);
            return Some(self.value);
        }
        self.seen += 1;
        self.value += x;
        if self.seen < self.period {
            return None;
        }
        self.value /= self.period as f64;
        Some(self.value)
    }
    fn lookback(&self) -> usize {
        self.period - 1
    }
}

/// A moving average chosen by `MA_Type` as TA-Lib 0.8.3's MA computes it: EMA, DEMA and TEMA on
/// [`Ema083`], every other type (and period 1) as [`MovingAverage`], whose arithmetic 0.8.3
/// keeps.
#[derive(Debug, Clone)]
pub(crate) enum Ma083 {
    Ema(Ema083),
    Dema(Ema083, Ema083),
    Tema(Ema083, Ema083, Ema083),
    Other(Box<MovingAverage>),
}

impl Ma083 {
    pub(crate) fn new(kind: MaType, period: usize) -> Self {
        if period > 1 {
            match kind {
                MaType::Ema => return Ma083::Ema(Ema083::new(period)),
                MaType::Dema => return Ma083::Dema(Ema083::new(period), Ema083::new(period)),
                MaType::Tema => {
                    return Ma083::Tema(
                        Ema083::new(period),
                        Ema083::new(period),
                        Ema083::new(period),
                    )
                }
                _ => {}
            }
        }
        Ma083::Other(Box::new(MovingAverage::new(kind, period)))
    }
}

impl Smoother for Ma083 {
    const FUSED: bool = true;
    #[inline(always)]
    fn update(&mut self, x: f64) -> Option<f64> {
        match self {
            Ma083::Ema(e) => e.update(x),
            Ma083::Dema(e1, e2) => {
                let v1 = e1.update(x)?;
                let v2 = e2.update(v1)?;
                Some(2.0 * v1 - v2)
            }
            Ma083::Tema(e1, e2, e3) => {
                let v1 = e1.update(x)?;
                let v2 = e2.update(v1)?;
                let v3 = e3.update(v2)?;
                Some(v3 + (3.0 * v1 - 3.0 * v2))
            }
            Ma083::Other(m) => m.update(x),
        }
    }
    fn lookback(&self) -> usize {
        match self {
            Ma083::Ema(e) => e.lookback(),
            Ma083::Dema(e, _) => 2 * e.lookback(),
            Ma083::Tema(e, _, _) => 3 * e.lookback(),
            Ma083::Other(m) => m.lookback(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_with_the_mean_then_fused_steps() {
        let mut e = Ema083::new(3);
        assert_eq!([e.update(1.0), e.update(2.0)], [None, None]);
        assert_eq!(e.update(3.0), Some(2.0));
        // β = 0.5, k = 0.5: 0.5·2 + 0.5·6 = 4.
        assert_eq!(e.update(6.0), Some(4.0));
        let tema = Ma083::new(MaType::Tema, 3);
        assert_eq!(tema.lookback(), 6);
    }
}
