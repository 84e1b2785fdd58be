//! Variable index dynamic average.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{PRICE_LINE, REAL, UNSTABLE};
use crate::primitives::average::Smoother;
use crate::primitives::Ring;

typed_params! {
    /// Parameters, in catalog order.
    pub struct VidyaParams {
        period: usize = period(12, 1),
        cmo_period: usize = int("cmoperiod", 9, 2, "bars of price changes in the CMO that scales alpha"),
    }
}

/// Chande's variable index dynamic average, TA-Lib 0.8.3's VIDYA: an EMA (alpha = 2/(n + 1))
/// whose step is scaled by |CMO|/100 of the last `cmo_period` changes, seeded with the first
/// value and stepped through the warm-up with the CMO of the changes seen so far. As TA-Lib's
/// CMOU: a change is split as up = (d + |d|)·0.5, down = up − d; after `cmo_period` zero changes
/// in a row the sums restart from 0. The step is fused: (x − v)·k + v.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Vidya {
    alpha: f64,
    /// Period 1: the input unchanged, from the first bar (TA-Lib 0.8.3).
    copies: bool,
    cmo_period: usize,
    /// The last `cmo_period` changes, to take the leaving one out of the sums.
    changes: Ring,
    seen: usize,
    prev: f64,
    value: f64,
    up_sum: f64,
    down_sum: f64,
    null_run: usize,
}

impl Vidya {
    /// A VIDYA of `period` (1 copies the input, lookback 0) scaled by the CMO of `cmo_period`
    /// (≥ 2) changes.
    pub fn new(period: usize, cmo_period: usize) -> Self {
        Vidya {
            copies: period <= 1,
            alpha: 2.0 / (period + 1) as f64,
            cmo_period,
            changes: Ring::new(cmo_period),
            seen: 0,
            prev: 0.0,
            value: 0.0,
            up_sum: 0.0,
            down_sum: 0.0,
            null_run: 0,
        }
    }

    /// VIDYA as TA-Lib 0.8.3's `MA_Type` 14 takes it: a CMO over (3·period + 2)/4 changes.
    pub fn for_ma_type(period: usize) -> Self {
        Self::new(period, ((3 * period + 2) / 4).max(2))
    }

    #[inline(always)]
    fn up(change: f64) -> f64 {
        (change + change.abs()) * 0.5
    }
}

impl Smoother for Vidya {
    const FUSED: bool = true;
    #[inline(always)]
    fn update(&mut self, x: f64) -> Option<f64> {
        if self.copies {
            return Some(x);
        }
        let seen = self.seen;
        self.seen = seen + 1;
        if seen == 0 {
            self.prev = x;
            self.value = x;
            return None;
        }
        let change = x - self.prev;
        self.prev = x;
        self.changes.push(change);
        let up = Self::up(change);
        self.up_sum += up;
        self.down_sum += up - change;
        self.null_run = if change.abs() <= 0.0 {
            self.null_run + 1
        } else {
            0
        };
        // The restart is TA-Lib's only after its warm-up window.
        let k = if seen > self.cmo_period && self.null_run >= self.cmo_period {
            self.null_run = self.cmo_period;
            self.up_sum = 0.0;
            self.down_sum = 0.0;
            0.0
        } else {
            let sum = self.up_sum + self.down_sum;
            if sum > 0.0 {
                self.alpha * ((100.0 * (self.up_sum - self.down_sum) / sum).abs() / 100.0)
            } else {
                0.0
            }
        };
        self.value = (x - self.value).mul_add(k, self.value);
        if seen < self.cmo_period {
            return None;
        }
        // Take out the change that leaves before the next bar.
        let leaving = self.changes.oldest();
        let up = Self::up(leaving);
        self.up_sum -= up;
        self.down_sum -= up - leaving;
        Some(self.value)
    }
    fn lookback(&self) -> usize {
        if self.copies {
            0
        } else {
            self.cmo_period
        }
    }
}

ma_indicator!(
    /// VIDYA as an indicator (period 1 copies the input).
    VidyaIndicator,
    Vidya,
    VidyaParams,
    |p| Vidya::new(p.period, p.cmo_period)
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "vidya",
    "VIDYA",
    Group::Overlap,
    "Variable index dynamic average: an EMA whose speed scales with the absolute CMO",
    REAL,
    VidyaParams::SPECS,
    PRICE_LINE,
    kernel::<VidyaIndicator>(),
)
.with_flags(UNSTABLE);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows as run;

    #[test]
    fn a_steady_rise_moves_at_full_ema_speed() {
        // Every change is up: |CMO| = 100, k = alpha = 2/3 (period 2).
        let data = [[1.0], [2.0], [3.0], [4.0]];
        let data: Vec<&[f64]> = data.iter().map(|r| &r[..]).collect();
        let out = run::<VidyaIndicator>("vidya", &[2.0, 2.0], &data);
        let k = 2.0 / 3.0;
        let v1 = (2.0 - 1.0) * k + 1.0;
        let v2 = (3.0_f64 - v1).mul_add(k, v1);
        assert_eq!(out[..2], [None, None]);
        assert_eq!(out[2], Some(v2));
        assert_eq!(out[3], Some((4.0_f64 - v2).mul_add(k, v2)));
    }

    #[test]
    fn smoothers_match_the_indicators() {
        let xs: Vec<f64> = (0..40).map(|i| ((i * 7) % 11) as f64).collect();
        let rows: Vec<[f64; 1]> = xs.iter().map(|&x| [x]).collect();
        let rows: Vec<&[f64]> = rows.iter().map(|r| &r[..]).collect();
        for n in [1, 2, 5, 9] {
            let mut m = Vidya::for_ma_type(n);
            let direct: Vec<_> = xs.iter().map(|&x| m.update(x)).collect();
            let cmo = ((3 * n + 2) / 4).max(2) as f64;
            assert_eq!(
                direct,
                run::<VidyaIndicator>("vidya", &[n as f64, cmo], &rows)
            );
            assert_eq!(m.lookback(), if n == 1 { 0 } else { cmo as usize });
        }
        let mut a = crate::indicators::overlap::Alma::for_ma_type(1);
        assert!(a.update(-0.0).unwrap().is_sign_negative());
    }

    #[test]
    fn a_flat_stretch_stops_the_line() {
        let data = [[1.0], [2.0], [2.0], [2.0], [2.0], [2.0]];
        let data: Vec<&[f64]> = data.iter().map(|r| &r[..]).collect();
        let out = run::<VidyaIndicator>("vidya", &[3.0, 2.0], &data);
        assert_eq!(out[4], out[5]);
    }
}
