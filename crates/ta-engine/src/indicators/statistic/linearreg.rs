//! Linear regression value.

use super::linear_reg::{LinearReg, LinearRegParams, LINE_END};
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{PRICE_LINE, REAL};

/// Linear regression: the fitted line's value on today's bar.
pub type LinearRegValue = LinearReg<LINE_END>;

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "linearreg",
    "LINEARREG",
    Group::Statistic,
    "Linear regression: today's value on the least-squares line over the period",
    REAL,
    LinearRegParams::SPECS,
    PRICE_LINE,
    kernel::<LinearRegValue>(),
);
