//! MESA adaptive moving average.

use super::hilbert::{Hilbert, RAD2DEG, SHORT_LOOKBACK, SHORT_START};
use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::{REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::average::Smoother;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct MamaParams {
        fast_limit: f64 = float("fastlimit", 0.5, 0.01, 0.99, "upper limit of the adaptive smoothing factor"),
        slow_limit: f64 = float("slowlimit", 0.05, 0.01, 0.99, "lower limit of the adaptive smoothing factor"),
    }
}

/// MAMA: an EMA whose factor follows the rate of change of the Hilbert phase, between the
/// slow and fast limits; FAMA follows MAMA with half the factor.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Mama {
    hilbert: Hilbert,
    fast: f64,
    slow: f64,
    prev_phase: f64,
    mama: f64,
    fama: f64,
}

impl Mama {
    /// MAMA and FAMA after `price`, or `None` until the Hilbert loop runs.
    #[inline(always)]
    pub(crate) fn update(&mut self, price: f64) -> Option<(f64, f64)> {
        let h = self.hilbert.update(price)?;
        let phase = if h.inphase != 0.0 {
            (h.quadrature / h.inphase).atan() * RAD2DEG
        } else {
            0.0
        };
        let mut delta = self.prev_phase - phase;
        self.prev_phase = phase;
        if delta < 1.0 {
            delta = 1.0;
        }
        let alpha = if delta > 1.0 {
            let alpha = self.fast / delta;
            if alpha < self.slow {
                self.slow
            } else {
                alpha
            }
        } else {
            self.fast
        };
        self.mama = (1.0 - alpha).mul_add(self.mama, alpha * price);
        let half = alpha * 0.5;
        self.fama = (1.0 - half).mul_add(self.fama, half * self.mama);
        Some((self.mama, self.fama))
    }

    /// True once [`Mama::update`]'s values are TA-Lib's outputs.
    #[inline(always)]
    pub(crate) fn ready(&self) -> bool {
        self.hilbert.today() >= SHORT_LOOKBACK
    }

    pub(crate) fn new(fast_limit: f64, slow_limit: f64) -> Self {
        Mama {
            hilbert: Hilbert::new(SHORT_START),
            fast: fast_limit,
            slow: slow_limit,
            prev_phase: 0.0,
            mama: 0.0,
            fama: 0.0,
        }
    }
}

impl Indicator for Mama {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 2;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: MamaParams = params.get();
        Ok(Mama::new(p.fast_limit, p.slow_limit))
    }
    fn lookback(&self) -> usize {
        SHORT_LOOKBACK
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let Some((mama, fama)) = self.update(bar[0]) else {
            return false;
        };
        out[0] = mama;
        out[1] = fama;
        self.ready()
    }
}

/// MAMA's line as a moving average (TA-Lib's `MA_Type` 7): default limits, any period.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct MamaLine(Mama);

impl MamaLine {
    pub fn new() -> Self {
        let defaults: MamaParams = Params::defaults(MamaParams::SPECS).get();
        MamaLine(Mama::new(defaults.fast_limit, defaults.slow_limit))
    }
}

impl Default for MamaLine {
    fn default() -> Self {
        Self::new()
    }
}

impl Smoother for MamaLine {
    const FUSED: bool = true;
    #[inline(always)]
    fn update(&mut self, x: f64) -> Option<f64> {
        let (mama, _) = self.0.update(x)?;
        self.0.ready().then_some(mama)
    }
    fn lookback(&self) -> usize {
        SHORT_LOOKBACK
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "mama",
    "MAMA",
    Group::Overlap,
    "MESA adaptive moving average and its following average (FAMA)",
    REAL,
    MamaParams::SPECS,
    &[
        OutputSpec::new("mama", "mama", Pane::Price, Style::Line),
        OutputSpec::new("fama", "fama", Pane::Price, Style::DashedLine),
    ],
    kernel::<Mama>(),
)
.with_flags(UNSTABLE);
