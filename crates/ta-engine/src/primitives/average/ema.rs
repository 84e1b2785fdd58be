//! Exponential moving average.

use super::Smoother;

/// TA-Lib's smoothing factor for an EMA of `period` bars.
#[inline]
pub fn ema_k(period: usize) -> f64 {
    2.0 / (period as f64 + 1.0)
}

/// How an EMA step is written; TA-Lib's EMA and T3 use different (equal in exact arithmetic)
/// forms, and we follow each to stay bit-close.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmaForm {
    /// `(x - prev) * k + prev` (TA-Lib EMA, DEMA, TEMA, TRIX, MACD).
    Delta,
    /// `k * x + (1 - k) * prev` (TA-Lib T3).
    Blend,
}

/// Exponential moving average seeded with the simple mean of its first `period` values.
#[derive(Debug, Clone)]
pub struct Ema {
    pub(super) period: usize,
    k: f64,
    one_minus_k: f64,
    form: EmaForm,
    seen: usize,
    value: f64,
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
        }
    }
}

impl Smoother for Ema {
    #[inline]
    fn update(&mut self, x: f64) -> Option<f64> {
        if self.seen >= self.period {
            self.value = match self.form {
                EmaForm::Delta => (x - self.value) * self.k + self.value,
                EmaForm::Blend => self.k * x + self.one_minus_k * self.value,
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
