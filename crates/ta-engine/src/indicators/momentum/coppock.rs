//! Coppock curve.

use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::REAL;
use crate::kernel::Indicator;
use crate::params::{MaType, Params};
use crate::primitives::average::{MovingAverage, Smoother};
use crate::primitives::Ring;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct CoppockParams {
        wma_period: usize = int("wmaperiod", 10, 1, "bars in the weighted moving average"),
        roc1_period: usize = int("roc1period", 11, 1, "bars in the first rate of change"),
        roc2_period: usize = int("roc2period", 14, 1, "bars in the second rate of change"),
    }
}

/// Coppock curve: a weighted moving average of the sum of two rates of change (each 0 where
/// its base price is 0, as TA-Lib's ROC).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "CoppockFields")]
pub struct Coppock {
    /// The last `max(roc1, roc2) + 1` values.
    values: Ring,
    roc1: usize,
    roc2: usize,
    wma: MovingAverage,
}

/// A Coppock curve as a snapshot holds it, before its lags are checked against its window.
#[derive(serde::Deserialize)]
struct CoppockFields {
    values: Ring,
    roc1: usize,
    roc2: usize,
    wma: MovingAverage,
}

impl TryFrom<CoppockFields> for Coppock {
    type Error = String;

    fn try_from(f: CoppockFields) -> Result<Self, String> {
        // Both lags reach back inside the window, the longer one to its oldest value.
        if f.roc1.max(f.roc2) != f.values.capacity() - 1 {
            return Err(crate::execution::checks::outside("coppock"));
        }
        Ok(Coppock {
            values: f.values,
            roc1: f.roc1,
            roc2: f.roc2,
            wma: f.wma,
        })
    }
}

/// `ROC` in percent from `base` to `x`.
#[inline(always)]
fn roc(x: f64, base: f64) -> f64 {
    if base != 0.0 {
        (x / base - 1.0) * 100.0
    } else {
        0.0
    }
}

impl Indicator for Coppock {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: CoppockParams = params.get();
        Ok(Coppock {
            values: Ring::new(p.roc1_period.max(p.roc2_period) + 1),
            roc1: p.roc1_period,
            roc2: p.roc2_period,
            wma: MovingAverage::new(MaType::Wma, p.wma_period),
        })
    }
    fn lookback(&self) -> usize {
        self.values.capacity() - 1 + self.wma.lookback()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let x = bar[0];
        self.values.push(x);
        if !self.values.is_full() {
            return false;
        }
        let sum = roc(x, self.values.back(self.roc1)) + roc(x, self.values.back(self.roc2));
        match self.wma.update(sum) {
            Some(v) => {
                out[0] = v;
                true
            }
            None => false,
        }
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "coppock",
    "COPPOCK",
    Group::Momentum,
    "Coppock curve: weighted moving average of the sum of two rates of change",
    REAL,
    CoppockParams::SPECS,
    &[OutputSpec::new(
        "value",
        "real",
        Pane::Own,
        Style::Histogram,
    )],
    kernel::<Coppock>(),
);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows as run;

    #[test]
    fn sum_of_two_rates_smoothed() {
        let rows: Vec<[f64; 1]> = [100.0, 110.0, 121.0, 0.0, 50.0]
            .iter()
            .map(|&v| [v])
            .collect();
        let rows: Vec<&[f64]> = rows.iter().map(|r| &r[..]).collect();
        // WMA(1) of ROC(1) + ROC(2): bar 2 is 10 + 21; a zero base gives 0 for that term.
        let got = run::<super::Coppock>("coppock", &[1.0, 1.0, 2.0], &rows);
        assert_eq!(got[..2], [None, None]);
        assert!((got[2].unwrap() - 31.0).abs() < 1e-9);
        assert!((got[4].unwrap() - (50.0 / 121.0 - 1.0) * 100.0).abs() < 1e-9);
    }
}
