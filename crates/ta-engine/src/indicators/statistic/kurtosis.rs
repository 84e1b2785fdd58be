//! Rolling excess kurtosis.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL};
use crate::kernel::Indicator;
use crate::params::{ParamSpec, Params};
use crate::primitives::{Ring, RESEED_WINDOWS};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct KurtosisParams {
        period: usize = period(30, 4),
    }
}

/// Running sums of the first four powers of deviations from a shift.
#[derive(Debug, Clone, Copy, Default, serde::Serialize, serde::Deserialize)]
struct PowerSums {
    s1: f64,
    s2: f64,
    s3: f64,
    s4: f64,
}

impl PowerSums {
    #[inline(always)]
    fn add(&mut self, d: f64) {
        let d2 = d * d;
        self.s1 += d;
        self.s2 += d2;
        self.s3 += d2 * d;
        self.s4 += d2 * d2;
    }

    #[inline(always)]
    fn remove(&mut self, d: f64) {
        let d2 = d * d;
        self.s1 -= d;
        self.s2 -= d2;
        self.s3 -= d2 * d;
        self.s4 -= d2 * d2;
    }
}

/// Sample-adjusted excess kurtosis (G2) of the last `period` values, TA-Lib 0.8.3's KURTOSIS:
/// shifted running power sums, rebuilt from the window when a central moment falls below 1% of
/// its largest sum since the last rebuild, or every 32 windows. A flat window has no value (0/0): its row is missing.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "KurtosisFields")]
pub struct Kurtosis {
    window: Ring,
    n: f64,
    inv_n: f64,
    coef_a: f64,
    coef_b: f64,
    shift: f64,
    sums: PowerSums,
    peak2: f64,
    peak4: f64,
    bars_since_reseed: usize,
}

/// A kurtosis as a snapshot holds it, before it is checked.
#[derive(serde::Deserialize)]
struct KurtosisFields {
    window: Ring,
    n: f64,
    inv_n: f64,
    coef_a: f64,
    coef_b: f64,
    shift: f64,
    sums: PowerSums,
    peak2: f64,
    peak4: f64,
    bars_since_reseed: usize,
}

impl TryFrom<KurtosisFields> for Kurtosis {
    type Error = String;

    fn try_from(f: KurtosisFields) -> Result<Self, String> {
        // The rebuild countdown is within its run.
        let full = RESEED_WINDOWS.saturating_mul(f.window.capacity());
        if !crate::execution::checks::countdown(f.bars_since_reseed, full) {
            return Err(crate::execution::checks::inconsistent("kurtosis"));
        }
        Ok(Kurtosis {
            window: f.window,
            n: f.n,
            inv_n: f.inv_n,
            coef_a: f.coef_a,
            coef_b: f.coef_b,
            shift: f.shift,
            sums: f.sums,
            peak2: f.peak2,
            peak4: f.peak4,
            bars_since_reseed: f.bars_since_reseed,
        })
    }
}

impl Kurtosis {
    /// Second and fourth central moments (times n) from the sums, by binomial expansion.
    #[inline(always)]
    fn moments(&self) -> (f64, f64) {
        let PowerSums { s1, s2, s3, s4 } = self.sums;
        let r = s1 * self.inv_n;
        let r2 = r * r;
        let m2 = s2 - self.n * r2;
        let m4 = (6.0 * r2).mul_add(s2, s4 - 4.0 * r * s3) - 3.0 * self.n * r2 * r2;
        (m2, m4)
    }

    fn rebuild(&mut self) {
        self.sums = PowerSums::default();
        for i in 0..self.window.len() {
            let d = self.window.get(i) - self.shift;
            self.sums.add(d);
        }
    }

    #[cold]
    fn reseed(&mut self) -> (f64, f64) {
        self.bars_since_reseed = RESEED_WINDOWS * self.window.capacity();
        let mut sum = 0.0;
        for v in self.window.iter() {
            sum += v;
        }
        self.shift = sum * self.inv_n;
        self.rebuild();
        let (mut m2, mut m4) = self.moments();
        if m2 < 0.01 * self.sums.s2 || m4 < 0.01 * self.sums.s4 {
            // The mean's rounding miss, measured by the residue, is added back.
            self.shift += self.sums.s1 * self.inv_n;
            self.rebuild();
            (m2, m4) = self.moments();
        }
        self.peak2 = self.sums.s2;
        self.peak4 = self.sums.s4;
        (m2, m4)
    }
}

impl Indicator for Kurtosis {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    // A flat window has no kurtosis (0/0): that row is missing, as TA-Lib's NaN.
    const GAPS: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: KurtosisParams = params.get();
        let n = p.period as f64;
        Ok(Kurtosis {
            window: Ring::new(p.period),
            n,
            inv_n: 1.0 / n,
            coef_a: n * (n + 1.0) / ((n - 1.0) * (n - 2.0) * (n - 3.0)),
            coef_b: 3.0 * (n - 1.0) * (n - 1.0) / ((n - 2.0) * (n - 3.0)),
            shift: 0.0,
            sums: PowerSums::default(),
            peak2: 0.0,
            peak4: 0.0,
            bars_since_reseed: RESEED_WINDOWS * p.period,
        })
    }
    fn lookback(&self) -> usize {
        self.window.capacity() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let x = bar[0];
        if self.window.is_empty() {
            self.shift = x;
        }
        self.window.push(x);
        self.sums.add(x - self.shift);
        if !self.window.is_full() {
            return false;
        }
        // The peaks start at the warm-up sums; a sum only grows on an arrival, so starting
        // them at 0 is the same.
        if self.sums.s2 > self.peak2 {
            self.peak2 = self.sums.s2;
        }
        if self.sums.s4 > self.peak4 {
            self.peak4 = self.sums.s4;
        }
        let (mut m2, mut m4) = self.moments();
        self.bars_since_reseed -= 1;
        if m2 < 0.01 * self.peak2 || m4 < 0.01 * self.peak4 || self.bars_since_reseed == 0 {
            (m2, m4) = self.reseed();
        }
        let sample_var = m2 / (self.n - 1.0);
        let var_sq = sample_var * sample_var;
        out[0] = self.coef_a * (m4 / var_sq) - self.coef_b;
        // The sums keep the `period - 1` values that stay.
        self.sums.remove(self.window.oldest() - self.shift);
        !out[0].is_nan()
    }
}

/// The catalog's parameters: TA-Lib 0.8.3 caps the period at 10000.
const PARAMS: &[ParamSpec] = &[ParamSpec {
    max: 10_000.0,
    ..KurtosisParams::SPECS[0]
}];

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "kurtosis",
    "KURTOSIS",
    Group::Statistic,
    "Sample excess kurtosis (G2) of the last period values; missing for a flat window",
    REAL,
    PARAMS,
    OWN_LINE,
    kernel::<Kurtosis>(),
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows as run;

    #[test]
    fn g2_of_a_small_window() {
        // 1, 2, 3, 4: m2 = 5, m4 = 10.25 (sums of powers of deviations), n = 4;
        // G2 = 4·5/(3·2·1) · 10.25/(5/3)² − 3·9/2 = -1.2.
        let data = [[1.0], [2.0], [3.0], [4.0], [4.0]];
        let data: Vec<&[f64]> = data.iter().map(|r| &r[..]).collect();
        let out = run::<Kurtosis>("kurtosis", &[4.0], &data);
        assert_eq!(out[..3], [None, None, None]);
        assert!((out[3].unwrap() + 1.2).abs() < 1e-12, "{:?}", out[3]);
        // 2, 3, 4, 4.
        assert!(out[4].is_some());
    }

    #[test]
    fn a_flat_window_is_missing() {
        let data = [
            [2.5],
            [2.5],
            [2.5],
            [2.5],
            [2.5],
            [1.0],
            [4.0],
            [2.0],
            [3.0],
        ];
        let data: Vec<&[f64]> = data.iter().map(|r| &r[..]).collect();
        let out = run::<Kurtosis>("kurtosis", &[4.0], &data);
        assert!(out[..5].iter().all(Option::is_none));
        assert!(out[5..].iter().all(Option::is_some));
    }
}
