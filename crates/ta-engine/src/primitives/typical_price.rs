//! The typical price of a bar.

/// `(high + low + close) / 3`, summed in TA-Lib's order (TYPPRICE, CCI, MFI).
#[inline(always)]
pub fn typical_price(high: f64, low: f64, close: f64) -> f64 {
    (high + low + close) / 3.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mean_of_high_low_and_close() {
        assert_eq!(typical_price(12.0, 6.0, 12.0), 10.0);
    }
}
