//! Linear regression angle.

use super::linear_reg::{LinearReg, ANGLE};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL};
use crate::params::ParamSpec;

/// Slope of the linear regression line in degrees.
pub type LinearRegAngle = LinearReg<ANGLE>;

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "linearreg_angle",
    "LINEARREG_ANGLE",
    Group::Statistic,
    "Slope of the least-squares line over the period, in degrees",
    REAL,
    &[ParamSpec::period(14, 2)],
    OWN_LINE,
    kernel::<LinearRegAngle>(),
);
