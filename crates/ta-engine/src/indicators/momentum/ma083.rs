//! TA-Lib 0.8.3's `MA_Type` dispatch, for the functions it added (KSTEXT).

use crate::params::MaType;
use crate::primitives::average::{MovingAverage, Smoother};
use crate::primitives::beta_ema::BetaEma;

/// Any moving average by `MA_Type` as TA-Lib 0.8.3 computes it. Its EMA, DEMA and TEMA step
/// as `fma(β, prev, k·x)` ([`BetaEma`]), which rounds differently from 0.8.1's
/// `prev + k·(x - prev)`; SMA, WMA, TRIMA, KAMA and T3 are unchanged, so they are the
/// catalog's own. A period of 1 passes values through.
#[derive(Debug, Clone)]
pub(super) enum Ma083 {
    Ema(BetaEma),
    Dema(BetaEma, BetaEma),
    Tema(BetaEma, BetaEma, BetaEma),
    /// Boxed: the catalog's dispatch is much larger than the EMA forms.
    Other(Box<MovingAverage>),
}

impl Ma083 {
    pub(super) fn new(kind: MaType, period: usize) -> Self {
        if period <= 1 {
            return Ma083::Other(Box::new(MovingAverage::Identity));
        }
        let ema = || BetaEma::new(period);
        match kind {
            MaType::Ema => Ma083::Ema(ema()),
            MaType::Dema => Ma083::Dema(ema(), ema()),
            MaType::Tema => Ma083::Tema(ema(), ema(), ema()),
            _ => Ma083::Other(Box::new(MovingAverage::new(kind, period))),
        }
    }
}

impl Smoother for Ma083 {
    const FUSED: bool = true;
    #[inline(always)]
    fn update(&mut self, x: f64) -> Option<f64> {
        match self {
            Ma083::Ema(e) => e.update(x),
            Ma083::Dema(e1, e2) => {
                let a = e1.update(x)?;
                let b = e2.update(a)?;
                Some(2.0 * a - b)
            }
            Ma083::Tema(e1, e2, e3) => {
                let a = e1.update(x)?;
                let b = e2.update(a)?;
                let c = e3.update(b)?;
                Some(c + (3.0 * a - 3.0 * b))
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
