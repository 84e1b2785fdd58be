//! Arnaud Legoux moving average.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{PRICE_LINE, REAL};
use crate::primitives::average::Smoother;
use crate::primitives::Ring;

typed_params! {
    /// Parameters, in catalog order.
    pub struct AlmaParams {
        period: usize = period(9, 1),
        sigma: f64 = float("sigma", 6.0, 0.01, 3e37, "Gaussian width divisor"),
        offset: f64 = float("offset", 0.85, 0.0, 1.0, "position of the peak weight (0 oldest, 1 newest)"),
    }
}

/// Arnaud Legoux moving average, TA-Lib 0.8.3's ALMA: a Gaussian-weighted sum of the window.
///
/// The weights, in TA-Lib's (and Tulip's) arithmetic: m = ⌊offset·(n − 1)⌋ (the product
/// rounded, then floored), s = n / sigma, 2s² as (2·s)·s; w_j = exp(−(j − m)² / 2s²) for
/// j = 0 (oldest) … n − 1, each divided by their sum taken in that order. The output is
/// Σ w_j·x_j from 0.0, oldest first, unfused.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Alma {
    weights: Vec<f64>,
    window: Ring,
}

impl Alma {
    /// An ALMA over `period` (≥ 1) values; a period of 1 weighs the one value by exactly 1.
    pub fn new(period: usize, sigma: f64, offset: f64) -> Self {
        let m = (offset * (period - 1) as f64).floor() as i64;
        let s = period as f64 / sigma;
        let two_s_sq = 2.0 * s * s;
        let mut weights: Vec<f64> = (0..period as i64)
            .map(|j| {
                let d = (j - m) as f64;
                (-(d * d) / two_s_sq).exp()
            })
            .collect();
        let mut norm = 0.0;
        for w in &weights {
            norm += w;
        }
        for w in &mut weights {
            *w /= norm;
        }
        Alma {
            weights,
            window: Ring::new(period),
        }
    }

    /// ALMA as TA-Lib 0.8.3's `MA_Type` 15 takes it: sigma 6, offset 0.85.
    pub fn for_ma_type(period: usize) -> Self {
        Self::new(period, 6.0, 0.85)
    }
}

impl Smoother for Alma {
    #[inline(always)]
    fn update(&mut self, x: f64) -> Option<f64> {
        if self.weights.len() == 1 {
            // TA-Lib copies at period 1 (a sum from 0.0 would turn -0.0 into 0.0).
            return Some(x);
        }
        self.window.push(x);
        if !self.window.is_full() {
            return None;
        }
        let (older, newer) = self.window.as_slices();
        let (w_older, w_newer) = self.weights.split_at(older.len());
        let mut sum = 0.0;
        for (w, v) in w_older.iter().zip(older).chain(w_newer.iter().zip(newer)) {
            sum += w * v;
        }
        Some(sum)
    }
    fn lookback(&self) -> usize {
        self.window.capacity() - 1
    }
}

ma_indicator!(
    /// ALMA as an indicator (period 1 copies the input, as TA-Lib 0.8.3, keeping -0.0).
    AlmaIndicator,
    Alma,
    AlmaParams,
    |p| Alma::new(p.period, p.sigma, p.offset)
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "alma",
    "ALMA",
    Group::Overlap,
    "Arnaud Legoux moving average: Gaussian-weighted window, peak near the newest bars",
    REAL,
    AlmaParams::SPECS,
    PRICE_LINE,
    kernel::<AlmaIndicator>(),
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows as run;

    #[test]
    fn weights_are_gaussian_and_sum_to_one() {
        let a = Alma::new(9, 6.0, 0.85);
        // m = ⌊0.85·8⌋ = 6, s = 1.5: the weight peaks at j = 6.
        let peak = a.weights.iter().cloned().fold(0.0, f64::max);
        assert_eq!(a.weights[6], peak);
        let total: f64 = a.weights.iter().sum();
        assert!((total - 1.0).abs() < 1e-15);
        let ratio = a.weights[5] / a.weights[6];
        assert!((ratio - (-1.0 / 4.5_f64).exp()).abs() < 1e-15);
    }

    #[test]
    fn constant_in_constant_out_and_period_one_copies() {
        let data = [[3.0]; 12];
        let data: Vec<&[f64]> = data.iter().map(|r| &r[..]).collect();
        let out = run::<AlmaIndicator>("alma", &[9.0, 6.0, 0.85], &data);
        assert_eq!(out[..8], [None; 8]);
        assert!(out[8..].iter().all(|v| (v.unwrap() - 3.0).abs() < 1e-15));
        let zero = [[-0.0]];
        let zero: Vec<&[f64]> = zero.iter().map(|r| &r[..]).collect();
        let one = run::<AlmaIndicator>("alma", &[1.0, 6.0, 0.85], &zero);
        assert!(one[0].unwrap().is_sign_negative());
    }
}
