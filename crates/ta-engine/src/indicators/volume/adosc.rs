//! Chaikin A/D oscillator.

use super::ad_line::AdLine;
use crate::catalog::deviations::FLAGGED_UNSTABLE;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW_CLOSE_VOLUME, OWN_LINE, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::ema_k;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct AdoscParams {
        fast_period: usize = int("fastperiod", 3, 2, "bars in the fast EMA"),
        slow_period: usize = int("slowperiod", 10, 2, "bars in the slow EMA"),
    }
}

/// Chaikin A/D oscillator: EMA(AD, fast) - EMA(AD, slow). Both EMAs start from the first AD
/// value (not an SMA) and blend as `(1 - k)·EMA + k·AD`; output starts once the slower period
/// is covered.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Adosc {
    ad: AdLine,
    fast_k: f64,
    slow_k: f64,
    lookback: usize,
    bars: usize,
    fast: f64,
    slow: f64,
}

impl Indicator for Adosc {
    const INPUTS: usize = 4;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: AdoscParams = params.get();
        let (fast, slow) = (p.fast_period, p.slow_period);
        Ok(Adosc {
            ad: AdLine(0.0),
            fast_k: ema_k(fast),
            slow_k: ema_k(slow),
            lookback: fast.max(slow) - 1,
            bars: 0,
            fast: 0.0,
            slow: 0.0,
        })
    }
    fn lookback(&self) -> usize {
        self.lookback
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let ad = self.ad.update(bar[0], bar[1], bar[2], bar[3]);
        let index = self.bars;
        self.bars += 1;
        if index == 0 {
            self.fast = ad;
            self.slow = ad;
        } else {
            // TA-Lib 0.8.1 fuses the blend: fma(EMA, 1 - k, k·AD).
            self.fast = self.fast.mul_add(1.0 - self.fast_k, self.fast_k * ad);
            self.slow = self.slow.mul_add(1.0 - self.slow_k, self.slow_k * ad);
        }
        if index < self.lookback {
            return false;
        }
        out[0] = self.fast - self.slow;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "adosc",
    "ADOSC",
    Group::Volume,
    "Chaikin A/D oscillator: fast EMA minus slow EMA of the A/D line",
    HIGH_LOW_CLOSE_VOLUME,
    AdoscParams::SPECS,
    OWN_LINE,
    kernel::<Adosc>(),
)
// Its EMAs never forget their first A/D value; TA-Lib does not flag it.
.with_flags(UNSTABLE)
.with_deviations(&[FLAGGED_UNSTABLE]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows as run;

    /// (high, low, close, volume): money-flow volumes 50, 0 (no range) and -40.
    const ROWS: [&[f64]; 3] = [
        &[10.0, 8.0, 9.5, 100.0],
        &[9.0, 9.0, 9.0, 500.0],
        &[12.0, 10.0, 10.0, 40.0],
    ];

    #[test]
    fn adosc_emas_start_from_the_first_ad() {
        // fast k = 2/3, slow k = 1/2 over AD = 50, 50, 10: fast 70/3, slow 30 on bar 2.
        let adosc = run::<Adosc>("adosc", &[2.0, 3.0], &ROWS);
        assert_eq!(&adosc[..2], &[None, None]);
        assert!((adosc[2].unwrap() - (70.0 / 3.0 - 30.0)).abs() < 1e-12);
    }
}
