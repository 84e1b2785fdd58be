//! Beta of two series' returns.

use super::returns::change;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, PAIR};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::{Ring, RESEED_WINDOWS, TA_EPSILON};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct BetaParams {
        period: usize = period(5, 1),
    }
}

/// Beta: slope of the regression of the second series' one-bar returns on the first's over
/// `period` returns, TA-Lib 0.8.1's cancellation-free form (returns measured from a shift that is
/// re-anchored on the window mean, as in [`ShiftedVar`]). 0 when the first series' returns do not
/// vary. A return from a previous value of 0 counts as 0.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "BetaFields")]
pub struct Beta {
    period: usize,
    n: f64,
    /// The last `period + 1` prices of each series (the window's returns and the price before).
    xs: Ring,
    ys: Ring,
    shift_x: f64,
    shift_y: f64,
    s_xx: f64,
    s_xy: f64,
    s_x: f64,
    s_y: f64,
    s_yy: f64,
    leaving_xx: f64,
    leaving_yy: f64,
    bars_since_reseed: usize,
}

/// A beta as a snapshot holds it, before it is checked.
#[derive(serde::Deserialize)]
struct BetaFields {
    period: usize,
    n: f64,
    xs: Ring,
    ys: Ring,
    shift_x: f64,
    shift_y: f64,
    s_xx: f64,
    s_xy: f64,
    s_x: f64,
    s_y: f64,
    s_yy: f64,
    leaving_xx: f64,
    leaving_yy: f64,
    bars_since_reseed: usize,
}

impl TryFrom<BetaFields> for Beta {
    type Error = String;

    fn try_from(f: BetaFields) -> Result<Self, String> {
        // Both windows hold the period's returns and the price before, filled together, and
        // the rebuild countdown is within its run.
        if f.period == 0
            || f.xs.capacity() != f.period.wrapping_add(1)
            || f.ys.capacity() != f.xs.capacity()
            || f.ys.len() != f.xs.len()
            || f.n.to_bits() != (f.period as f64).to_bits()
            || !crate::execution::checks::countdown(
                f.bars_since_reseed,
                RESEED_WINDOWS.saturating_mul(f.period),
            )
        {
            return Err(crate::execution::checks::inconsistent("beta"));
        }
        Ok(Beta {
            period: f.period,
            n: f.n,
            xs: f.xs,
            ys: f.ys,
            shift_x: f.shift_x,
            shift_y: f.shift_y,
            s_xx: f.s_xx,
            s_xy: f.s_xy,
            s_x: f.s_x,
            s_y: f.s_y,
            s_yy: f.s_yy,
            leaving_xx: f.leaving_xx,
            leaving_yy: f.leaving_yy,
            bars_since_reseed: f.bars_since_reseed,
        })
    }
}

impl Beta {
    /// Return of `value` over `last`, measured from `shift`.
    #[inline(always)]
    fn deviation(value: f64, last: f64, shift: f64) -> f64 {
        match change(value, last) {
            Some(r) => r - shift,
            None => -shift,
        }
    }

    #[inline(always)]
    fn add(&mut self, x: f64, y: f64) {
        self.s_xx += x * x;
        self.s_xy += x * y;
        self.s_x += x;
        self.s_y += y;
        self.s_yy += y * y;
    }

    /// The window's returns, oldest first, as (x, y) pairs measured from the current shifts.
    fn rebuild(&mut self) {
        self.bars_since_reseed = RESEED_WINDOWS * self.period;
        let len = self.xs.len();
        let mut sum_x = 0.0;
        let mut sum_y = 0.0;
        for i in 1..len {
            if let Some(r) = change(self.xs.get(i), self.xs.get(i - 1)) {
                sum_x += r;
            }
            if let Some(r) = change(self.ys.get(i), self.ys.get(i - 1)) {
                sum_y += r;
            }
        }
        self.shift_x = sum_x / self.n;
        self.shift_y = sum_y / self.n;
        self.s_xx = 0.0;
        self.s_xy = 0.0;
        self.s_x = 0.0;
        self.s_y = 0.0;
        self.s_yy = 0.0;
        for i in 1..len {
            let x = Self::deviation(self.xs.get(i), self.xs.get(i - 1), self.shift_x);
            let y = Self::deviation(self.ys.get(i), self.ys.get(i - 1), self.shift_y);
            self.add(x, y);
        }
    }
}

impl Indicator for Beta {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: BetaParams = params.get();
        let period = p.period;
        Ok(Beta {
            period,
            n: period as f64,
            xs: Ring::new(period + 1),
            ys: Ring::new(period + 1),
            shift_x: 0.0,
            shift_y: 0.0,
            s_xx: 0.0,
            s_xy: 0.0,
            s_x: 0.0,
            s_y: 0.0,
            s_yy: 0.0,
            leaving_xx: 0.0,
            leaving_yy: 0.0,
            bars_since_reseed: RESEED_WINDOWS * period,
        })
    }
    fn lookback(&self) -> usize {
        self.period
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (price_x, price_y) = (bar[0], bar[1]);
        if self.xs.is_empty() {
            self.xs.push(price_x);
            self.ys.push(price_y);
            return false;
        }
        let (last_x, last_y) = (self.xs.back(0), self.ys.back(0));
        if self.xs.len() == 1 {
            // The first return anchors the shifts.
            self.shift_x = change(price_x, last_x).unwrap_or(0.0);
            self.shift_y = change(price_y, last_y).unwrap_or(0.0);
        }
        let x = Self::deviation(price_x, last_x, self.shift_x);
        let y = Self::deviation(price_y, last_y, self.shift_y);
        self.xs.push(price_x);
        self.ys.push(price_y);
        self.add(x, y);
        if !self.xs.is_full() {
            return false;
        }
        let n = self.n;
        let mut scale = n * self.s_xx;
        let mut denominator = scale - self.s_x * self.s_x;
        self.bars_since_reseed -= 1;
        if denominator < 0.000_001 * scale
            || self.leaving_xx > 1000.0 * self.s_xx
            || self.leaving_yy > 1000.0 * self.s_yy
            || self.bars_since_reseed == 0
        {
            self.rebuild();
            scale = n * self.s_xx;
            denominator = scale - self.s_x * self.s_x;
            if denominator < 0.0 {
                denominator = 0.0;
            }
        }
        // The oldest return of the window leaves after this output.
        let x = Self::deviation(self.xs.get(1), self.xs.get(0), self.shift_x);
        let y = Self::deviation(self.ys.get(1), self.ys.get(0), self.shift_y);
        out[0] = if denominator > TA_EPSILON * scale {
            (n * self.s_xy - self.s_x * self.s_y) / denominator
        } else {
            0.0
        };
        self.leaving_xx = x * x;
        self.leaving_yy = y * y;
        self.s_xx -= self.leaving_xx;
        self.s_xy -= x * y;
        self.s_x -= x;
        self.s_y -= y;
        self.s_yy -= self.leaving_yy;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "beta",
    "BETA",
    Group::Statistic,
    "Beta of a series against a market series: the regression slope of its returns on the market's",
    PAIR,
    BetaParams::SPECS,
    OWN_LINE,
    kernel::<Beta>(),
)
// TA-Lib's BETA(real0, real1) is the beta of real1 against real0: real1 is the asset.
.with_input_keywords(&["market", "expr"]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows as run;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * b.abs().max(1.0)
    }

    #[test]
    fn beta_is_the_slope_of_returns() {
        // Returns of the second series are twice those of the first: +10%/-10% vs +20%/-20%.
        let rows: [&[f64]; 3] = [&[100.0, 100.0], &[110.0, 120.0], &[99.0, 96.0]];
        let beta = run::<Beta>("beta", &[2.0], &rows);
        assert_eq!(&beta[..2], &[None, None]);
        assert!(close(beta[2].unwrap(), 2.0));
        // A first series without varying returns has no beta.
        let flat: [&[f64]; 3] = [&[100.0, 100.0], &[100.0, 120.0], &[100.0, 96.0]];
        assert_eq!(run::<Beta>("beta", &[2.0], &flat)[2], Some(0.0));
    }
}
