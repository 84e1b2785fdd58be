//! Ultimate oscillator.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW_CLOSE, OWN_LINE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::{true_range, RollingSum};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct UltoscParams {
        period1: usize = int("timeperiod1", 7, 1, "first period (the shortest gets weight 4)"),
        period2: usize = int("timeperiod2", 14, 1, "second period (the middle one gets weight 2)"),
        period3: usize = int("timeperiod3", 28, 1, "third period (the longest gets weight 1)"),
    }
}

/// Running sums of ULTOSC's buying pressure and true range over one period. The sums start
/// on the bar that makes the first output use exactly `period` terms, summed from zero.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct PressureSums {
    first_bar: usize,
    pressure: RollingSum,
    range: RollingSum,
}

impl PressureSums {
    fn new(period: usize, lookback: usize) -> Self {
        PressureSums {
            first_bar: lookback + 1 - period,
            pressure: RollingSum::new(period),
            range: RollingSum::new(period),
        }
    }

    fn period(&self) -> usize {
        self.pressure.period()
    }

    #[inline(always)]
    fn push(&mut self, bar: usize, pressure: f64, range: f64) {
        if bar < self.first_bar {
            return;
        }
        self.pressure.push(pressure);
        self.range.push(range);
    }

    /// Drops rounding residue once the whole window holds zero terms.
    #[inline(always)]
    fn clear(&mut self) {
        self.pressure.clear_sum();
        self.range.clear_sum();
    }

    /// `pressure / range` when the range sum is positive.
    #[inline(always)]
    fn ratio(&self) -> Option<f64> {
        let range = self.range.sum();
        (range > 0.0).then(|| self.pressure.sum() / range)
    }
}

/// Ultimate oscillator: buying pressure over true range on three periods, weighted 4:2:1
/// from the shortest to the longest.
///
/// As in TA-Lib 0.8, a window whose bars all had zero pressure and zero range has its sums
/// reset to exactly zero, and a window contributes only when its range sum is positive.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Ultosc {
    /// Shortest period first.
    sums: [PressureSums; 3],
    bars: usize,
    previous_close: f64,
    /// Consecutive bars with zero pressure and zero range (saturates at the longest period).
    flat_run: usize,
    lookback: usize,
}

impl Indicator for Ultosc {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: UltoscParams = params.get();
        let mut periods = [p.period1, p.period2, p.period3];
        periods.sort_unstable();
        let lookback = periods[2];
        Ok(Ultosc {
            sums: periods.map(|period| PressureSums::new(period, lookback)),
            bars: 0,
            previous_close: 0.0,
            flat_run: 0,
            lookback,
        })
    }
    fn lookback(&self) -> usize {
        self.lookback
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (high, low, close) = (bar[0], bar[1], bar[2]);
        let today = self.bars;
        self.bars += 1;
        let previous = std::mem::replace(&mut self.previous_close, close);
        if today == 0 {
            return false;
        }
        let true_low = if low < previous { low } else { previous };
        let pressure = close - true_low;
        let true_range = true_range(high, low, previous);
        for sums in &mut self.sums {
            sums.push(today, pressure, true_range);
        }
        self.flat_run = if pressure == 0.0 && true_range == 0.0 {
            self.flat_run + 1
        } else {
            0
        };
        if today < self.lookback {
            return false;
        }
        let longest = self.sums[2].period();
        if self.flat_run >= longest {
            self.flat_run = longest;
        }
        for sums in &mut self.sums {
            if self.flat_run >= sums.period() {
                sums.clear();
            }
        }
        let [short, middle, long] = &self.sums;
        let mut total = 0.0;
        if let Some(r) = short.ratio() {
            total += 4.0 * r;
        }
        if let Some(r) = middle.ratio() {
            total += 2.0 * r;
        }
        if let Some(r) = long.ratio() {
            total += r;
        }
        out[0] = 100.0 * (total / 7.0);
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "ultosc",
    "ULTOSC",
    Group::Momentum,
    "Ultimate oscillator: buying pressure over true range on three periods, weighted 4:2:1",
    HIGH_LOW_CLOSE,
    UltoscParams::SPECS,
    OWN_LINE,
    kernel::<Ultosc>(),
)
.with_levels(&[30.0, 70.0]);
