//! Bollinger Bands.

use super::super::REAL;
use crate::catalog::{kernel, Fill, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::kernel::Indicator;
use crate::params::{MaType, Params};
use crate::primitives::average::{MovingAverage, Smoother};
use crate::primitives::ShiftedMeanVar;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct BbandsParams {
        period: usize = period(20, 2),
        nbdev_up: f64 = float("nbdevup", 2.0, -3e37, 3e37, "deviations above the middle band"),
        nbdev_down: f64 = float("nbdevdn", 2.0, -3e37, 3e37, "deviations below the middle band"),
        ma_type: MaType = ma_type("matype", MaType::Sma),
    }
}

/// Bollinger Bands: MA ± deviations × population standard deviation.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Bbands {
    /// The window's mean and variance; the mean is the middle band for SMA, which TA-Lib 0.8.1
    /// computes together with the variance from one window rather than via `TA_MA`.
    moments: ShiftedMeanVar,
    /// The middle band for any other type.
    other_average: Option<OtherAverage>,
    up: f64,
    down: f64,
    /// `nbdevup == nbdevdn`: TA-Lib then computes one unfused width for both bands.
    symmetric: bool,
}

/// Another MA type: TA-Lib calls `TA_MA`, then `TA_STDDEV` from the MA's first output, so the
/// variance's first window (its initial shift and rebuild schedule) ends there.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct OtherAverage {
    average: MovingAverage,
    /// Bars still to pass before the variance starts (MA lookback − (period − 1) at first).
    variance_delay: usize,
}

impl Bbands {
    /// `(middle, variance)` once both are ready.
    #[inline(always)]
    fn middle_and_variance(&mut self, x: f64) -> Option<(f64, f64)> {
        let Some(other) = &mut self.other_average else {
            return self.moments.update(x);
        };
        let middle = other.average.update(x);
        if other.variance_delay > 0 {
            other.variance_delay -= 1;
            return None;
        }
        let (_, variance) = self.moments.update(x)?;
        Some((middle?, variance))
    }
}

impl Indicator for Bbands {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 3;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: BbandsParams = params.get();
        let moments = ShiftedMeanVar::new(p.period);
        let other_average = (p.ma_type != MaType::Sma).then(|| {
            let average = MovingAverage::new(p.ma_type, p.period);
            OtherAverage {
                variance_delay: average.lookback().saturating_sub(moments.lookback()),
                average,
            }
        });
        Ok(Bbands {
            moments,
            other_average,
            up: p.nbdev_up,
            down: p.nbdev_down,
            symmetric: p.nbdev_up == p.nbdev_down,
        })
    }
    fn lookback(&self) -> usize {
        // A delayed variance ends its first window with the MA's.
        let average = self
            .other_average
            .as_ref()
            .map_or(0, |o| o.average.lookback());
        average.max(self.moments.lookback())
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let Some((middle, variance)) = self.middle_and_variance(bar[0]) else {
            return false;
        };
        // TA-Lib takes 0 for a zero variance, else the root: the same, as it is never -0.
        let sd = variance.sqrt();
        let (upper, lower) = if self.symmetric {
            let width = sd * self.up;
            (middle + width, middle - width)
        } else {
            (sd.mul_add(self.up, middle), middle - sd * self.down)
        };
        out[0] = upper;
        out[1] = middle;
        out[2] = lower;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "bbands",
    "BBANDS",
    Group::Overlap,
    "Bollinger Bands: moving average ± multiples of the population standard deviation",
    REAL,
    BbandsParams::SPECS,
    &[
        OutputSpec::new("upper", "upperband", Pane::Price, Style::Band),
        OutputSpec::new("middle", "middleband", Pane::Price, Style::Line),
        OutputSpec::new("lower", "lowerband", Pane::Price, Style::Band),
    ],
    kernel::<Bbands>(),
)
.with_fills(&[Fill {
    upper: "upper",
    lower: "lower",
}]);
