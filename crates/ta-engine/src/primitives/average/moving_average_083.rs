//! TA-Lib 0.8.3's `MA_Type` dispatch, for the functions it added (KSTEXT, BBW, PERCENTB).

use super::{MovingAverage, Smoother};
use crate::params::MaType;
use crate::primitives::beta_ema::BetaEma;

/// Any moving average by `MA_Type` as TA-Lib 0.8.3 computes it. Its EMA, DEMA and TEMA step
/// as `fma(β, prev, k·x)` ([`BetaEma`]), which rounds differently from 0.8.1's
/// `prev + k·(x - prev)`; SMA, WMA, TRIMA, KAMA and T3 are unchanged, so they are the
/// catalog's own. A period of 1 passes values through.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub enum Ma083 {
    Ema(BetaEma),
    Dema(BetaEma, BetaEma),
    Tema(BetaEma, BetaEma, BetaEma),
    /// Boxed: the catalog's dispatch is much larger than the EMA forms.
    Other(Box<MovingAverage>),
}

impl Ma083 {
    pub fn new(kind: MaType, period: usize) -> Self {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ema_forms_in_083s_arithmetic_other_types_the_catalogs() {
        let mut ema = Ma083::new(MaType::Ema, 3);
        assert_eq!([ema.update(1.0), ema.update(2.0)], [None, None]);
        assert_eq!(ema.update(3.0), Some(2.0));
        // β = 0.5, k = 0.5: 0.5·2 + 0.5·6 = 4.
        assert_eq!(ema.update(6.0), Some(4.0));
        assert_eq!(Ma083::new(MaType::Tema, 3).lookback(), 6);
        assert_eq!(Ma083::new(MaType::Dema, 3).lookback(), 4);
        let mut identity = Ma083::new(MaType::Ema, 1);
        assert_eq!(
            identity.update(-0.0).map(f64::to_bits),
            Some((-0.0_f64).to_bits())
        );
    }
}
