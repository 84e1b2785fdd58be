//! Linear regression slope.

use super::linear_reg::{LinearReg, LinearRegParams, SLOPE};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL};

/// Slope of the linear regression line.
pub type LinearRegSlope = LinearReg<SLOPE>;

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "linearreg_slope",
    "LINEARREG_SLOPE",
    Group::Statistic,
    "Slope of the least-squares line over the period",
    REAL,
    LinearRegParams::SPECS,
    OWN_LINE,
    kernel::<LinearRegSlope>(),
);
