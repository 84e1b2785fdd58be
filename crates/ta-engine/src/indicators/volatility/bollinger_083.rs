//! Bollinger Bands as TA-Lib 0.8.3 builds them inside BBW and PERCENTB.

use crate::params::MaType;
use crate::primitives::average::Ma083;
use crate::primitives::average::Smoother;
use crate::primitives::peak_variance::PeakVar;

typed_params! {
    /// Parameters of BBW and PERCENTB, in catalog order (BBANDS' parameters).
    pub struct Bollinger083Params {
        period: usize = period(20, 2),
        nbdev_up: f64 = float("nbdevup", 2.0, -3e37, 3e37, "deviations above the middle band"),
        nbdev_down: f64 = float("nbdevdn", 2.0, -3e37, 3e37, "deviations below the middle band"),
        ma_type: MaType = ma_type("matype", MaType::Sma),
    }
}

/// Upper, middle and lower band of one bar.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
pub(crate) struct Bands {
    pub upper: f64,
    pub middle: f64,
    pub lower: f64,
}

/// The bands with TA-Lib 0.8.3's variance ([`PeakVar`]). For SMA the middle band is a plain
/// running sum (arrival added, mean taken, leaver subtracted); for another type it is that
/// moving average as TA-Lib 0.8.3's MA computes it ([`Ma083`]), and the variance's first window
/// ends on the average's first value.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct Bollinger083 {
    variance: PeakVar,
    sum: f64,
    period: f64,
    other: Option<Ma083>,
    /// Bars before the variance starts (another type: its lookback − (period − 1)).
    variance_delay: usize,
    up: f64,
    down: f64,
    /// `nbdevup == nbdevdn`: one unfused width for both bands.
    symmetric: bool,
}

impl Bollinger083 {
    pub(crate) fn new(p: &Bollinger083Params) -> Self {
        let variance = PeakVar::new(p.period);
        let other = (p.ma_type != MaType::Sma).then(|| Ma083::new(p.ma_type, p.period));
        let variance_delay = other
            .as_ref()
            .map_or(0, |m| m.lookback().saturating_sub(variance.lookback()));
        Bollinger083 {
            variance,
            sum: 0.0,
            period: p.period as f64,
            other,
            variance_delay,
            up: p.nbdev_up,
            down: p.nbdev_down,
            symmetric: p.nbdev_up == p.nbdev_down,
        }
    }

    pub(crate) fn lookback(&self) -> usize {
        let average = self.other.as_ref().map_or(0, |m| m.lookback());
        average.max(self.variance.lookback())
    }

    #[inline(always)]
    fn middle_and_variance(&mut self, x: f64) -> Option<(f64, f64)> {
        let Some(other) = &mut self.other else {
            let sum = self.sum + x;
            self.sum = sum;
            let variance = self.variance.update(x)?;
            self.sum = sum - self.variance.window().oldest();
            return Some((sum / self.period, variance));
        };
        let middle = other.update(x);
        if self.variance_delay > 0 {
            self.variance_delay -= 1;
            return None;
        }
        let variance = self.variance.update(x)?;
        Some((middle?, variance))
    }

    #[inline(always)]
    pub(crate) fn update(&mut self, x: f64) -> Option<Bands> {
        let (middle, variance) = self.middle_and_variance(x)?;
        let sd = variance.sqrt();
        let (upper, lower) = if self.symmetric {
            let width = sd * self.up;
            (middle + width, middle - width)
        } else {
            (sd.mul_add(self.up, middle), middle - sd * self.down)
        };
        Some(Bands {
            upper,
            middle,
            lower,
        })
    }
}
