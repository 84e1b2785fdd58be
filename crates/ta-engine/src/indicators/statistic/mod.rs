//! Statistics over a rolling window: dispersion, least-squares lines, beta and correlation.

mod beta;
mod correl;
mod kurtosis;
mod linear_reg;
mod linearreg;
mod linearreg_angle;
mod linearreg_intercept;
mod linearreg_slope;
mod median;
mod percentile;
mod percentrank;
mod returns;
mod stddev;
mod tsf;
mod var;

pub use beta::{Beta, BetaParams};
pub use correl::{Correl, CorrelParams};
pub use kurtosis::{Kurtosis, KurtosisParams};
pub use linear_reg::{LinearReg, LinearRegParams};
pub use linearreg::LinearRegValue;
pub use linearreg_angle::LinearRegAngle;
pub use linearreg_intercept::LinearRegIntercept;
pub use linearreg_slope::LinearRegSlope;
pub use median::{Median, MedianParams};
pub use stddev::{Stddev, StddevParams};
pub use tsf::Tsf;
pub use var::{Var, VarParams};

use crate::catalog::IndicatorSpec;

/// The family's catalog entries, in catalog order.
pub(crate) static SPECS: &[&IndicatorSpec] = &[
    &stddev::SPEC,
    &var::SPEC,
    &linearreg::SPEC,
    &linearreg_slope::SPEC,
    &linearreg_intercept::SPEC,
    &linearreg_angle::SPEC,
    &tsf::SPEC,
    &beta::SPEC,
    &correl::SPEC,
    &percentile::SPEC,
    &percentrank::SPEC,
    &kurtosis::SPEC,
    &median::SPEC,
];

#[cfg(test)]
mod tests {
    use super::*;

    use crate::indicators::run_rows as run;

    fn single(values: &[f64]) -> Vec<[f64; 1]> {
        values.iter().map(|&v| [v]).collect()
    }

    #[test]
    fn var_and_stddev_of_one_to_five() {
        let rows = single(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
        let rows: Vec<&[f64]> = rows.iter().map(|r| &r[..]).collect();
        let var = run::<Var>("var", &[5.0, 1.0], &rows);
        assert_eq!(var, vec![None, None, None, None, Some(2.0), Some(2.0)]);
        // nbdev is ignored by VAR but scales STDDEV.
        assert_eq!(run::<Var>("var", &[5.0, 3.0], &rows), var);
        let sd = run::<Stddev>("stddev", &[5.0, 2.0], &rows);
        assert_eq!(sd[4], Some(2.0 * 2.0_f64.sqrt()));
    }

    #[test]
    fn var_of_flat_values_is_exactly_zero() {
        let rows = single(&[7.3; 200]);
        let rows: Vec<&[f64]> = rows.iter().map(|r| &r[..]).collect();
        assert!(run::<Var>("var", &[5.0, 1.0], &rows)[4..]
            .iter()
            .all(|v| *v == Some(0.0)));
        assert!(run::<Stddev>("stddev", &[5.0, 1.0], &rows)[4..]
            .iter()
            .all(|v| *v == Some(0.0)));
        assert!(run::<Var>("var", &[1.0, 1.0], &rows)
            .iter()
            .all(|v| *v == Some(0.0)));
    }
}
