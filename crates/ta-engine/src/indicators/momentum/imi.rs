//! Intraday momentum index.

use super::qstick::OPEN_CLOSE;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::OWN_LINE;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::Ring;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct ImiParams {
        period: usize = period(14, 2),
    }
}

/// Intraday momentum index: the up candle bodies' share of all bodies in the window, in
/// percent (50 when every body is empty), summed afresh each bar as TA-Lib does.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Imi {
    opens: Ring,
    closes: Ring,
}

impl Indicator for Imi {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: ImiParams = params.get();
        Ok(Imi {
            opens: Ring::new(p.period),
            closes: Ring::new(p.period),
        })
    }
    fn lookback(&self) -> usize {
        self.opens.capacity() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        self.opens.push(bar[0]);
        self.closes.push(bar[1]);
        if !self.opens.is_full() {
            return false;
        }
        let (mut up, mut down) = (0.0, 0.0);
        for (open, close) in self.opens.iter().zip(self.closes.iter()) {
            if close > open {
                up += close - open;
            } else {
                down += open - close;
            }
        }
        let total = up + down;
        // TA-Lib 0.8.1 reports a window of bodiless candles as neutral.
        out[0] = if total == 0.0 {
            50.0
        } else {
            100.0 * (up / total)
        };
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "imi",
    "IMI",
    Group::Momentum,
    "Intraday momentum index: up candle bodies as a percentage of all candle bodies in the window",
    OPEN_CLOSE,
    ImiParams::SPECS,
    OWN_LINE,
    kernel::<Imi>(),
)
.with_levels(&[30.0, 70.0]);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows as run;

    #[test]
    fn share_of_up_bodies() {
        // Bodies +3, -1, +1 (open, close).
        let rows: [&[f64]; 3] = [&[1.0, 4.0], &[4.0, 3.0], &[3.0, 4.0]];
        assert_eq!(
            run::<super::Imi>("imi", &[2.0], &rows),
            [None, Some(75.0), Some(50.0)]
        );
        let doji: [&[f64]; 2] = [&[2.0, 2.0], &[3.0, 3.0]];
        assert_eq!(run::<super::Imi>("imi", &[2.0], &doji), [None, Some(50.0)]);
    }
}
