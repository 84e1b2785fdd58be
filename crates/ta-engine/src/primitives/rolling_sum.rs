//! Sum of the last `period` values, kept up to date in O(1).

use super::Ring;

/// Sum of a sliding window in TA-Lib's running form: the leaving value is subtracted, then
/// the arriving one added.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct RollingSum {
    window: Ring,
    sum: f64,
}

impl RollingSum {
    pub fn new(period: usize) -> Self {
        RollingSum {
            window: Ring::new(period),
            sum: 0.0,
        }
    }

    #[inline(always)]
    pub fn push(&mut self, x: f64) {
        if let Some(old) = self.window.push(x) {
            self.sum -= old;
        }
        self.sum += x;
    }

    #[inline(always)]
    pub fn sum(&self) -> f64 {
        self.sum
    }

    /// Drops rounding residue: the caller knows every value in the window is zero.
    #[inline(always)]
    pub fn clear_sum(&mut self) {
        self.sum = 0.0;
    }

    #[inline(always)]
    pub fn period(&self) -> usize {
        self.window.capacity()
    }

    #[inline(always)]
    pub fn is_full(&self) -> bool {
        self.window.is_full()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_the_last_values() {
        let mut s = RollingSum::new(2);
        s.push(1.0);
        assert!(!s.is_full());
        s.push(2.0);
        s.push(4.0);
        assert!(s.is_full());
        assert_eq!(s.sum(), 6.0);
    }
}
