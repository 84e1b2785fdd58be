//! Exponential moving average.

use super::Smoother;

/// TA-Lib's smoothing factor for an EMA of `period` bars.
#[inline(always)]
pub fn ema_k(period: usize) -> f64 {
    2.0 / (period as f64 + 1.0)
}

/// How an EMA step is written; TA-Lib's EMA and T3 use different (equal in exact arithmetic)
/// forms, and we follow each to stay bit-close.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum EmaForm {
    /// `(x - prev) * k + prev` (TA-Lib EMA, DEMA, TEMA, TRIX, MACD).
    Delta,
    /// `k * x + (1 - k) * prev` (TA-Lib T3).
    Blend,
}

/// Exponential moving average seeded with the simple mean of its first `period` values.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Ema {
    pub(super) period: usize,
    k: f64,
    one_minus_k: f64,
    form: EmaForm,
    seen: usize,
    value: f64,
    /// Period 1 returns the input unchanged (see [`Ema::copying_at_one`]).
    copies: bool,
}

impl Ema {
    pub fn new(period: usize) -> Self {
        Self::with_k(period, ema_k(period), EmaForm::Delta)
    }

    /// An EMA with an explicit smoothing factor (MACDFIX) and form; still SMA-seeded over
    /// `period` values.
    pub fn with_k(period: usize, k: f64, form: EmaForm) -> Self {
        Ema {
            period,
            k,
            one_minus_k: 1.0 - k,
            form,
            seen: 0,
            value: 0.0,
            copies: false,
        }
    }

    /// TA-Lib's exported EMA (and MACD's signal line): a period of 1 copies the input, where
    /// the internal EMA other indicators chain (TRIX, DEMA, T3, ...) steps with k = 1, which
    /// can round differently.
    pub fn copying_at_one(period: usize) -> Self {
        Ema {
            copies: period == 1,
            ..Self::new(period)
        }
    }

    /// The factors `(k, 1 - k)` of a blend step (see [`EmaForm::Blend`]).
    pub(super) fn blend_factors(&self) -> (f64, f64) {
        (self.k, self.one_minus_k)
    }
}

impl Smoother for Ema {
    const FUSED: bool = true;
    #[inline(always)]
    fn update(&mut self, x: f64) -> Option<f64> {
        if self.copies {
            return Some(x);
        }
        if self.seen >= self.period {
            self.value = match self.form {
                // Fused, exactly where TA-Lib 0.8.1 calls fma(): the same bits on every CPU.
                EmaForm::Delta => self.k.mul_add(x - self.value, self.value),
                EmaForm::Blend => self.value.mul_add(self.one_minus_k, self.k * x),
            };
            return Some(self.value);
        }
        self.seen += 1;
        self.value += x;
        if self.seen == self.period {
            self.value /= self.period as f64;
            Some(self.value)
        } else {
            None
        }
    }
    fn lookback(&self) -> usize {
        self.period - 1
    }
}
