//! Tillson's T3.

use super::{ema_k, Ema, EmaForm, Smoother};

/// Tillson's T3: six chained EMAs combined with volume-factor weights.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct T3 {
    stages: [Ema; 6],
    c: [f64; 4],
    period: usize,
}

impl T3 {
    pub fn new(period: usize, vfactor: f64) -> Self {
        let k = ema_k(period);
        let stage = Ema::with_k(period, k, EmaForm::Blend);
        let a = vfactor;
        let a2 = a * a;
        // TA-Lib 0.8.1's exact expressions (its c4 is fused).
        let c1 = 0.0 - a2 * a;
        let c2 = (a2 - c1) * 3.0;
        let c3 = a2 * -6.0 - (a - c1) * 3.0;
        let c4 = a2.mul_add(3.0, a.mul_add(3.0, 1.0) - c1);
        T3 {
            stages: [
                stage.clone(),
                stage.clone(),
                stage.clone(),
                stage.clone(),
                stage.clone(),
                stage,
            ],
            c: [c1, c2, c3, c4],
            period,
        }
    }
}

impl Smoother for T3 {
    const FUSED: bool = true;
    #[inline(always)]
    fn update(&mut self, x: f64) -> Option<f64> {
        let mut e = [0.0; 6];
        let mut v = x;
        for (slot, stage) in e.iter_mut().zip(self.stages.iter_mut()) {
            v = stage.update(v)?;
            *slot = v;
        }
        let [c1, c2, c3, c4] = self.c;
        Some(c4.mul_add(e[2], c3.mul_add(e[3], c1.mul_add(e[5], c2 * e[4]))))
    }
    fn lookback(&self) -> usize {
        6 * (self.period - 1)
    }
}
