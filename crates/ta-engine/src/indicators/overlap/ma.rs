//! A moving average of a type chosen at run time.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{PRICE_LINE, REAL};
use crate::params::MaType;
use crate::primitives::average::MovingAverage;

typed_params! {
    /// Parameters, in catalog order.
    pub struct MaParams {
        period: usize = period(30, 1),
        ma_type: MaType = ma_type("matype", MaType::Sma),
    }
}

ma_indicator!(/// MA with a run-time type.
    MaIndicator, MovingAverage, MaParams, |p| MovingAverage::new(p.ma_type, p.period));

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "ma",
    "MA",
    Group::Overlap,
    "Moving average of a chosen type",
    REAL,
    MaParams::SPECS,
    PRICE_LINE,
    kernel::<MaIndicator>(),
);
