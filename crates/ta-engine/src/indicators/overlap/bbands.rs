//! Bollinger Bands.

use super::super::REAL;
use crate::catalog::deviations::NO_MAMA;
use crate::catalog::{kernel, Fill, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::kernel::Indicator;
use crate::params::{MaType, Params};
use crate::primitives::average::{MovingAverage, Smoother};
use crate::primitives::ShiftedVar;
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
#[derive(Debug, Clone)]
pub struct Bbands {
    middle: MovingAverage,
    variance: ShiftedVar,
    up: f64,
    down: f64,
}

impl Indicator for Bbands {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 3;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: BbandsParams = params.get();
        let period = p.period;
        Ok(Bbands {
            middle: MovingAverage::new(p.ma_type, period),
            variance: ShiftedVar::new(period),
            up: p.nbdev_up,
            down: p.nbdev_down,
        })
    }
    fn lookback(&self) -> usize {
        self.middle.lookback().max(self.variance.lookback())
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let middle = self.middle.update(bar[0]);
        let variance = self.variance.update(bar[0]);
        let (Some(middle), Some(variance)) = (middle, variance) else {
            return false;
        };
        let sd = variance.sqrt();
        out[0] = sd.mul_add(self.up, middle);
        out[1] = middle;
        out[2] = middle - sd * self.down;
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
.with_deviations(&[NO_MAMA])
.with_fills(&[Fill {
    upper: "upper",
    lower: "lower",
}]);
