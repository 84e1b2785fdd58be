//! Volatility: the true range and its Wilder average.

mod adr;
mod atr;
mod bbw;
mod bollinger_083;
mod cvi;
mod massi;
mod natr;
mod percentb;
mod rogerssatchell;
mod rvi;
mod rvi_083;
mod rvir;
mod trange;
mod wilder_atr;

pub(crate) use wilder_atr::WilderAtr;

pub use adr::{Adr, AdrParams};
pub use atr::{Atr, AtrParams};
pub use bbw::Bbw;
pub use bollinger_083::Bollinger083Params;
pub use cvi::{Cvi, CviParams};
pub use massi::{Massi, MassiParams};
pub use natr::{Natr, NatrParams};
pub use percentb::Percentb;
pub use rogerssatchell::{RogersSatchell, RogersSatchellParams};
pub use rvi::{Rvi, RviParams};
pub use rvir::{Rvir, RvirParams};
pub use trange::TrueRange;

use crate::catalog::IndicatorSpec;

/// The family's catalog entries, in catalog order.
pub(crate) static SPECS: &[&IndicatorSpec] = &[
    &atr::SPEC,
    &natr::SPEC,
    &trange::SPEC,
    &adr::SPEC,
    &cvi::SPEC,
    &massi::SPEC,
    &rvi::SPEC,
    &bbw::SPEC,
    &percentb::SPEC,
    &rogerssatchell::SPEC,
    &rvir::SPEC,
];

#[cfg(test)]
mod tests {
    use super::*;

    use crate::indicators::run_rows as run;

    /// (high, low, close): true ranges 3, 1 (gap down) and 2.5 (gap up).
    const ROWS: [&[f64]; 4] = [
        &[10.0, 8.0, 9.0],
        &[12.0, 9.0, 11.0],
        &[11.0, 10.0, 10.5],
        &[13.0, 12.0, 12.5],
    ];

    #[test]
    fn trange_on_three_bars() {
        assert_eq!(
            run::<TrueRange>("trange", &[], &ROWS),
            vec![None, Some(3.0), Some(1.0), Some(2.5)]
        );
    }

    #[test]
    fn atr_seeds_with_the_mean_then_smooths() {
        // Seed on bar 2: (3 + 1) / 2 = 2; then (2 + 2.5) / 2 = 2.25.
        assert_eq!(
            run::<Atr>("atr", &[2.0], &ROWS),
            vec![None, None, Some(2.0), Some(2.25)]
        );
        assert_eq!(
            run::<Atr>("atr", &[1.0], &ROWS),
            run::<TrueRange>("trange", &[], &ROWS)
        );
        let natr = run::<Natr>("natr", &[2.0], &ROWS);
        assert!((natr[3].unwrap() - 18.0).abs() < 1e-12); // 2.25 / 12.5 × 100
    }
}
