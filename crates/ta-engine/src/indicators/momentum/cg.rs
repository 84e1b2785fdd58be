//! Ehlers' center of gravity oscillator (TA-Lib 0.8.3).

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::Ring;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct CgParams {
        period: usize = period(10, 2),
    }
}

/// Center of gravity: `-Σ (k+1)·x[k] / Σ x[k]` over the window, `k` bars ago.
///
/// TA-Lib 0.8.3 keeps both sums exact (integer limbs at a power-of-two scale) and rounds each
/// once, so an output depends on its window alone; here they are 128-bit integers at the same
/// kind of scale (every scaled value is a whole number below 2^103, the weighted sum below
/// 2^127), updated as the window slides and rebuilt when the scale changes, so the two roundings
/// are the same. A window no limb scale can hold (magnitudes spanning more than about
/// 2^(97 - 2·log2(period)) — never prices) is summed plainly, oldest first, as TA-Lib does.
/// An exactly zero sum gives the flat-window value `-(period + 1) / 2`.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "CgFields")]
pub struct Cg {
    window: Ring,
    /// TA-Lib's bound on a scaled value in its three-limb form.
    limit: f64,
    /// A power-of-two scale at which every window value is a whole number below `limit`.
    scale: Option<f64>,
    /// Σ (k+1)·x and Σ x at `scale`, exactly (meaningful while `scale` is set).
    #[serde(with = "crate::execution::serde_i128")]
    weighted: i128,
    #[serde(with = "crate::execution::serde_i128")]
    plain: i128,
}

/// A center of gravity as a snapshot holds it, before its sums are checked.
#[derive(serde::Deserialize)]
struct CgFields {
    window: Ring,
    limit: f64,
    scale: Option<f64>,
    #[serde(with = "crate::execution::serde_i128")]
    weighted: i128,
    #[serde(with = "crate::execution::serde_i128")]
    plain: i128,
}

impl TryFrom<CgFields> for Cg {
    type Error = String;

    fn try_from(f: CgFields) -> Result<Self, String> {
        let cg = Cg {
            window: f.window,
            limit: f.limit,
            scale: f.scale,
            weighted: f.weighted,
            plain: f.plain,
        };
        // The bound is the period's; a scale is set only on a full window, every value of
        // which it holds exactly, and the sums are then the window's at that scale. Within
        // those bounds the sums cannot overflow as the window slides.
        let consistent = cg.limit.to_bits() == limit(cg.window.capacity()).to_bits()
            && match cg.scale {
                None => true,
                Some(scale) => {
                    cg.window.is_full() && cg.window.iter().all(|v| cg.fits(v, scale)) && {
                        let mut rebuilt = cg.clone();
                        rebuilt.rebuild(scale);
                        (rebuilt.weighted, rebuilt.plain) == (cg.weighted, cg.plain)
                    }
                }
            };
        if !consistent {
            return Err(crate::execution::checks::inconsistent("cg"));
        }
        Ok(cg)
    }
}

/// TA-Lib's bound on a scaled value for a window of `period` values.
fn limit(period: usize) -> f64 {
    let n = period as f64;
    let mut weight_total = 1.0;
    while weight_total < n * (n + 1.0) * 0.5 {
        weight_total *= 2.0;
    }
    let width2 = 9.007199254740992e15 / weight_total;
    let width3 = width2.min(67108864.0);
    0.25 * width2 * width3 * width3
}

/// `x · scale` as an integer: exact, since the caller checked it is whole and in range.
#[inline(always)]
fn whole(x: f64, scale: f64) -> i128 {
    (x * scale) as i128
}

/// Largest power-of-two scale TA-Lib allows (finite, with room to double).
const MAX_SCALE: f64 = 4.49423283715579e307;
/// 2^52: at and above it every double is a whole number.
const WHOLE: f64 = 4.503599627370496e15;

impl Cg {
    /// True when `x · scale` is a whole number below the limit (and not flushed to zero).
    #[inline(always)]
    fn fits(&self, x: f64, scale: f64) -> bool {
        let y = (x * scale).abs();
        y < self.limit && (y >= WHOLE || y + WHOLE - WHOLE == y) && (y != 0.0 || x == 0.0)
    }

    /// TA-Lib's most permissive scale for the window (from its largest magnitude), if every
    /// value fits it.
    fn window_scale(&self) -> Option<f64> {
        let largest = self.window.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
        let scale = if largest > 0.0 {
            // The largest power of two not above `largest`.
            let mut half = 1.0_f64;
            while half * 2.0 <= largest {
                half *= 2.0;
            }
            while half > largest {
                half *= 0.5;
            }
            (self.limit * 0.5 / half).min(MAX_SCALE)
        } else {
            1.0
        };
        self.window
            .iter()
            .all(|v| self.fits(v, scale))
            .then_some(scale)
    }

    /// Rebuilds the exact sums of the window at `scale` (oldest value weighted `period`).
    fn rebuild(&mut self, scale: f64) {
        let period = self.window.capacity() as i128;
        let (mut weighted, mut plain) = (0_i128, 0_i128);
        for (i, v) in self.window.iter().enumerate() {
            let x = whole(v, scale);
            plain += x;
            weighted += (period - i as i128) * x;
        }
        (self.weighted, self.plain) = (weighted, plain);
    }

    /// `(Σ (k+1)·x, Σ x)` as TA-Lib sums a window it cannot hold exactly.
    fn plain_sums(&self) -> (f64, f64) {
        let (mut num, mut den) = (0.0, 0.0);
        for v in self.window.iter() {
            den += v;
            num += den;
        }
        (num, den)
    }
}

impl Indicator for Cg {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: CgParams = params.get();
        Ok(Cg {
            window: Ring::new(p.period),
            limit: limit(p.period),
            scale: None,
            weighted: 0,
            plain: 0,
        })
    }
    fn lookback(&self) -> usize {
        self.window.capacity() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let x = bar[0];
        let period = self.window.capacity() as f64;
        let leaving = self.window.push(x);
        if !self.window.is_full() {
            return false;
        }
        match (self.scale, leaving) {
            // The window slid at an unchanged scale: every value kept ages a bar (the weighted
            // sum gains the plain sum), the leaver goes with weight `period`, `x` comes in at 1.
            (Some(scale), Some(old)) if self.fits(x, scale) => {
                let (old, new) = (whole(old, scale), whole(x, scale));
                let kept = self.plain - old;
                self.weighted += kept + new - self.window.capacity() as i128 * old;
                self.plain = kept + new;
            }
            _ => {
                self.scale = self.window_scale();
                if let Some(scale) = self.scale {
                    self.rebuild(scale);
                }
            }
        }
        let (num, den) = match self.scale {
            // One rounding each (an i128 converts to the nearest double); the scale, a power
            // of two, cancels in the ratio.
            Some(_) => (self.weighted as f64, self.plain as f64),
            None => self.plain_sums(),
        };
        out[0] = if den != 0.0 {
            -num / den
        } else {
            -(period + 1.0) * 0.5
        };
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "cg",
    "CG",
    Group::Momentum,
    "Center of gravity (Ehlers): minus the bars-ago-weighted sum over the plain sum of the window",
    REAL,
    CgParams::SPECS,
    OWN_LINE,
    kernel::<Cg>(),
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows;

    #[test]
    fn weights_count_bars_ago() {
        // Window [1, 2, 3] (3 newest): -(1·3 + 2·2 + 3·1) / 6 = -10/6.
        let got = run_rows::<Cg>(
            "cg",
            &[3.0],
            &[&[1.0], &[2.0], &[3.0], &[0.0], &[0.0], &[0.0]],
        );
        assert_eq!(got[..2], [None, None]);
        assert_eq!(got[2], Some(-10.0 / 6.0));
        // [2, 3, 0]: -(3·2 + 2·3) / 5; [3, 0, 0]: -9/3; all zero: flat value -2.
        assert_eq!(got[3], Some(-12.0 / 5.0));
        assert_eq!(got[4], Some(-3.0));
        assert_eq!(got[5], Some(-2.0));
    }
}
