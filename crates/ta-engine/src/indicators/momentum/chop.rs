//! Choppiness index (TA-Lib 0.8.3).

use super::choppiness::Choppiness;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW_CLOSE, OWN_LINE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct ChopParams {
        period: usize = period(14, 2),
    }
}

/// Choppiness index: log of summed true ranges over the high-low range, as a percentage of log(period).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Chop(Choppiness<false>);

impl Indicator for Chop {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: ChopParams = params.get();
        Ok(Chop(Choppiness::new(p.period)))
    }
    fn lookback(&self) -> usize {
        self.0.lookback()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        match self.0.update(bar[0], bar[1], bar[2]) {
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
    "chop",
    "CHOP",
    Group::Momentum,
    "Choppiness index: log of summed true ranges over the high-low range, as a percentage of log(period)",
    HIGH_LOW_CLOSE,
    ChopParams::SPECS,
    OWN_LINE,
    kernel::<Chop>(),
)
.with_levels(&[38.2, 61.8]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows;

    #[test]
    fn choppiness_of_two_bars() {
        // True ranges 2 and 3 (bar 2 reaches up to the close 11), box 12 - 8 = 4.
        let rows: [&[f64]; 3] = [&[10.0, 9.0, 10.0], &[12.0, 10.0, 11.0], &[10.0, 8.0, 9.0]];
        let got = run_rows::<Chop>("chop", &[2.0], &rows);
        assert_eq!(got[..2], [None, None]);
        let want = 100.0 * (5.0_f64 / 4.0).log10() / 2.0_f64.log10();
        assert!((got[2].unwrap() - want).abs() < 1e-12);
        // A flat series has no range: 100.
        let flat: [&[f64]; 3] = [&[5.0, 5.0, 5.0]; 3];
        assert_eq!(run_rows::<Chop>("chop", &[2.0], &flat)[2], Some(100.0));
    }
}
