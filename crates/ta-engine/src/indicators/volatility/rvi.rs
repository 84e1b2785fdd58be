//! Relative volatility index (Dorsey).

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::ShiftedVar;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct RviParams {
        period: usize = period(14, 1),
        stddev_period: usize = int("stddevperiod", 10, 2, "bars in the standard deviation"),
    }
}

/// Relative volatility index: RSI's formula applied to the rolling standard deviation (TA-Lib
/// 0.8.1's STDDEV arithmetic) instead of the change, the deviation counting as "up" on a
/// rising bar and "down" on a falling one; Wilder averages (seeded with the mean of `period`
/// bars, then TA-Lib 0.8.1's fused step); 50 when both averages are 0.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Rvi {
    variance: ShiftedVar,
    prev: Option<f64>,
    period: usize,
    alpha: f64,
    beta: f64,
    /// Deviations averaged so far (up to `period`, the seed).
    seen: usize,
    up: f64,
    down: f64,
}

impl Indicator for Rvi {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: RviParams = params.get();
        let beta = (p.period - 1) as f64 / p.period as f64;
        Ok(Rvi {
            variance: ShiftedVar::new(p.stddev_period),
            prev: None,
            period: p.period,
            alpha: 1.0 - beta,
            beta,
            seen: 0,
            up: 0.0,
            down: 0.0,
        })
    }
    fn lookback(&self) -> usize {
        self.variance.lookback() + self.period - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let x = bar[0];
        let prev = self.prev.replace(x);
        let Some(variance) = self.variance.update(x) else {
            return false;
        };
        // The window holds at least two values, so there is a previous one.
        let delta = x - prev.unwrap_or(x);
        let sigma = variance.sqrt();
        let (up, down) = if delta > 0.0 {
            (sigma, 0.0)
        } else if delta < 0.0 {
            (0.0, sigma)
        } else {
            (0.0, 0.0)
        };
        if self.seen < self.period {
            self.seen += 1;
            self.up += up;
            self.down += down;
            if self.seen < self.period {
                return false;
            }
            self.up /= self.period as f64;
            self.down /= self.period as f64;
        } else {
            self.up = self.beta.mul_add(self.up, self.alpha * up);
            self.down = self.beta.mul_add(self.down, self.alpha * down);
        }
        let total = self.up + self.down;
        out[0] = if total == 0.0 {
            50.0
        } else {
            100.0 * (self.up / total)
        };
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "rvi",
    "RVI",
    Group::Volatility,
    "Relative volatility index: RSI computed on the standard deviation of rising and falling bars",
    REAL,
    RviParams::SPECS,
    OWN_LINE,
    kernel::<Rvi>(),
)
.with_flags(UNSTABLE)
.with_levels(&[50.0]);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows;

    #[test]
    fn share_of_volatility_on_rising_bars() {
        // Deviations over 2 bars: |Δ|/2 = 0.5, 1, 1 on a rise, a rise and a fall.
        let rows: [&[f64]; 4] = [&[1.0], &[2.0], &[4.0], &[2.0]];
        let out = run_rows::<super::Rvi>("rvi", &[2.0, 2.0], &rows);
        assert_eq!(out[..2], [None, None]);
        assert_eq!(out[2], Some(100.0));
        // Seeded up average ¾; then up = ¾·½ = 0.375 and down = 1·½ = 0.5.
        assert!((out[3].unwrap() - 100.0 * 0.375 / 0.875).abs() < 1e-12);
    }
}
