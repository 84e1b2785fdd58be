//! +DI and -DI, one state machine for both.

use super::wilder_dm::WilderDm;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct DirectionalIndicatorParams {
        period: usize = period(14, 1),
    }
}

/// +DI or -DI: 100 × smoothed DM / smoothed true range (0 unless the range is positive). Period 1
/// is TA-Lib's unsmoothed ratio DM1 / TR1 of each bar, which is not scaled by 100.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct DirectionalIndicator<const PLUS: bool> {
    core: WilderDm,
}

impl<const PLUS: bool> Indicator for DirectionalIndicator<PLUS> {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: DirectionalIndicatorParams = params.get();
        Ok(DirectionalIndicator {
            core: WilderDm::new(p.period),
        })
    }
    fn lookback(&self) -> usize {
        self.core.period
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let mv = self.core.update(bar[0], bar[1], bar[2]);
        if mv.index < self.core.period {
            return false;
        }
        let core = &self.core;
        out[0] = if core.period == 1 {
            let dm = if PLUS { mv.plus } else { mv.minus };
            // TA-Lib divides whenever the range is not <= 0 (a NaN range gives NaN).
            match (dm > 0.0, mv.tr <= 0.0) {
                (true, false) => dm / mv.tr,
                _ => 0.0,
            }
        } else if let Some((plus_di, minus_di)) = core.di() {
            if PLUS {
                plus_di
            } else {
                minus_di
            }
        } else {
            0.0
        };
        true
    }
}
#[cfg(test)]
mod tests {
    use crate::indicators::directional::{MinusDi, PlusDi};
    use crate::indicators::run_rows as run;

    #[test]
    fn di_of_period_one_is_an_unscaled_ratio() {
        // Bar 1: +DM1 = 1, TR = max(2, |9 - 11|, |9 - 9|) = 2.
        let rows: [&[f64]; 2] = [&[10.0, 8.0, 9.0], &[11.0, 9.0, 10.0]];
        assert_eq!(
            run::<PlusDi>("plus_di", &[1.0], &rows),
            vec![None, Some(0.5)]
        );
        assert_eq!(
            run::<MinusDi>("minus_di", &[1.0], &rows),
            vec![None, Some(0.0)]
        );
    }
}
