//! Wilder's directional movement system: +DM/-DM, +DI/-DI, DX, ADX and ADXR.

mod adx;
mod adxr;
mod directional_indicator;
mod dx;
mod minus_di;
mod minus_dm;
mod movement;
mod plus_di;
mod plus_dm;
mod wilder_dm;

pub use adx::{Adx, AdxParams};
pub use adxr::{Adxr, AdxrParams};
pub use directional_indicator::{DirectionalIndicator, DirectionalIndicatorParams};
pub use dx::{Dx, DxParams};
pub use minus_di::MinusDi;
pub use minus_dm::MinusDm;
pub use movement::{DirectionalMovement, DirectionalMovementParams};
pub use plus_di::PlusDi;
pub use plus_dm::PlusDm;

use crate::catalog::{IndicatorSpec, OutputSpec, Pane, Style};

/// ADX, ADXR, DX and the DIs are one entry each but read together, in one pane.
pub(super) const DIRECTIONAL_LINE: &[OutputSpec] =
    &[OutputSpec::new("value", "real", Pane::Own, Style::Line).in_pane_group("directional")];

/// The family's catalog entries, in catalog order.
pub(crate) static SPECS: &[&IndicatorSpec] = &[
    &adx::SPEC,
    &adxr::SPEC,
    &dx::SPEC,
    &plus_di::SPEC,
    &minus_di::SPEC,
    &plus_dm::SPEC,
    &minus_dm::SPEC,
];

#[cfg(test)]
mod tests {
    use super::*;

    use crate::indicators::run_rows as run;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * b.abs().max(1.0)
    }

    #[test]
    fn flat_prices_give_zero_dx_and_adx() {
        let rows = vec![&[5.0, 5.0, 5.0][..]; 12];
        let dx = run::<Dx>("dx", &[3.0], &rows);
        assert_eq!(dx.iter().position(Option::is_some), Some(3));
        assert!(dx[3..].iter().all(|v| *v == Some(0.0)));
        let adx = run::<Adx>("adx", &[3.0], &rows);
        assert_eq!(adx.iter().position(Option::is_some), Some(5));
        assert!(adx[5..].iter().all(|v| *v == Some(0.0)));
        let adxr = run::<Adxr>("adxr", &[3.0], &rows);
        assert_eq!(adxr.iter().position(Option::is_some), Some(7));
        let di = run::<PlusDi>("plus_di", &[3.0], &rows);
        assert!(di[3..].iter().all(|v| *v == Some(0.0)));
    }

    #[test]
    fn steady_uptrend_is_all_plus() {
        // Every bar is one higher and closes at its high: +DM1 = 1 and TR = 1 each bar, so +DI = 100, -DI = 0, DX = 100.
        let rows: Vec<[f64; 3]> = (0..10)
            .map(|i| [i as f64 + 1.0, i as f64, i as f64 + 1.0])
            .collect();
        let rows: Vec<&[f64]> = rows.iter().map(|r| &r[..]).collect();
        let di = run::<PlusDi>("plus_di", &[2.0], &rows);
        assert!(di[2..].iter().all(|v| close(v.unwrap(), 100.0)));
        let dx = run::<Dx>("dx", &[2.0], &rows);
        assert!(dx[2..].iter().all(|v| close(v.unwrap(), 100.0)));
        let adx = run::<Adx>("adx", &[2.0], &rows);
        assert!(adx[3..].iter().all(|v| close(v.unwrap(), 100.0)));
    }
}
