//! The value a number of bars ago.

use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::REAL;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::Ring;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct LagParams {
        period: usize = period(1, 1),
    }
}

/// The input `period` complete bars ago (Pine's `x[period]`): on the `period`-th complete bar
/// (counting from zero) it is the first one's value. A skipped (incomplete) bar is not
/// counted, so the result equals shifting the series without those rows.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Lag {
    /// The last `period` values, oldest first.
    window: Ring,
}

impl Indicator for Lag {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: LagParams = params.get();
        Ok(Lag {
            window: Ring::new(p.period),
        })
    }
    fn lookback(&self) -> usize {
        self.window.capacity()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        // A full ring pushes out the value `period` bars before this one.
        let Some(old) = self.window.push(bar[0]) else {
            return false;
        };
        out[0] = old;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::laakhay(
    "lag",
    Group::Signal,
    "The value period complete bars ago",
    REAL,
    LagParams::SPECS,
    &[OutputSpec::own("value", Pane::Price, Style::Line)],
    kernel::<Lag>(),
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::find;
    use crate::indicators::run_rows;

    #[test]
    fn gives_the_value_period_bars_ago() {
        let rows: Vec<&[f64]> = vec![&[1.0], &[2.0], &[4.0], &[8.0], &[16.0]];
        assert_eq!(
            run_rows::<Lag>("lag", &[1.0], &rows),
            [None, Some(1.0), Some(2.0), Some(4.0), Some(8.0)]
        );
        assert_eq!(
            run_rows::<Lag>("lag", &[3.0], &rows),
            [None, None, None, Some(1.0), Some(2.0)]
        );
        assert_eq!(run_rows::<Lag>("lag", &[5.0], &rows), [None; 5]);
    }

    #[test]
    fn skipped_bars_are_not_counted() {
        let spec = find("lag").unwrap();
        let x = [1.0, f64::NAN, 2.0, 3.0, f64::INFINITY, 4.0];
        let batch = spec.run(&[2.0], &[&x], None).unwrap();
        let rows: Vec<_> = (0..x.len())
            .map(|r| batch.validity.is_valid(r).then(|| batch.outputs[0][r]))
            .collect();
        // Complete bars 1, 2, 3, 4: two complete bars before 3 is 1, before 4 is 2.
        assert_eq!(rows, [None, None, None, Some(1.0), None, Some(2.0)]);
    }

    #[test]
    fn period_ranges_from_one() {
        let spec = find("lag").unwrap();
        assert_eq!(spec.default_values(), [1.0]);
        assert_eq!(spec.lookback(&[1.0]).unwrap(), 1);
        assert_eq!(spec.lookback(&[100_000.0]).unwrap(), 100_000);
        assert!(spec.params(&[0.0]).is_err());
        assert!(spec.params(&[100_001.0]).is_err());
    }
}
