//! An exact running sum (Shewchuk's non-overlapping partials, as in Python's `math.fsum`).

/// A sum held exactly as non-overlapping partials, smallest magnitude first; [`value`]
/// rounds it once. Used where TA-Lib 0.8.3 keeps exact window sums, so that each output is a
/// function of its window alone.
///
/// [`value`]: ExactSum::value
#[derive(Debug, Clone, Default)]
pub(super) struct ExactSum {
    partials: Vec<f64>,
}

impl ExactSum {
    /// Adds `x` exactly.
    #[inline]
    pub(super) fn add(&mut self, mut x: f64) {
        let mut kept = 0;
        for j in 0..self.partials.len() {
            let mut y = self.partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                self.partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        self.partials.truncate(kept);
        self.partials.push(x);
    }

    /// Adds `a · b` exactly (the product's rounding error comes from a fused multiply-add).
    #[inline]
    pub(super) fn add_product(&mut self, a: f64, b: f64) {
        let p = a * b;
        let e = a.mul_add(b, -p);
        self.add(p);
        if e != 0.0 {
            self.add(e);
        }
    }

    /// The sum rounded to nearest, ties to even.
    pub(super) fn value(&self) -> f64 {
        let p = &self.partials;
        let Some(&last) = p.last() else {
            return 0.0;
        };
        let mut n = p.len() - 1;
        let mut hi = last;
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            let y = p[n - 1];
            n -= 1;
            hi = x + y;
            lo = y - (hi - x);
            if lo != 0.0 {
                break;
            }
        }
        // A half-way case rounded the wrong way when the next partial has the same sign.
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
        hi
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_exactly() {
        let mut s = ExactSum::default();
        for x in [1e100, 1.0, -1e100, 1e-30] {
            s.add(x);
        }
        assert_eq!(s.value(), 1.0 + 1e-30);
        let mut t = ExactSum::default();
        t.add_product(0.1, 3.0);
        t.add_product(0.1, -3.0);
        assert_eq!(t.value(), 0.0);
        let mut u = ExactSum::default();
        for _ in 0..10 {
            u.add(0.1);
        }
        assert_eq!(u.value(), 1.0);
    }
}
