//! Wilder smoothing.
//!
//! TA-Lib writes Wilder's smoothing in several algebraically equal forms that round
//! differently, and each indicator follows its own to stay bit-close: the running sum below
//! (+DM/-DM and the DI family), `fma(avg, (n-1)/n, x/n)` (ATR), `(avg·(n-1) + x) / n` (ADX) and
//! `(avg·(n-1) + x)·(1/n)` (RSI). Only the first is shared, so only it lives here.

/// One step of Wilder's running sum: `sum - sum / n + x`.
#[inline(always)]
pub fn wilder_sum(sum: f64, n: f64, x: f64) -> f64 {
    sum - sum / n + x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_all_but_one_period_of_the_sum() {
        assert_eq!(wilder_sum(3.0, 3.0, 2.0), 4.0);
    }
}
