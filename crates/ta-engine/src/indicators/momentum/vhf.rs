//! Vertical horizontal filter.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::Ring;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct VhfParams {
        period: usize = period(28, 2),
    }
}

/// Vertical horizontal filter: the range of the last `period` values over the sum of the last
/// `period` absolute one-bar changes (0 for a flat window), summed afresh each bar.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Vhf {
    /// The last `period + 1` values.
    values: Ring,
}

impl Indicator for Vhf {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: VhfParams = params.get();
        Ok(Vhf {
            values: Ring::new(p.period + 1),
        })
    }
    fn lookback(&self) -> usize {
        self.values.capacity() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let x = bar[0];
        self.values.push(x);
        if !self.values.is_full() {
            return false;
        }
        let (mut highest, mut lowest, mut path) = (x, x, 0.0);
        let mut prev = self.values.get(0);
        for v in self.values.iter().skip(1) {
            path += (v - prev).abs();
            if v > highest {
                highest = v;
            }
            if v < lowest {
                lowest = v;
            }
            prev = v;
        }
        out[0] = if path > 0.0 {
            (highest - lowest) / path
        } else {
            0.0
        };
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "vhf",
    "VHF",
    Group::Momentum,
    "Vertical horizontal filter: the window's high-low range over the sum of absolute changes",
    REAL,
    VhfParams::SPECS,
    OWN_LINE,
    kernel::<Vhf>(),
);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows as run;

    #[test]
    fn range_over_path() {
        // Window of 2 values and 2 changes: values 3, 1 after 1 → range 2, path 2 + 2; then
        // values 1, 1 after 3 → range 0.
        let rows: Vec<[f64; 1]> = [1.0, 3.0, 1.0, 1.0, 1.0].iter().map(|&v| [v]).collect();
        let rows: Vec<&[f64]> = rows.iter().map(|r| &r[..]).collect();
        assert_eq!(
            run::<super::Vhf>("vhf", &[2.0], &rows),
            [None, None, Some(0.5), Some(0.0), Some(0.0)]
        );
    }
}
