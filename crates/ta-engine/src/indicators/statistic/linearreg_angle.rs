//! Linear regression angle.

use super::linear_reg::{LinearReg, LinearRegParams, ANGLE};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL};

/// Slope of the linear regression line in degrees.
pub type LinearRegAngle = LinearReg<ANGLE>;

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "linearreg_angle",
    "LINEARREG_ANGLE",
    Group::Statistic,
    "Slope of the least-squares line over the period, in degrees",
    REAL,
    LinearRegParams::SPECS,
    OWN_LINE,
    kernel::<LinearRegAngle>(),
);
