//! Tillson's T3.

use super::{ema_k, Ema, EmaForm, Smoother};

/// Tillson's T3: six chained EMAs combined with volume-factor weights.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct T3 {
    /// The six EMAs while they seed (each from the mean of its first `period` inputs).
    stages: [Ema; 6],
    c: [f64; 4],
    period: usize,
    /// Once all six are seeded: their values, stepped here (the stages stay as they were
    /// then). Six blends in a row over a plain array keep the chain in registers; through six
    /// EMA states, each with its own seeding branch, it went through memory at every stage.
    /// Absent in snapshots from before it existed: the next bar then moves the state here.
    #[serde(default)]
    seeded: Option<Seeded>,
}

/// The six EMA values and their factors, once seeded.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct Seeded {
    values: [f64; 6],
    k: f64,
    one_minus_k: f64,
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
            seeded: None,
        }
    }

    /// TA-Lib's weighted sum of the third to sixth EMAs.
    #[inline(always)]
    fn combine(&self, e: &[f64; 6]) -> f64 {
        let [c1, c2, c3, c4] = self.c;
        c4.mul_add(e[2], c3.mul_add(e[3], c1.mul_add(e[5], c2 * e[4])))
    }

    /// A bar before every stage is seeded (and the one that seeds the last).
    #[cold]
    #[inline(never)]
    fn seed(&mut self, x: f64) -> Option<f64> {
        let mut e = [0.0; 6];
        let mut v = x;
        for (slot, stage) in e.iter_mut().zip(self.stages.iter_mut()) {
            v = stage.update(v)?;
            *slot = v;
        }
        // Every stage has a value now, and from here on each steps as a blend.
        let (k, one_minus_k) = self.stages[0].blend_factors();
        self.seeded = Some(Seeded {
            values: e,
            k,
            one_minus_k,
        });
        Some(self.combine(&e))
    }
}

impl Smoother for T3 {
    const FUSED: bool = true;
    #[inline(always)]
    fn update(&mut self, x: f64) -> Option<f64> {
        let Some(s) = &mut self.seeded else {
            return self.seed(x);
        };
        // Each stage's step exactly as `Ema::update` writes a blend.
        let mut v = x;
        for value in &mut s.values {
            *value = value.mul_add(s.one_minus_k, s.k * v);
            v = *value;
        }
        let e = s.values;
        Some(self.combine(&e))
    }
    fn lookback(&self) -> usize {
        6 * (self.period - 1)
    }
}
