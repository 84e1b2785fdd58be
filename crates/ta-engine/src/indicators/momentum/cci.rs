//! Commodity channel index.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW_CLOSE, OWN_LINE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::{is_tiny_against, typical_price};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct CciParams {
        period: usize = period(14, 2),
    }
}

/// Commodity channel index over the typical price.
///
/// The window is summed slot by slot in storage order (bar `i` lives in slot `i % period`),
/// which is TA-Lib's summation order.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "CciFields")]
pub struct Cci {
    window: Vec<f64>,
    slot: usize,
    filled: usize,
}

/// A CCI as a snapshot holds it, before its indices are checked.
#[derive(serde::Deserialize)]
struct CciFields {
    window: Vec<f64>,
    slot: usize,
    filled: usize,
}

impl TryFrom<CciFields> for Cci {
    type Error = String;

    fn try_from(f: CciFields) -> Result<Self, String> {
        // The slot fills in order until the window is full, then goes round it.
        let period = f.window.len();
        if f.slot >= period || f.filled > period || (f.filled < period && f.slot != f.filled) {
            return Err(crate::execution::checks::outside("cci"));
        }
        Ok(Cci {
            window: f.window,
            slot: f.slot,
            filled: f.filled,
        })
    }
}

impl Indicator for Cci {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: CciParams = params.get();
        Ok(Cci {
            window: vec![0.0; p.period],
            slot: 0,
            filled: 0,
        })
    }
    fn lookback(&self) -> usize {
        self.window.len() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let period = self.window.len();
        let typical = typical_price(bar[0], bar[1], bar[2]);
        self.window[self.slot] = typical;
        self.slot += 1;
        if self.slot == period {
            self.slot = 0;
        }
        if self.filled < period {
            self.filled += 1;
            if self.filled < period {
                return false;
            }
        }
        let n = period as f64;
        let mut average = 0.0;
        for &v in &self.window {
            average += v;
        }
        average /= n;
        let mut deviation = 0.0;
        for &v in &self.window {
            deviation += (v - average).abs();
        }
        let distance = typical - average;
        let mean_deviation = deviation / n;
        // Both tests are relative to the size of the mean.
        let scale = average.abs();
        let denominator = mean_deviation * 0.015;
        out[0] = if is_tiny_against(distance, scale)
            || is_tiny_against(mean_deviation, scale)
            || denominator == 0.0
        {
            0.0
        } else {
            distance / denominator
        };
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "cci",
    "CCI",
    Group::Momentum,
    "Commodity channel index: typical price's distance from its mean in mean deviations / 0.015",
    HIGH_LOW_CLOSE,
    CciParams::SPECS,
    OWN_LINE,
    kernel::<Cci>(),
)
.with_levels(&[-100.0, 100.0]);
