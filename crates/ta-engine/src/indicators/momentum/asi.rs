//! Wilder's accumulative swing index (TA-Lib 0.8.3).

use super::si::SiParams;
use super::swing_index::SwingIndex;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{CUMULATIVE, OPEN_HIGH_LOW_CLOSE, OWN_LINE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// Running total of Wilder's swing index, 0 on the first bar.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Asi {
    swing: SwingIndex,
    sum: f64,
}

impl Indicator for Asi {
    const INPUTS: usize = 4;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: SiParams = params.get();
        Ok(Asi {
            swing: SwingIndex::new(p.limit_move),
            sum: 0.0,
        })
    }
    fn lookback(&self) -> usize {
        0
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        if let Some(v) = self.swing.update(bar[0], bar[1], bar[2], bar[3]) {
            self.sum += v;
        }
        out[0] = self.sum;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "asi",
    "ASI",
    Group::Momentum,
    "Wilder's accumulative swing index: the running total of the swing index",
    OPEN_HIGH_LOW_CLOSE,
    SiParams::SPECS,
    OWN_LINE,
    kernel::<Asi>(),
)
.with_flags(CUMULATIVE);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows;

    #[test]
    fn starts_at_zero_and_accumulates() {
        let bars: [&[f64]; 3] = [
            &[9.0, 10.0, 9.0, 10.0],
            &[10.5, 12.0, 10.0, 11.5],
            &[10.5, 12.0, 10.0, 11.5],
        ];
        let asi = run_rows::<Asi>("asi", &[3.0], &bars);
        let si = run_rows::<super::super::si::Si>("si", &[3.0], &bars);
        assert_eq!(asi[0], Some(0.0));
        assert_eq!(asi[1], si[1]);
        assert_eq!(asi[2], Some(si[1].unwrap() + si[2].unwrap()));
    }
}
