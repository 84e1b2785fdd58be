//! Linear regression intercept.

use super::linear_reg::{LinearReg, LinearRegParams, INTERCEPT};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{PRICE_LINE, REAL};

/// Intercept of the linear regression line (its value on the oldest bar of the window).
pub type LinearRegIntercept = LinearReg<INTERCEPT>;

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "linearreg_intercept",
    "LINEARREG_INTERCEPT",
    Group::Statistic,
    "Intercept of the least-squares line over the period (its value on the oldest bar)",
    REAL,
    LinearRegParams::SPECS,
    PRICE_LINE,
    kernel::<LinearRegIntercept>(),
);
