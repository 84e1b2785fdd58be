//! Pearson's correlation coefficient.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, PAIR};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::{Ring, RESEED_WINDOWS, TA_EPSILON};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct CorrelParams {
        period: usize = period(30, 1),
    }
}

/// Pearson's correlation coefficient of two series over the window, TA-Lib 0.8.1's
/// cancellation-free form (deviations from shifts re-anchored on the window means, as in
/// [`ShiftedVar`]). 0 when either series is flat; clamped to [-1, 1].
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "CorrelFields")]
pub struct Correl {
    period: usize,
    inv_period: f64,
    xs: Ring,
    ys: Ring,
    shift_x: f64,
    shift_y: f64,
    sum_x: f64,
    sum_y: f64,
    sum_x2: f64,
    sum_y2: f64,
    sum_xy: f64,
    leaving_x: f64,
    leaving_y: f64,
    bars_since_reseed: usize,
}

/// A correlation as a snapshot holds it, before it is checked.
#[derive(serde::Deserialize)]
struct CorrelFields {
    period: usize,
    inv_period: f64,
    xs: Ring,
    ys: Ring,
    shift_x: f64,
    shift_y: f64,
    sum_x: f64,
    sum_y: f64,
    sum_x2: f64,
    sum_y2: f64,
    sum_xy: f64,
    leaving_x: f64,
    leaving_y: f64,
    bars_since_reseed: usize,
}

impl TryFrom<CorrelFields> for Correl {
    type Error = String;

    fn try_from(f: CorrelFields) -> Result<Self, String> {
        // Both windows are the period long and filled together (its reciprocal is
        // `from_params`'s), and the rebuild countdown is within its run.
        if f.period != f.xs.capacity()
            || f.ys.capacity() != f.xs.capacity()
            || f.ys.len() != f.xs.len()
            || f.inv_period.to_bits() != (1.0 / f.period as f64).to_bits()
            || !crate::execution::checks::countdown(
                f.bars_since_reseed,
                RESEED_WINDOWS.saturating_mul(f.period),
            )
        {
            return Err(crate::execution::checks::inconsistent("correl"));
        }
        Ok(Correl {
            period: f.period,
            inv_period: f.inv_period,
            xs: f.xs,
            ys: f.ys,
            shift_x: f.shift_x,
            shift_y: f.shift_y,
            sum_x: f.sum_x,
            sum_y: f.sum_y,
            sum_x2: f.sum_x2,
            sum_y2: f.sum_y2,
            sum_xy: f.sum_xy,
            leaving_x: f.leaving_x,
            leaving_y: f.leaving_y,
            bars_since_reseed: f.bars_since_reseed,
        })
    }
}

impl Correl {
    #[inline(always)]
    fn add(&mut self, x: f64, y: f64) {
        let x = x - self.shift_x;
        let y = y - self.shift_y;
        self.sum_x += x;
        self.sum_x2 += x * x;
        self.sum_xy += x * y;
        self.sum_y += y;
        self.sum_y2 += y * y;
    }

    /// Sums of squares and of cross products about the window means.
    #[inline(always)]
    fn spreads(&self) -> (f64, f64, f64) {
        let inv = self.inv_period;
        (
            self.sum_x2 - ((self.sum_x * self.sum_x) * inv),
            self.sum_y2 - ((self.sum_y * self.sum_y) * inv),
            self.sum_xy - ((self.sum_x * self.sum_y) * inv),
        )
    }

    fn rebuild(&mut self) {
        self.bars_since_reseed = RESEED_WINDOWS * self.period;
        let mut sum_x = 0.0;
        let mut sum_y = 0.0;
        for i in 0..self.xs.len() {
            sum_x += self.xs.get(i);
            sum_y += self.ys.get(i);
        }
        self.shift_x = sum_x * self.inv_period;
        self.shift_y = sum_y * self.inv_period;
        self.sum_x = 0.0;
        self.sum_y = 0.0;
        self.sum_x2 = 0.0;
        self.sum_y2 = 0.0;
        self.sum_xy = 0.0;
        for i in 0..self.xs.len() {
            self.add(self.xs.get(i), self.ys.get(i));
        }
    }
}

impl Indicator for Correl {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: CorrelParams = params.get();
        let period = p.period;
        Ok(Correl {
            period,
            inv_period: 1.0 / period as f64,
            xs: Ring::new(period),
            ys: Ring::new(period),
            shift_x: 0.0,
            shift_y: 0.0,
            sum_x: 0.0,
            sum_y: 0.0,
            sum_x2: 0.0,
            sum_y2: 0.0,
            sum_xy: 0.0,
            leaving_x: 0.0,
            leaving_y: 0.0,
            bars_since_reseed: RESEED_WINDOWS * period,
        })
    }
    fn lookback(&self) -> usize {
        self.period - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (x, y) = (bar[0], bar[1]);
        if self.xs.is_empty() {
            self.shift_x = x;
            self.shift_y = y;
        }
        self.xs.push(x);
        self.ys.push(y);
        self.add(x, y);
        if !self.xs.is_full() {
            return false;
        }
        let (mut ss_x, mut ss_y, mut sp_xy) = self.spreads();
        self.bars_since_reseed -= 1;
        if ss_x < 0.000_001 * self.sum_x2
            || ss_y < 0.000_001 * self.sum_y2
            || self.leaving_x > 1_000_000.0 * self.sum_x2
            || self.leaving_y > 1_000_000.0 * self.sum_y2
            || self.bars_since_reseed == 0
        {
            self.rebuild();
            (ss_x, ss_y, sp_xy) = self.spreads();
            // A rebuilt sum of squares is clamped at 0 (NaN passes through, as in TA-Lib).
            if ss_x < 0.0 {
                ss_x = 0.0;
            }
            if ss_y < 0.0 {
                ss_y = 0.0;
            }
        }
        out[0] = if ss_x > TA_EPSILON * self.sum_x2 && ss_y > TA_EPSILON * self.sum_y2 {
            (sp_xy / (ss_x * ss_y).sqrt()).clamp(-1.0, 1.0)
        } else {
            0.0
        };
        // The oldest pair leaves after this output.
        let trailing_x = self.xs.oldest() - self.shift_x;
        let trailing_y = self.ys.oldest() - self.shift_y;
        self.leaving_x = trailing_x * trailing_x;
        self.leaving_y = trailing_y * trailing_y;
        self.sum_x -= trailing_x;
        self.sum_x2 -= self.leaving_x;
        self.sum_xy -= trailing_x * trailing_y;
        self.sum_y -= trailing_y;
        self.sum_y2 -= self.leaving_y;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "correl",
    "CORREL",
    Group::Statistic,
    "Pearson's correlation coefficient of two series over the period",
    PAIR,
    CorrelParams::SPECS,
    OWN_LINE,
    kernel::<Correl>(),
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows as run;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * b.abs().max(1.0)
    }

    #[test]
    fn correl_of_linear_and_flat_series() {
        let rows: Vec<[f64; 2]> = (0..6).map(|i| [i as f64, 10.0 - 3.0 * i as f64]).collect();
        let rows: Vec<&[f64]> = rows.iter().map(|r| &r[..]).collect();
        let r = run::<Correl>("correl", &[3.0], &rows);
        assert_eq!(&r[..2], &[None, None]);
        assert!(r[2..].iter().all(|v| close(v.unwrap(), -1.0)));
        let flat: Vec<[f64; 2]> = (0..6).map(|i| [i as f64, 4.0]).collect();
        let flat: Vec<&[f64]> = flat.iter().map(|r| &r[..]).collect();
        assert!(run::<Correl>("correl", &[3.0], &flat)[2..]
            .iter()
            .all(|v| *v == Some(0.0)));
    }
}
