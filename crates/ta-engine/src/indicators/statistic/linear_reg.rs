//! The least-squares line over a window, shared by LINEARREG, its slope, intercept and angle, and TSF.

use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::{Ring, RESEED_WINDOWS};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct LinearRegParams {
        period: usize = period(14, 2),
    }
}

/// What a least-squares indicator reports from the fitted line `y = b + m·x` (x = 0 on the
/// oldest bar of the window).
pub(super) const LINE_END: u8 = 0;
pub(super) const SLOPE: u8 = 1;
pub(super) const INTERCEPT: u8 = 2;
pub(super) const ANGLE: u8 = 3;
pub(super) const FORECAST: u8 = 4;

/// Least-squares line over the last `period` values with TA-Lib 0.8.1's sliding sums (x counts
/// bars back from today): `ΣY` and `ΣXY` slide in O(1) and are rebuilt from the window every 32
/// windows, or when the value leaving outweighs the whole window (|period·y| > 100·Σ|y|).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "LinearRegFields")]
pub struct LinearReg<const KIND: u8> {
    window: Ring,
    n: f64,
    sum_x: f64,
    divisor: f64,
    sum_y: f64,
    sum_xy: f64,
    sum_abs: f64,
    bars_since_reseed: usize,
}

/// A linear regression as a snapshot holds it, before it is checked.
#[derive(serde::Deserialize)]
struct LinearRegFields {
    window: Ring,
    n: f64,
    sum_x: f64,
    divisor: f64,
    sum_y: f64,
    sum_xy: f64,
    sum_abs: f64,
    bars_since_reseed: usize,
}

impl<const KIND: u8> TryFrom<LinearRegFields> for LinearReg<KIND> {
    type Error = String;

    fn try_from(f: LinearRegFields) -> Result<Self, String> {
        // The rebuild countdown starts when the window first fills, and then stays within
        // its run.
        let full = RESEED_WINDOWS.saturating_mul(f.window.capacity());
        let counting = if f.window.is_full() {
            crate::execution::checks::countdown(f.bars_since_reseed, full)
        } else {
            f.bars_since_reseed == 0
        };
        if !counting {
            return Err(crate::execution::checks::inconsistent("linear regression"));
        }
        Ok(LinearReg {
            window: f.window,
            n: f.n,
            sum_x: f.sum_x,
            divisor: f.divisor,
            sum_y: f.sum_y,
            sum_xy: f.sum_xy,
            sum_abs: f.sum_abs,
            bars_since_reseed: f.bars_since_reseed,
        })
    }
}

impl<const KIND: u8> LinearReg<KIND> {
    fn new(period: usize) -> Self {
        let n = period as f64;
        let n_n1 = n * (period - 1) as f64;
        let sum_x = n_n1 * 0.5;
        let sum_x_sqr = n_n1 * (2 * period - 1) as f64 / 6.0;
        LinearReg {
            window: Ring::new(period),
            n,
            sum_x,
            divisor: sum_x * sum_x - n * sum_x_sqr,
            sum_y: 0.0,
            sum_xy: 0.0,
            sum_abs: 0.0,
            bars_since_reseed: 0,
        }
    }

    /// Recomputes the window sums from scratch, oldest value first.
    fn rebuild(&mut self) {
        self.bars_since_reseed = RESEED_WINDOWS * self.window.capacity();
        self.sum_y = 0.0;
        self.sum_xy = 0.0;
        self.sum_abs = 0.0;
        let len = self.window.len();
        for (age, v) in (0..len).rev().zip(self.window.iter()) {
            self.sum_y += v;
            self.sum_xy += age as f64 * v;
            self.sum_abs += v.abs();
        }
    }
}

impl<const KIND: u8> Indicator for LinearReg<KIND> {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: LinearRegParams = params.get();
        Ok(Self::new(p.period))
    }
    fn lookback(&self) -> usize {
        self.window.capacity() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let x = bar[0];
        let leaving = self.window.push(x);
        if !self.window.is_full() {
            return false;
        }
        match leaving {
            None => self.rebuild(),
            Some(old) => {
                let weighted_old = self.n * old;
                self.sum_xy = self.sum_xy + self.sum_y - weighted_old;
                self.sum_y = self.sum_y - old + x;
                self.sum_abs = self.sum_abs - old.abs() + x.abs();
                self.bars_since_reseed -= 1;
                if self.bars_since_reseed == 0 || weighted_old.abs() > 100.0 * self.sum_abs {
                    self.rebuild();
                }
            }
        }
        let n = self.n;
        let m = (n * self.sum_xy - self.sum_x * self.sum_y) / self.divisor;
        out[0] = match KIND {
            SLOPE => m,
            ANGLE => m.atan() * (180.0 / std::f64::consts::PI),
            _ => {
                let b = (self.sum_y - m * self.sum_x) / n;
                match KIND {
                    INTERCEPT => b,
                    FORECAST => m.mul_add(n, b),
                    _ => m.mul_add(n - 1.0, b),
                }
            }
        };
        true
    }
}

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows as run;
    use crate::indicators::statistic::{
        LinearRegAngle, LinearRegIntercept, LinearRegSlope, LinearRegValue, Tsf,
    };

    fn single(values: &[f64]) -> Vec<[f64; 1]> {
        values.iter().map(|&v| [v]).collect()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * b.abs().max(1.0)
    }

    #[test]
    fn regression_on_a_straight_line() {
        // y = 2x + 1 over x = 0..7; a 4-bar window ending at x = 6 starts at x = 3.
        let rows = single(&[1.0, 3.0, 5.0, 7.0, 9.0, 11.0, 13.0]);
        let rows: Vec<&[f64]> = rows.iter().map(|r| &r[..]).collect();
        let last = |v: Vec<Option<f64>>| v[6].unwrap();
        assert!(close(
            last(run::<LinearRegSlope>("linearreg_slope", &[4.0], &rows)),
            2.0
        ));
        assert!(close(
            last(run::<LinearRegValue>("linearreg", &[4.0], &rows)),
            13.0
        ));
        assert!(close(
            last(run::<LinearRegIntercept>(
                "linearreg_intercept",
                &[4.0],
                &rows
            )),
            7.0
        ));
        assert!(close(last(run::<Tsf>("tsf", &[4.0], &rows)), 15.0));
        let angle = last(run::<LinearRegAngle>("linearreg_angle", &[4.0], &rows));
        assert!(close(angle, 2.0_f64.atan().to_degrees()));
        assert_eq!(
            run::<Tsf>("tsf", &[4.0], &rows)
                .iter()
                .position(Option::is_some),
            Some(3)
        );
    }
}
