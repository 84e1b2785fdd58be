//! Squeeze momentum (TA-Lib 0.8.3).

use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::statistic::LinearRegValue;
use crate::indicators::HIGH_LOW_CLOSE;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::average::{Sma, Smoother};
use crate::primitives::peak_variance::PeakVar;
use crate::primitives::{true_range, Highest, Lowest};
use crate::{ErrorKind, TaError};

typed_params! {
    /// Parameters, in catalog order.
    pub struct SqzmomParams {
        bb_period: usize = int("bbperiod", 20, 2, "period of the Bollinger Bands"),
        nbdev: f64 = float("nbdev", 2.0, 0.0, 3e37,
            "deviation multiplier for both Bollinger Bands"),
        kc_period: usize = int("kcperiod", 20, 2,
            "period of the Keltner Channel, of its true-range mean and of the momentum regression"),
        factor_wide: f64 = float("factorwide", 2.0, 0.0, 3e37,
            "Keltner width of the widest channel, in true-range means"),
        factor_normal: f64 = float("factornormal", 1.5, 0.0, 3e37,
            "Keltner width of the classic channel"),
        factor_narrow: f64 = float("factornarrow", 1.0, 0.0, 3e37,
            "Keltner width of the tightest channel"),
    }
}

/// Squeeze momentum (Carter's TTM squeeze, LazyBear's momentum, "Squeeze Pro" levels).
///
/// Momentum: the linear regression (end point) over `kc_period` bars of
/// `close - (midprice + SMA(close)) / 2`. Squeeze: 3, 2 or 1 while the Bollinger Bands sit
/// inside the narrow, normal or wide Keltner channel (SMA(close) ± factor · SMA(true range)),
/// -1 once they are outside the wide one, 0 otherwise.
///
/// Each running statistic starts on the bar TA-Lib 0.8.3's composed call starts it, so its
/// running sums round alike.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Sqzmom {
    highs: Highest,
    lows: Lowest,
    prev_close: Option<f64>,
    centre: Sma,
    band: Sma,
    momentum: LinearRegValue,
    mid: Sma,
    variance: PeakVar,
    nbdev: f64,
    factors: [f64; 3],
    /// Bars seen.
    bars: usize,
    /// First bars of the centre SMA, of the regression and band chains, and of the
    /// Bollinger mean and variance.
    centre_from: usize,
    stage_from: usize,
    bands_from: usize,
    lookback: usize,
}

impl Indicator for Sqzmom {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 2;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: SqzmomParams = params.get();
        if p.factor_normal > p.factor_wide || p.factor_narrow > p.factor_normal {
            return Err(TaError::InvalidParam {
                indicator: "sqzmom".to_string(),
                param: "factor_normal".to_string(),
                kind: ErrorKind::OutOfRange,
                message: "the Keltner factors must satisfy narrow <= normal <= wide".to_string(),
            });
        }
        let (b, k) = (p.bb_period, p.kc_period);
        let lookback = (b - 1).max(k).max(2 * (k - 1));
        let regression = Params::validate(
            "linearreg",
            crate::indicators::statistic::LinearRegParams::SPECS,
            &[k as f64],
        )?;
        Ok(Sqzmom {
            highs: Highest::new(k),
            lows: Lowest::new(k),
            prev_close: None,
            centre: Sma::new(k),
            band: Sma::new(k),
            momentum: LinearRegValue::from_params(&regression)?,
            mid: Sma::new(b),
            variance: PeakVar::new(b),
            nbdev: p.nbdev,
            factors: [p.factor_narrow, p.factor_normal, p.factor_wide],
            bars: 0,
            centre_from: lookback - 2 * (k - 1),
            stage_from: lookback - (k - 1),
            bands_from: lookback - (b - 1),
            lookback,
        })
    }
    fn lookback(&self) -> usize {
        self.lookback
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (high, low, close) = (bar[0], bar[1], bar[2]);
        let now = self.bars;
        self.bars += 1;
        let prev_close = self.prev_close.replace(close);
        self.highs.push(high);
        self.lows.push(low);
        let centre = if now >= self.centre_from {
            self.centre.update(close)
        } else {
            None
        };
        let (mut momentum, mut band) = (None, None);
        if now >= self.stage_from {
            let midprice = (self.highs.value() + self.lows.value()) / 2.0;
            let dev = close - (midprice + centre.unwrap_or(0.0)) / 2.0;
            let mut fitted = [0.0];
            momentum = self.momentum.step(&[dev], &mut fitted).then_some(fitted[0]);
            band = self
                .band
                .update(true_range(high, low, prev_close.unwrap_or(close)));
        }
        let (mut mid, mut variance) = (None, None);
        if now >= self.bands_from {
            mid = self.mid.update(close);
            variance = self.variance.update(close);
        }
        if now < self.lookback {
            return false;
        }
        let (Some(momentum), Some(band), Some(centre), Some(mid), Some(variance)) =
            (momentum, band, centre, mid, variance)
        else {
            return false;
        };
        let sd = variance.sqrt();
        // Rounded products added to and taken from the middle band, as TA-Lib writes them.
        let dev = sd * self.nbdev;
        let (up, lo) = (mid + dev, mid - dev);
        let inside = |f: f64| lo > centre - f * band && up < centre + f * band;
        let [narrow, normal, wide] = self.factors;
        let squeeze = if inside(narrow) {
            3.0
        } else if inside(normal) {
            2.0
        } else if inside(wide) {
            1.0
        } else if lo < centre - wide * band && up > centre + wide * band {
            -1.0
        } else {
            0.0
        };
        out[0] = momentum;
        out[1] = squeeze;
        true
    }
}

const OUTPUTS: &[OutputSpec] = &[
    OutputSpec::new("momentum", "momentum", Pane::Own, Style::Histogram),
    OutputSpec::new("squeeze", "squeeze", Pane::Own, Style::Dots).integer(),
];

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "sqzmom",
    "SQZMOM",
    Group::Momentum,
    "Squeeze momentum: regression momentum, and Bollinger Bands against three Keltner channels",
    HIGH_LOW_CLOSE,
    SqzmomParams::SPECS,
    OUTPUTS,
    kernel::<Sqzmom>(),
);

#[cfg(test)]
mod tests {
    #[test]
    fn lookback_and_factor_order() {
        let spec = crate::catalog::find("sqzmom").unwrap();
        assert_eq!(spec.lookback(&spec.default_values()).unwrap(), 38);
        assert_eq!(spec.lookback(&[30.0, 2.0, 5.0, 2.0, 1.5, 1.0]).unwrap(), 29);
        assert_eq!(spec.lookback(&[2.0, 2.0, 2.0, 2.0, 1.5, 1.0]).unwrap(), 2);
        assert!(spec
            .run(
                &[20.0, 2.0, 20.0, 1.0, 1.5, 1.0],
                &[&[1.0], &[1.0], &[1.0]],
                None
            )
            .is_err());
    }
}
