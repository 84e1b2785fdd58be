//! TA-Lib 0.8's zero tests.

/// TA-Lib 0.8's `TA_EPSILON` (it was 1e-8 before 0.8). Its zero tests are relative where a
/// difference of two prices is tested (`|a - b| ≤ ε·(|a| + |b|)`) and absolute elsewhere.
pub const TA_EPSILON: f64 = 1e-14;

/// TA-Lib's `TA_IS_ZERO` as of 0.8 (`|v| < 1e-14`).
#[inline(always)]
pub fn is_tiny(v: f64) -> bool {
    -TA_EPSILON < v && v < TA_EPSILON
}

/// TA-Lib 0.8's scale-aware zero test: `|v| ≤ ε·scale`, where `scale` is the sum of the
/// magnitudes of the operands `v` was computed from. False for NaN.
#[inline(always)]
pub fn is_tiny_against(v: f64, scale: f64) -> bool {
    scale * TA_EPSILON >= v.abs()
}
