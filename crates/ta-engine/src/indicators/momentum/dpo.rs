//! Detrended price oscillator.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::average::{Sma, Smoother};
use crate::primitives::Ring;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct DpoParams {
        period: usize = period(20, 2),
    }
}

/// Detrended price oscillator as TA-Lib 0.8 computes it, without look-ahead: the price
/// `period / 2 + 1` bars ago minus today's simple moving average.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Dpo {
    /// The last `period / 2 + 2` values; the oldest is the displaced price.
    recent: Ring,
    sma: Sma,
    /// Bars before the average starts (a period of 2 reaches further back than its window).
    delay: usize,
    lookback: usize,
}

impl Indicator for Dpo {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: DpoParams = params.get();
        let displacement = p.period / 2 + 1;
        let lookback = (p.period - 1).max(displacement);
        Ok(Dpo {
            recent: Ring::new(displacement + 1),
            sma: Sma::new(p.period),
            delay: lookback - (p.period - 1),
            lookback,
        })
    }
    fn lookback(&self) -> usize {
        self.lookback
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let x = bar[0];
        self.recent.push(x);
        if self.delay > 0 {
            self.delay -= 1;
            return false;
        }
        let Some(average) = self.sma.update(x) else {
            return false;
        };
        out[0] = self.recent.oldest() - average;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "dpo",
    "DPO",
    Group::Momentum,
    "Detrended price oscillator: the price period/2 + 1 bars ago minus today's SMA",
    REAL,
    DpoParams::SPECS,
    OWN_LINE,
    kernel::<Dpo>(),
);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows as run;

    #[test]
    fn displaced_price_minus_average() {
        let rows: Vec<[f64; 1]> = [1.0, 2.0, 4.0, 8.0, 16.0].iter().map(|&v| [v]).collect();
        let rows: Vec<&[f64]> = rows.iter().map(|r| &r[..]).collect();
        // Period 4: the price 3 bars ago minus the 4-bar average.
        let got = run::<super::Dpo>("dpo", &[4.0], &rows);
        assert_eq!(got, [None, None, None, Some(1.0 - 3.75), Some(2.0 - 7.5)]);
        // Period 2 looks 2 bars back, past its 2-bar window.
        let got = run::<super::Dpo>("dpo", &[2.0], &rows);
        assert_eq!(
            got,
            [
                None,
                None,
                Some(1.0 - 3.0),
                Some(2.0 - 6.0),
                Some(4.0 - 12.0)
            ]
        );
    }
}
