//! Fractal adaptive moving average.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::error::ErrorKind;
use crate::indicators::{HIGH_LOW, PRICE_LINE, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::{Highest, Lowest, Ring};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct FramaParams {
        period: usize = int("timeperiod", 16, 2, "bars in the window (even: two halves)"),
    }
}

/// −4.6 / ln 2: alpha = exp(−4.6·(D − 1)) with D − 1 = log2((R1 + R2) / R).
const EXP_SCALE: f64 = -4.6 / std::f64::consts::LN_2;

/// Ehlers' fractal adaptive moving average of the median price, TA-Lib 0.8.3's FRAMA.
///
/// R1 is the high-low range of the newest `period/2` bars, R2 that of the half before, R that
/// of both. When R1, R2 > 0 and R1 + R2 > R the line moves by alpha = exp(EXP_SCALE·ln((R1 +
/// R2)/R)) (fused: (1 − α)·prev + α·price); otherwise it jumps to the price. TA-Lib's window
/// starts on the second bar: the first bar is never read, the line is seeded on bar
/// `period − 1`'s median price, and the first value is on bar `period`.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Frama {
    highs: Highest,
    lows: Lowest,
    /// The newer half's extremes of the last `period/2` bars: R2 is R1 of `period/2` ago.
    old_highs: Ring,
    old_lows: Ring,
    period: usize,
    seen: usize,
    value: f64,
}

impl Indicator for Frama {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: FramaParams = params.get();
        if p.period % 2 != 0 {
            return Err(TaError::InvalidParam {
                indicator: "frama".to_string(),
                param: "period".to_string(),
                kind: ErrorKind::OutOfRange,
                message: format!("must be even (two halves), got {}", p.period),
            });
        }
        let half = p.period / 2;
        Ok(Frama {
            highs: Highest::new(half),
            lows: Lowest::new(half),
            old_highs: Ring::new(half),
            old_lows: Ring::new(half),
            period: p.period,
            seen: 0,
            value: 0.0,
        })
    }
    fn lookback(&self) -> usize {
        self.period
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (high, low) = (bar[0], bar[1]);
        let bar_index = self.seen;
        self.seen += 1;
        if bar_index == 0 {
            return false;
        }
        self.highs.push(high);
        if !self.lows.push(low) {
            return false;
        }
        let (hi1, lo1) = (self.highs.value(), self.lows.value());
        let older = self.old_highs.push(hi1).zip(self.old_lows.push(lo1));
        if bar_index < self.period {
            if bar_index == self.period - 1 {
                self.value = (high + low) / 2.0;
            }
            return false;
        }
        // Full rings from here on: `older` is R1's extremes of half a window ago.
        let (hi2, lo2) = older.unwrap_or((hi1, lo1));
        let price = (high + low) / 2.0;
        let r1 = hi1 - lo1;
        let r2 = hi2 - lo2;
        let r = (if hi1 > hi2 { hi1 } else { hi2 }) - (if lo1 < lo2 { lo1 } else { lo2 });
        self.value = if r1 > 0.0 && r2 > 0.0 && r1 + r2 > r {
            let alpha = (EXP_SCALE * ((r1 + r2) / r).ln()).exp();
            (1.0 - alpha).mul_add(self.value, alpha * price)
        } else {
            price
        };
        out[0] = self.value;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "frama",
    "FRAMA",
    Group::Overlap,
    "Fractal adaptive moving average: median price smoothed by the window's fractal dimension",
    HIGH_LOW,
    FramaParams::SPECS,
    PRICE_LINE,
    kernel::<Frama>(),
)
.with_flags(UNSTABLE);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows as run;

    #[test]
    fn odd_periods_are_refused() {
        let spec = crate::catalog::find("frama").unwrap();
        assert!(Frama::from_params(&spec.params(&[5.0]).unwrap()).is_err());
    }

    #[test]
    fn a_trend_follows_the_price() {
        // A straight rise: R1 + R2 = R, no fractal smoothing, the line is the price.
        let rows: Vec<[f64; 2]> = (0..8).map(|i| [i as f64 + 1.0, i as f64]).collect();
        let rows: Vec<&[f64]> = rows.iter().map(|r| &r[..]).collect();
        let out = run::<Frama>("frama", &[4.0], &rows);
        assert_eq!(out[..4], [None; 4]);
        assert_eq!(out[4], Some(4.5));
        assert_eq!(out[7], Some(7.5));
    }
}
