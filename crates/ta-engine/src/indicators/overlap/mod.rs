//! Overlap studies: moving averages, bands and other series drawn on the price chart.

/// A single-series moving average as an indicator. `None` is period 1, which TA-Lib 0.8
/// passes through unchanged. The smoother type is concrete (not `MovingAverage`) so the
/// batch loop compiles without a per-bar dispatch.
macro_rules! ma_indicator {
    ($(#[$doc:meta])* $ty:ident, $inner:ty, $params:ty, $build:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
        pub struct $ty(Option<$inner>);

        impl $crate::kernel::Indicator for $ty {
            const INPUTS: usize = 1;
            const OUTPUTS: usize = 1;
            const FUSED: bool = <$inner as $crate::primitives::average::Smoother>::FUSED;
            fn from_params(
                params: &$crate::params::Params,
            ) -> Result<Self, $crate::TaError> {
                let p: $params = params.get();
                let build: fn(&$params) -> $inner = $build;
                Ok($ty((p.period > 1).then(|| build(&p))))
            }
            fn lookback(&self) -> usize {
                self.0
                    .as_ref()
                    .map_or(0, $crate::primitives::average::Smoother::lookback)
            }
            #[inline(always)]
            fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
                let value = match &mut self.0 {
                    Some(m) => $crate::primitives::average::Smoother::update(m, bar[0]),
                    None => Some(bar[0]),
                };
                match value {
                    Some(v) => {
                        out[0] = v;
                        true
                    }
                    None => false,
                }
            }
        }
    };
}

mod accbands;
mod alma;
mod bbands;
mod cksp;
mod dema;
mod donchian;
mod ema;
mod frama;
mod hma;
mod ichimoku;
mod kama;
mod kc;
mod ma;
mod mavp;
mod mcgd;
mod midpoint;
mod midprice;
mod rma;
mod sar;
mod sarext;
mod sma;
mod supertrend;
mod t3;
mod tema;
mod trima;
mod vwma;
mod wma;
mod zlema;

pub use accbands::{Accbands, AccbandsParams};
mod swak_butter;
mod swak_gauss;
mod vidya;
mod zigzag;

pub use alma::{Alma, AlmaIndicator, AlmaParams};
pub use bbands::{Bbands, BbandsParams};
pub use cksp::{Cksp, CkspParams};
pub use dema::{DemaIndicator, DemaParams};
pub use donchian::{Donchian, DonchianParams};
pub use ema::{EmaIndicator, EmaParams};
pub use frama::{Frama, FramaParams};
pub use hma::{HmaIndicator, HmaParams};
pub use ichimoku::{Ichimoku, IchimokuParams};
pub use kama::{KamaIndicator, KamaParams};
pub use kc::{Kc, KcParams};
pub use ma::{MaIndicator, MaParams};
pub use mavp::{Mavp, MavpParams};
pub use mcgd::{Mcgd, McgdIndicator, McgdParams};
pub use midpoint::{Midpoint, MidpointParams};
pub use midprice::{Midprice, MidpriceParams};
pub use rma::{RmaIndicator, RmaParams};
pub use sar::{Sar, SarParams};
pub use sarext::{Sarext, SarextParams};
pub use sma::{SmaIndicator, SmaParams};
pub use supertrend::{Supertrend, SupertrendParams};
pub use swak_butter::{SwakButter, SwakButterParams};
pub use swak_gauss::{SwakGauss, SwakGaussParams};
pub use t3::{T3Indicator, T3Params};
pub use tema::{TemaIndicator, TemaParams};
pub use trima::{TrimaIndicator, TrimaParams};
pub use vidya::{Vidya, VidyaIndicator, VidyaParams};
pub use vwma::{Vwma, VwmaParams};
pub use wma::{WmaIndicator, WmaParams};
pub use zigzag::{Zigzag, ZigzagParams};
pub use zlema::{ZlemaIndicator, ZlemaParams};

use crate::catalog::IndicatorSpec;

/// The family's catalog entries, in catalog order.
pub(crate) static SPECS: &[&IndicatorSpec] = &[
    &sma::SPEC,
    &ema::SPEC,
    &wma::SPEC,
    &dema::SPEC,
    &tema::SPEC,
    &trima::SPEC,
    &kama::SPEC,
    &t3::SPEC,
    &ma::SPEC,
    &bbands::SPEC,
    &midpoint::SPEC,
    &midprice::SPEC,
    &sar::SPEC,
    &hma::SPEC,
    &rma::SPEC,
    &zlema::SPEC,
    &accbands::SPEC,
    &donchian::SPEC,
    &vwma::SPEC,
    &kc::SPEC,
    &supertrend::SPEC,
    &mavp::SPEC,
    &sarext::SPEC,
    &alma::SPEC,
    &cksp::SPEC,
    &frama::SPEC,
    &mcgd::SPEC,
    &swak_butter::SPEC,
    &swak_gauss::SPEC,
    &vidya::SPEC,
    &ichimoku::SPEC,
    &zigzag::SPEC,
];
