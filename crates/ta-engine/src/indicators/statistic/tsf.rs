//! Time series forecast.

use super::linear_reg::{LinearReg, LinearRegParams, FORECAST};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{PRICE_LINE, REAL};

/// Time series forecast: the regression line extended one bar past today.
pub type Tsf = LinearReg<FORECAST>;

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "tsf",
    "TSF",
    Group::Statistic,
    "Time series forecast: the least-squares line extended one bar ahead",
    REAL,
    LinearRegParams::SPECS,
    PRICE_LINE,
    kernel::<Tsf>(),
);
