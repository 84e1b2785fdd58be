//! One-bar returns.

/// One-bar return `(value - last) / last`, or `None` when `last` is 0.
#[inline(always)]
pub(super) fn change(value: f64, last: f64) -> Option<f64> {
    (last != 0.0).then(|| (value - last) / last)
}
