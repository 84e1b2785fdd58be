//! A moving average of a type chosen at run time.

use super::super::{PRICE_LINE, REAL};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::params::{MaType, ParamSpec};
use crate::primitives::average::MovingAverage;

ma_indicator!(/// MA with a run-time type.
    MaIndicator, MovingAverage, |p| MovingAverage::new(p.ma_type(1), p.int(0)));

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "ma",
    "MA",
    Group::Overlap,
    "Moving average of a chosen type",
    REAL,
    &[
        ParamSpec::period(30, 1),
        ParamSpec::ma_type("ma_type", "matype", MaType::Sma),
    ],
    PRICE_LINE,
    kernel::<MaIndicator>(),
);
