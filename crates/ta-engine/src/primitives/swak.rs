//! Coefficients of Ehlers' "Swiss Army Knife" filters (TA-Lib 0.8.3's SWAK_* functions).

/// The two-pole alpha for a cutoff of `period` bars (Ehlers' Figure 5, with the full turn
/// 2π/P), written as TA-Lib 0.8.3 writes it: 1 − cos(w) as 2·sin(w/2)², and the root's
/// argument fused.
#[inline]
pub fn two_pole_alpha(period: usize) -> f64 {
    let s = (std::f64::consts::PI / period as f64).sin();
    let b = 2.415 * (2.0 * s * s);
    -b + b.mul_add(b, 2.0 * b).sqrt()
}

/// The feedback coefficients `(a1, a2)` of the double real pole `1 − alpha`.
#[inline]
pub fn two_pole_feedback(alpha: f64) -> (f64, f64) {
    let om = 1.0 - alpha;
    (2.0 * om, -(om * om))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alpha_is_a_fraction_that_shrinks_with_the_period() {
        let (a10, a20) = (two_pole_alpha(10), two_pole_alpha(20));
        assert!(0.0 < a20 && a20 < a10 && a10 < 1.0);
        let (a1, a2) = two_pole_feedback(0.25);
        assert_eq!((a1, a2), (1.5, -0.5625));
    }
}
