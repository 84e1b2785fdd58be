//! The plan's operators on one value, exactly as the batch plan (Polars 2.1's kernels) computes
//! them, so that a live value has the batch value's bits.
//!
//! What the batch does, and these functions repeat:
//! - floats compare in Polars' total order: NaN equals NaN and is above everything;
//! - an operation with a constant runs Polars' scalar kernel, which is not always the plain
//!   operation: `x + 0` and `x - 0` are `x` (keeping `-0.0`), `0 - x` is `-x`, `x * 1` is `x`,
//!   `x * -1` is `-x`, `x / c` is `x * (1 / c)`, `x % c` is `x - c * floor(x * (1 / c))`;
//! - `x ** c` for a constant `c` is `x` (c = 1), `sqrt(x)` (c = 0.5), repeated multiplication
//!   (whole c from 2 to 9), `powf` otherwise; a NaN power is null;
//! - `/` and `%` are null where the divisor is 0; float `%` is `a - b * floor(a / b)`, integer
//!   `%` the floor modulo;
//! - integer series (pattern outputs: Int32) stay integers under `+ - * %`, unary minus, `abs`,
//!   `min`, `max` and `if_else` (wrapping like Polars' Int32 arithmetic).

/// One value: a number (a boolean is 1.0 or 0.0) and whether it is present. A missing value
/// (null) always holds NaN in `v`, so that an indicator input can be handed over as is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct V {
    pub v: f64,
    pub ok: bool,
}

pub(crate) const NULL: V = V {
    v: f64::NAN,
    ok: false,
};

impl V {
    #[inline(always)]
    pub fn some(v: f64) -> V {
        V { v, ok: true }
    }

    #[inline(always)]
    pub fn bool(b: bool) -> V {
        V::some(if b { 1.0 } else { 0.0 })
    }

    /// Present unless `v` is NaN (a source column: NaN is missing data).
    #[inline(always)]
    pub fn source(v: f64) -> V {
        V { v, ok: !v.is_nan() }
    }

    #[inline(always)]
    pub fn truth(self) -> bool {
        self.v != 0.0
    }
}

/// Polars' total order on floats: NaN equals NaN and is the largest value.
#[inline(always)]
pub(crate) fn tot_ge(a: f64, b: f64) -> bool {
    a.is_nan() | (a >= b)
}

#[inline(always)]
pub(crate) fn tot_eq(a: f64, b: f64) -> bool {
    if a.is_nan() {
        b.is_nan()
    } else {
        a == b
    }
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cmp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

impl Cmp {
    #[inline(always)]
    pub fn test(self, a: f64, b: f64) -> bool {
        match self {
            Cmp::Lt => !tot_ge(a, b),
            Cmp::Le => tot_ge(b, a),
            Cmp::Gt => !tot_ge(b, a),
            Cmp::Ge => tot_ge(a, b),
            Cmp::Eq => tot_eq(a, b),
            Cmp::Ne => !tot_eq(a, b),
        }
    }
}

/// An arithmetic operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Arith {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
}

/// `a op b` for two series (both present; nulls are handled by the caller), `None` for a null
/// result. `int`: both are integer series.
#[inline(always)]
pub(crate) fn arith(op: Arith, a: f64, b: f64, int: bool) -> Option<f64> {
    Some(match op {
        Arith::Add if int => wrap(a, b, i32::wrapping_add),
        Arith::Sub if int => wrap(a, b, i32::wrapping_sub),
        Arith::Mul if int => wrap(a, b, i32::wrapping_mul),
        Arith::Mod if int => {
            if b == 0.0 {
                return None;
            }
            f64::from(floor_mod(a as i32, b as i32))
        }
        Arith::Add => a + b,
        Arith::Sub => a - b,
        Arith::Mul => a * b,
        Arith::Div => {
            if b == 0.0 {
                return None;
            }
            a / b
        }
        Arith::Mod => {
            if b == 0.0 {
                return None;
            }
            a - b * (a / b).floor()
        }
        Arith::Pow => return not_nan(a.powf(b)),
    })
}

/// `x op c` for a series `x` and a constant `c` (Polars' scalar kernels).
#[inline(always)]
pub(crate) fn arith_scalar(op: Arith, x: f64, c: f64) -> Option<f64> {
    Some(match op {
        Arith::Add => add_scalar(x, c),
        Arith::Sub => {
            if c == 0.0 {
                x
            } else {
                add_scalar(x, -c)
            }
        }
        Arith::Mul => mul_scalar(x, c),
        Arith::Div => {
            if c == 0.0 {
                return None;
            }
            mul_scalar(x, 1.0 / c)
        }
        Arith::Mod => {
            if c == 0.0 {
                return None;
            }
            let inv = 1.0 / c;
            x - c * (x * inv).floor()
        }
        Arith::Pow => return not_nan(pow_scalar(x, c)),
    })
}

/// `c op x` for a constant `c` and a series `x` (Polars' scalar-left kernels).
#[inline(always)]
pub(crate) fn scalar_arith(op: Arith, c: f64, x: f64) -> Option<f64> {
    Some(match op {
        Arith::Add => add_scalar(x, c),
        Arith::Sub => {
            if c == 0.0 {
                -x
            } else {
                c - x
            }
        }
        Arith::Mul => mul_scalar(x, c),
        Arith::Div => {
            if x == 0.0 {
                return None;
            }
            c / x
        }
        Arith::Mod => {
            if x == 0.0 {
                return None;
            }
            c - x * (c / x).floor()
        }
        Arith::Pow => return not_nan(c.powf(x)),
    })
}

/// `c1 op c2` for two constants: Polars folds them with the plain operation.
pub(crate) fn fold(op: Arith, a: f64, b: f64) -> Option<f64> {
    arith(op, a, b, false)
}

#[inline(always)]
fn add_scalar(x: f64, c: f64) -> f64 {
    if c == 0.0 {
        x
    } else {
        x + c
    }
}

#[inline(always)]
fn mul_scalar(x: f64, c: f64) -> f64 {
    if c == 1.0 {
        x
    } else if c == -1.0 {
        -x
    } else {
        x * c
    }
}

/// Polars' `pow` with a constant exponent (`pow_on_floats`).
#[inline(always)]
fn pow_scalar(x: f64, c: f64) -> f64 {
    if c == 1.0 {
        x
    } else if c == 0.5 {
        x.sqrt()
    } else if c.fract() == 0.0 && c < 10.0 && c > 1.0 {
        let mut out = x;
        for _ in 1..(c as u8) {
            out *= x;
        }
        out
    } else {
        x.powf(c)
    }
}

#[inline(always)]
fn not_nan(v: f64) -> Option<f64> {
    (!v.is_nan()).then_some(v)
}

#[inline(always)]
fn wrap(a: f64, b: f64, f: fn(i32, i32) -> i32) -> f64 {
    f64::from(f(a as i32, b as i32))
}

/// The floor modulo of Polars' integer `%` (the result has the divisor's sign).
#[inline(always)]
pub(crate) fn floor_mod(a: i32, b: i32) -> i32 {
    if b == -1 {
        return 0;
    }
    let r = a.wrapping_rem(b);
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

/// Unary minus; integers wrap.
#[inline(always)]
pub(crate) fn neg(x: f64, int: bool) -> f64 {
    if int {
        f64::from((x as i32).wrapping_neg())
    } else {
        -x
    }
}

#[inline(always)]
pub(crate) fn abs(x: f64, int: bool) -> f64 {
    if int {
        f64::from((x as i32).wrapping_abs())
    } else {
        x.abs()
    }
}

/// Kleene `and`: false wins over null.
#[inline(always)]
pub(crate) fn and(a: V, b: V) -> V {
    if (a.ok && !a.truth()) || (b.ok && !b.truth()) {
        V::bool(false)
    } else if a.ok && b.ok {
        V::bool(true)
    } else {
        NULL
    }
}

/// Kleene `or`: true wins over null.
#[inline(always)]
pub(crate) fn or(a: V, b: V) -> V {
    if (a.ok && a.truth()) || (b.ok && b.truth()) {
        V::bool(true)
    } else if a.ok && b.ok {
        V::bool(false)
    } else {
        NULL
    }
}

/// `min(a, b)` as the batch writes it: `when(a <= b).then(a).when(a > b).then(b)`.
#[inline(always)]
pub(crate) fn min(a: V, b: V) -> V {
    if !(a.ok && b.ok) {
        NULL
    } else if tot_ge(b.v, a.v) {
        a
    } else {
        b
    }
}

/// `max(a, b)`: `when(a >= b).then(a).when(a < b).then(b)`.
#[inline(always)]
pub(crate) fn max(a: V, b: V) -> V {
    if !(a.ok && b.ok) {
        NULL
    } else if tot_ge(a.v, b.v) {
        a
    } else {
        b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nan_is_the_largest_value_and_equals_itself() {
        let nan = f64::NAN;
        assert!(Cmp::Gt.test(nan, 3.0) && Cmp::Ge.test(nan, f64::INFINITY));
        assert!(!Cmp::Lt.test(nan, 3.0) && Cmp::Lt.test(3.0, nan));
        assert!(Cmp::Eq.test(nan, nan) && !Cmp::Ne.test(nan, nan));
        assert!(Cmp::Le.test(nan, nan) && Cmp::Eq.test(-0.0, 0.0));
        assert!(!Cmp::Eq.test(nan, 1.0) && Cmp::Ne.test(1.0, nan));
    }

    #[test]
    fn scalar_kernels_are_not_the_plain_operations() {
        // x / 3 is x * (1 / 3): not always the correctly rounded quotient.
        let x = 5.0;
        assert_eq!(arith_scalar(Arith::Div, x, 3.0), Some(x * (1.0 / 3.0)));
        assert_ne!(x * (1.0 / 3.0), x / 3.0);
        assert_eq!(arith_scalar(Arith::Div, x, 0.0), None);
        // -0.0 + 0 keeps the sign; 0 - 0.0 is -0.0.
        let kept = arith_scalar(Arith::Add, -0.0, 0.0).unwrap();
        assert!(kept == 0.0 && kept.is_sign_negative());
        let negated = scalar_arith(Arith::Sub, 0.0, 0.0).unwrap();
        assert!(negated.is_sign_negative());
        // x ** 3 is x * x * x; x ** 0.5 is sqrt.
        let y = 1.1_f64;
        assert_eq!(arith_scalar(Arith::Pow, y, 3.0), Some(y * y * y));
        assert_eq!(arith_scalar(Arith::Pow, 2.0, 0.5), Some(2.0_f64.sqrt()));
        assert_eq!(arith_scalar(Arith::Pow, -1.0, 0.5), None);
        assert_eq!(arith(Arith::Pow, -8.0, 1.0 / 3.0, false), None);
    }

    #[test]
    fn modulo_follows_the_divisor_sign() {
        assert_eq!(arith(Arith::Mod, -100.0, 30.0, true), Some(20.0));
        assert_eq!(arith(Arith::Mod, 100.0, -30.0, true), Some(-20.0));
        assert_eq!(arith(Arith::Mod, 7.0, 0.0, true), None);
        assert_eq!(arith(Arith::Mod, -7.0, 2.0, false), Some(1.0));
        assert_eq!(floor_mod(i32::MIN, -1), 0);
        assert_eq!(
            arith_scalar(Arith::Mod, 5.5, 2.0),
            Some(5.5 - 2.0 * (5.5 * 0.5_f64).floor())
        );
    }

    #[test]
    fn kleene_logic() {
        let (t, f) = (V::bool(true), V::bool(false));
        assert_eq!(and(f, NULL), f);
        assert!(!and(t, NULL).ok);
        assert_eq!(or(t, NULL), t);
        assert!(!or(f, NULL).ok);
        assert_eq!(and(t, t), t);
        assert_eq!(or(f, f), f);
    }

    #[test]
    fn min_max_need_both_and_order_nan_last() {
        let nan = V::some(f64::NAN);
        assert_eq!(min(V::some(3.0), nan), V::some(3.0));
        assert!(max(V::some(3.0), nan).v.is_nan());
        assert!(!min(V::some(1.0), NULL).ok);
    }
}
