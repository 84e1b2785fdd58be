//! Time series forecast.

use super::linear_reg::{LinearReg, FORECAST};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{PRICE_LINE, REAL};
use crate::params::ParamSpec;

/// Time series forecast: the regression line extended one bar past today.
pub type Tsf = LinearReg<FORECAST>;

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "tsf",
    "TSF",
    Group::Statistic,
    "Time series forecast: the least-squares line extended one bar ahead",
    REAL,
    &[ParamSpec::period(14, 2)],
    PRICE_LINE,
    kernel::<Tsf>(),
);
