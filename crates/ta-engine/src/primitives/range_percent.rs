//! Where a value sits in a window's high-low range (stochastic %K, Williams' %R).

use super::is_tiny_against;

/// `highest - lowest`, or `None` when the range is (relatively) empty: TA-Lib 0.8 tests it
/// against `ε·(|highest| + |lowest|)`.
#[inline(always)]
pub fn significant_range(highest: f64, lowest: f64) -> Option<f64> {
    let range = highest - lowest;
    (!is_tiny_against(range, highest.abs() + lowest.abs())).then_some(range)
}

/// `distance` as a percentage of `range`: `(distance / range) · 100`.
#[inline(always)]
pub fn percent_of_range(distance: f64, range: f64) -> f64 {
    (distance / range) * 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_ranges_are_refused() {
        assert_eq!(significant_range(150.0, 100.0), Some(50.0));
        assert_eq!(significant_range(7.0, 7.0), None);
        assert_eq!(significant_range(1e6, 1e6 - 1e-9), None);
        assert_eq!(percent_of_range(25.0, 50.0), 50.0);
    }
}
