//! Rolling median.

use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::REAL;
use crate::kernel::Indicator;
use crate::params::{ParamSpec, Params};
use crate::primitives::Ring;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct MedianParams {
        period: usize = period(30, 2),
    }
}

/// Median of the last `period` values: the middle one, or the mean of the two middle ones for
/// an even period (TA-Lib 0.8.3's MEDIAN).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "MedianFields")]
pub struct Median {
    /// The window by age, to know which value leaves.
    window: Ring,
    /// The same values by value; equal values in age order, so the oldest of a run is the one
    /// that leaves (which keeps -0.0 and 0.0 apart as TA-Lib does).
    sorted: Vec<f64>,
    lower: usize,
    upper: usize,
}

/// A median as a snapshot holds it, before its parts are checked against each other.
#[derive(serde::Deserialize)]
struct MedianFields {
    window: Ring,
    sorted: Vec<f64>,
    lower: usize,
    upper: usize,
}

impl TryFrom<MedianFields> for Median {
    type Error = String;

    fn try_from(f: MedianFields) -> Result<Self, String> {
        // The leaving value must be found in `sorted`, and the middle ranks be those of the
        // window's length (they index `sorted` once it is full).
        let period = f.window.capacity();
        if !crate::execution::checks::sorted_copy_of(f.window.iter(), &f.sorted)
            || f.lower != (period - 1) / 2
            || f.upper != period / 2
        {
            return Err(crate::execution::checks::inconsistent("median"));
        }
        Ok(Median {
            window: f.window,
            sorted: f.sorted,
            lower: f.lower,
            upper: f.upper,
        })
    }
}

impl Indicator for Median {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: MedianParams = params.get();
        Ok(Median {
            window: Ring::new(p.period),
            sorted: Vec::with_capacity(p.period + 1),
            lower: (p.period - 1) / 2,
            upper: p.period / 2,
        })
    }
    fn lookback(&self) -> usize {
        self.window.capacity() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let x = bar[0];
        // After its equals: the newest of a run of equal values goes last.
        let at = self.sorted.partition_point(|&v| v <= x);
        self.sorted.insert(at, x);
        if let Some(old) = self.window.push(x) {
            // The oldest of its run of equals, i.e. the first value not below it.
            let leaving = self.sorted.partition_point(|&v| v < old);
            self.sorted.remove(leaving);
        }
        if !self.window.is_full() {
            return false;
        }
        let lower = self.sorted[self.lower];
        out[0] = if self.lower == self.upper {
            lower
        } else {
            (lower + self.sorted[self.upper]) / 2.0
        };
        true
    }
}

/// The catalog's parameters: TA-Lib 0.8.3 caps the period at 10000.
const PARAMS: &[ParamSpec] = &[ParamSpec {
    max: 10_000.0,
    ..MedianParams::SPECS[0]
}];

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "median",
    "MEDIAN",
    Group::Statistic,
    "Median of the last period values (mean of the two middle values for an even period)",
    REAL,
    PARAMS,
    &[OutputSpec::new("value", "real", Pane::Price, Style::Line)],
    kernel::<Median>(),
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows as run;

    fn rows(values: &[f64]) -> Vec<[f64; 1]> {
        values.iter().map(|&v| [v]).collect()
    }

    #[test]
    fn odd_and_even_windows() {
        let data = rows(&[5.0, 1.0, 4.0, 2.0, 3.0, 9.0]);
        let data: Vec<&[f64]> = data.iter().map(|r| &r[..]).collect();
        assert_eq!(
            run::<Median>("median", &[3.0], &data),
            vec![None, None, Some(4.0), Some(2.0), Some(3.0), Some(3.0)]
        );
        assert_eq!(
            run::<Median>("median", &[2.0], &data),
            vec![None, Some(3.0), Some(2.5), Some(3.0), Some(2.5), Some(6.0)]
        );
    }

    #[test]
    fn period_capped_as_talib() {
        let spec = crate::catalog::find("median").unwrap();
        assert!(spec.params(&[10_000.0]).is_ok());
        assert!(spec.params(&[10_001.0]).is_err());
    }

    #[test]
    fn the_leaving_zero_keeps_its_sign() {
        // Window of 2: [-0.0, 0.0] then [0.0, 0.0]; the -0.0 must be the one that leaves.
        let data = rows(&[-0.0, 0.0, 0.0]);
        let data: Vec<&[f64]> = data.iter().map(|r| &r[..]).collect();
        let out = run::<Median>("median", &[2.0], &data);
        assert!(out[2].unwrap().is_sign_positive());
    }
}
