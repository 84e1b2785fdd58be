//! The EMA of the functions TA-Lib 0.8.3 added: `β·prev + k·x` with one fused multiply-add.

use super::average::Smoother;

/// An exponential moving average in TA-Lib 0.8.3's form for its newer functions (DOSC, PSO,
/// KVO, KST, STC, WAVETREND, ...): `β = (n-1)/(n+1)`, `k = 1 - β` (or, below 0.5, `β = 1 - k`,
/// so that the subtraction is exact and `k + β == 1`), and each step is `fma(β, prev, k·x)`.
/// [`Smoother::update`] seeds with the simple mean of the first `period` values.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct BetaEma {
    period: usize,
    k: f64,
    beta: f64,
    seen: usize,
    value: f64,
}

impl BetaEma {
    pub fn new(period: usize) -> Self {
        let n = period as f64;
        let mut beta = (n - 1.0) / (n + 1.0);
        let k = 1.0 - beta;
        if beta < 0.5 {
            beta = 1.0 - k;
        }
        BetaEma {
            period,
            k,
            beta,
            seen: 0,
            value: 0.0,
        }
    }

    /// One step from `prev`: `fma(β, prev, k·x)`.
    #[inline(always)]
    pub fn blend(&self, prev: f64, x: f64) -> f64 {
        self.beta.mul_add(prev, self.k * x)
    }

    /// Starts the average at `x` (no SMA seed) and returns it.
    #[inline(always)]
    pub fn seed(&mut self, x: f64) -> f64 {
        self.seen = self.period;
        self.value = x;
        x
    }

    /// Steps a seeded average (see [`seed`](Self::seed)).
    #[inline(always)]
    pub fn next(&mut self, x: f64) -> f64 {
        self.value = self.blend(self.value, x);
        self.value
    }
}

impl Smoother for BetaEma {
    const FUSED: bool = true;
    #[inline(always)]
    fn update(&mut self, x: f64) -> Option<f64> {
        if self.seen >= self.period {
            return Some(self.next(x));
        }
        self.seen += 1;
        self.value += x;
        (self.seen == self.period).then(|| {
            self.value /= self.period as f64;
            self.value
        })
    }
    fn lookback(&self) -> usize {
        self.period - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_with_the_mean_then_blended() {
        let mut e = BetaEma::new(3);
        assert_eq!(e.update(1.0), None);
        assert_eq!(e.update(2.0), None);
        assert_eq!(e.update(6.0), Some(3.0));
        assert_eq!(e.update(5.0), Some(4.0));
        let mut one = BetaEma::new(1);
        assert_eq!(one.update(7.0), Some(7.0));
        assert_eq!(one.update(8.0), Some(8.0));
        let mut two = BetaEma::new(2);
        assert_eq!(two.seed(3.0), 3.0);
        assert_eq!(two.next(6.0), 5.0);
    }
}
