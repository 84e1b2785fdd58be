//! Statistics over a rolling window: dispersion, least-squares lines, beta and correlation.

use crate::catalog::{kernel, Group, IndicatorSpec, Input, MissingData, OutputSpec, Pane, Style};
use crate::kernel::Indicator;
use crate::params::{ParamSpec, Params};
use crate::primitives::{Ring, ShiftedVar, RESEED_WINDOWS, TA_EPSILON};
use crate::TaError;

/// Standard deviation: `nbdev` × the square root of the population variance.
#[derive(Debug, Clone)]
pub struct Stddev {
    variance: ShiftedVar,
    nbdev: f64,
}

impl Indicator for Stddev {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        Ok(Stddev {
            variance: ShiftedVar::new(p.int(0)),
            nbdev: p.float(1),
        })
    }
    fn lookback(&self) -> usize {
        self.variance.lookback()
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let Some(variance) = self.variance.update(bar[0]) else {
            return false;
        };
        out[0] = variance.sqrt() * self.nbdev;
        true
    }
}

/// Population variance. TA-Lib's `nbdev` parameter is accepted and ignored.
#[derive(Debug, Clone)]
pub struct Var(ShiftedVar);

impl Indicator for Var {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        Ok(Var(ShiftedVar::new(p.int(0))))
    }
    fn lookback(&self) -> usize {
        self.0.lookback()
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        match self.0.update(bar[0]) {
            Some(v) => {
                out[0] = v;
                true
            }
            None => false,
        }
    }
}

/// What a least-squares indicator reports from the fitted line `y = b + m·x` (x = 0 on the
/// oldest bar of the window).
const LINE_END: u8 = 0;
const SLOPE: u8 = 1;
const INTERCEPT: u8 = 2;
const ANGLE: u8 = 3;
const FORECAST: u8 = 4;

/// Least-squares line over the last `period` values with TA-Lib 0.8.1's sliding sums (x counts
/// bars back from today): `ΣY` and `ΣXY` slide in O(1) and are rebuilt from the window every 32
/// windows, or when the value leaving outweighs the whole window (|period·y| > 100·Σ|y|).
#[derive(Debug, Clone)]
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
    fn from_params(p: &Params) -> Result<Self, TaError> {
        Ok(Self::new(p.int(0)))
    }
    fn lookback(&self) -> usize {
        self.window.capacity() - 1
    }
    #[inline]
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

/// Linear regression: the fitted line's value on today's bar.
pub type LinearRegValue = LinearReg<LINE_END>;
/// Slope of the linear regression line.
pub type LinearRegSlope = LinearReg<SLOPE>;
/// Intercept of the linear regression line (its value on the oldest bar of the window).
pub type LinearRegIntercept = LinearReg<INTERCEPT>;
/// Slope of the linear regression line in degrees.
pub type LinearRegAngle = LinearReg<ANGLE>;
/// Time series forecast: the regression line extended one bar past today.
pub type Tsf = LinearReg<FORECAST>;

/// One-bar return `(value - last) / last`, or `None` when `last` is 0.
#[inline]
fn change(value: f64, last: f64) -> Option<f64> {
    (last != 0.0).then(|| (value - last) / last)
}

/// Beta: slope of the regression of the second series' one-bar returns on the first's over
/// `period` returns, TA-Lib 0.8.1's cancellation-free form (returns measured from a shift that is
/// re-anchored on the window mean, as in [`ShiftedVar`]). 0 when the first series' returns do not
/// vary. A return from a previous value of 0 counts as 0.
#[derive(Debug, Clone)]
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

impl Beta {
    /// Return of `value` over `last`, measured from `shift`.
    #[inline]
    fn deviation(value: f64, last: f64, shift: f64) -> f64 {
        match change(value, last) {
            Some(r) => r - shift,
            None => -shift,
        }
    }

    #[inline]
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
    fn from_params(p: &Params) -> Result<Self, TaError> {
        let period = p.int(0);
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
    #[inline]
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

/// Pearson's correlation coefficient of two series over the window, TA-Lib 0.8.1's
/// cancellation-free form (deviations from shifts re-anchored on the window means, as in
/// [`ShiftedVar`]). 0 when either series is flat; clamped to [-1, 1].
#[derive(Debug, Clone)]
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

impl Correl {
    #[inline]
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
    #[inline]
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
    fn from_params(p: &Params) -> Result<Self, TaError> {
        let period = p.int(0);
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
    #[inline]
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

const REAL: &[Input] = &[Input::Real];
const PAIR: &[Input] = &[Input::Real0, Input::Real1];
const OWN_LINE: &[OutputSpec] = &[OutputSpec::new("value", "real", Pane::Own, Style::Line)];
const PRICE_LINE: &[OutputSpec] = &[OutputSpec::new("value", "real", Pane::Price, Style::Line)];
const PERIOD_14: &[ParamSpec] = &[ParamSpec::period(14, 2)];

const fn spec(
    name: &'static str,
    talib_name: &'static str,
    summary: &'static str,
    inputs: &'static [Input],
    params: &'static [ParamSpec],
    outputs: &'static [OutputSpec],
    kernel: crate::catalog::Kernel,
) -> IndicatorSpec {
    IndicatorSpec {
        name,
        talib_name,
        group: Group::Statistic,
        summary,
        inputs,
        params,
        outputs,
        flags: &[],
        missing_data: MissingData::SkipBar,
        kernel,
    }
}

const fn nbdev() -> ParamSpec {
    ParamSpec::float("nbdev", "nbdev", 1.0, -3e37, 3e37, "number of deviations")
}

pub(crate) static SPECS: &[IndicatorSpec] = &[
    spec(
        "stddev",
        "STDDEV",
        "Population standard deviation over the period, times nbdev",
        REAL,
        &[ParamSpec::period(5, 2), nbdev()],
        OWN_LINE,
        kernel::<Stddev>(),
    ),
    spec(
        "var",
        "VAR",
        "Population variance over the period (nbdev is accepted and ignored, as in TA-Lib)",
        REAL,
        &[ParamSpec::period(5, 1), nbdev()],
        OWN_LINE,
        kernel::<Var>(),
    ),
    spec(
        "linearreg",
        "LINEARREG",
        "Linear regression: today's value on the least-squares line over the period",
        REAL,
        PERIOD_14,
        PRICE_LINE,
        kernel::<LinearRegValue>(),
    ),
    spec(
        "linearreg_slope",
        "LINEARREG_SLOPE",
        "Slope of the least-squares line over the period",
        REAL,
        PERIOD_14,
        OWN_LINE,
        kernel::<LinearRegSlope>(),
    ),
    spec(
        "linearreg_intercept",
        "LINEARREG_INTERCEPT",
        "Intercept of the least-squares line over the period (its value on the oldest bar)",
        REAL,
        PERIOD_14,
        PRICE_LINE,
        kernel::<LinearRegIntercept>(),
    ),
    spec(
        "linearreg_angle",
        "LINEARREG_ANGLE",
        "Slope of the least-squares line over the period, in degrees",
        REAL,
        PERIOD_14,
        OWN_LINE,
        kernel::<LinearRegAngle>(),
    ),
    spec(
        "tsf",
        "TSF",
        "Time series forecast: the least-squares line extended one bar ahead",
        REAL,
        PERIOD_14,
        PRICE_LINE,
        kernel::<Tsf>(),
    ),
    spec(
        "beta",
        "BETA",
        "Beta of a series against a market series: the regression slope of its returns on the market's",
        PAIR,
        &[ParamSpec::period(5, 1)],
        OWN_LINE,
        kernel::<Beta>(),
    ),
    spec(
        "correl",
        "CORREL",
        "Pearson's correlation coefficient of two series over the period",
        PAIR,
        &[ParamSpec::period(30, 1)],
        OWN_LINE,
        kernel::<Correl>(),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    use crate::indicators::run_rows as run;

    fn single(values: &[f64]) -> Vec<[f64; 1]> {
        values.iter().map(|&v| [v]).collect()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * b.abs().max(1.0)
    }

    #[test]
    fn var_and_stddev_of_one_to_five() {
        let rows = single(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
        let rows: Vec<&[f64]> = rows.iter().map(|r| &r[..]).collect();
        let var = run::<Var>("var", &[5.0, 1.0], &rows);
        assert_eq!(var, vec![None, None, None, None, Some(2.0), Some(2.0)]);
        // nbdev is ignored by VAR but scales STDDEV.
        assert_eq!(run::<Var>("var", &[5.0, 3.0], &rows), var);
        let sd = run::<Stddev>("stddev", &[5.0, 2.0], &rows);
        assert_eq!(sd[4], Some(2.0 * 2.0_f64.sqrt()));
    }

    #[test]
    fn var_of_flat_values_is_exactly_zero() {
        let rows = single(&[7.3; 200]);
        let rows: Vec<&[f64]> = rows.iter().map(|r| &r[..]).collect();
        assert!(run::<Var>("var", &[5.0, 1.0], &rows)[4..]
            .iter()
            .all(|v| *v == Some(0.0)));
        assert!(run::<Stddev>("stddev", &[5.0, 1.0], &rows)[4..]
            .iter()
            .all(|v| *v == Some(0.0)));
        assert!(run::<Var>("var", &[1.0, 1.0], &rows)
            .iter()
            .all(|v| *v == Some(0.0)));
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
