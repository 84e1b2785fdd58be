//! Linear regression slope.

use super::linear_reg::{LinearReg, SLOPE};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL};
use crate::params::ParamSpec;

/// Slope of the linear regression line.
pub type LinearRegSlope = LinearReg<SLOPE>;

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "linearreg_slope",
    "LINEARREG_SLOPE",
    Group::Statistic,
    "Slope of the least-squares line over the period",
    REAL,
    &[ParamSpec::period(14, 2)],
    OWN_LINE,
    kernel::<LinearRegSlope>(),
);
