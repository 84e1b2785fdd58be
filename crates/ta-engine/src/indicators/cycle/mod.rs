//! Cycle indicators: the Hilbert-transform family (dominant cycle period and phase, phasor, sine wave, trend mode, trend line) and MAMA.
//!
//! HT_TRENDLINE and MAMA are overlap studies in TA-Lib's grouping (their catalog group says
//! so); they live here because they share the Hilbert machinery in [`hilbert`].

mod hilbert;
mod ht_dcperiod;
mod ht_dcphase;
mod ht_phasor;
mod ht_sine;
mod ht_trendline;
mod ht_trendmode;
mod mama;

pub use ht_dcperiod::HtDcperiod;
pub use ht_dcphase::HtDcphase;
pub use ht_phasor::HtPhasor;
pub use ht_sine::HtSine;
pub use ht_trendline::HtTrendline;
pub use ht_trendmode::HtTrendmode;
pub use mama::{Mama, MamaLine, MamaParams};

mod swak_2php;
mod swak_bp;
mod swak_hp;

pub use swak_2php::{Swak2php, Swak2phpParams};
pub use swak_bp::{SwakBp, SwakBpParams};
pub use swak_hp::{SwakHp, SwakHpParams};

use crate::catalog::IndicatorSpec;

/// The family's catalog entries, in catalog order.
pub(crate) static SPECS: &[&IndicatorSpec] = &[
    &ht_dcperiod::SPEC,
    &ht_dcphase::SPEC,
    &ht_phasor::SPEC,
    &ht_sine::SPEC,
    &ht_trendmode::SPEC,
    &ht_trendline::SPEC,
    &mama::SPEC,
    &swak_2php::SPEC,
    &swak_bp::SPEC,
    &swak_hp::SPEC,
];

#[cfg(test)]
mod tests {
    use crate::catalog::find;

    /// Every output of `name`, missing rows as `None`.
    fn run(name: &str, params: &[f64], x: &[f64]) -> Vec<Vec<Option<f64>>> {
        let batch = find(name).unwrap().run(params, &[x], None).unwrap();
        batch
            .outputs
            .iter()
            .map(|o| {
                o.iter()
                    .enumerate()
                    .map(|(row, &v)| batch.validity.is_valid(row).then_some(v))
                    .collect()
            })
            .collect()
    }

    fn sine_wave(period: f64, n: usize) -> Vec<f64> {
        (0..n)
            .map(|i| 100.0 + 10.0 * (i as f64 * std::f64::consts::TAU / period).sin())
            .collect()
    }

    #[test]
    fn lookbacks_are_talibs() {
        for (name, lookback) in [
            ("ht_dcperiod", 32),
            ("ht_dcphase", 63),
            ("ht_phasor", 32),
            ("ht_sine", 63),
            ("ht_trendmode", 63),
            ("ht_trendline", 63),
            ("mama", 32),
        ] {
            let spec = find(name).unwrap();
            assert_eq!(spec.lookback(&spec.default_values()).unwrap(), lookback);
            let out = run(name, &spec.default_values(), &sine_wave(25.0, 100));
            assert!(out[0][..lookback].iter().all(Option::is_none), "{name}");
            assert!(out[0][lookback..].iter().all(Option::is_some), "{name}");
        }
    }

    #[test]
    fn dominant_cycle_of_a_pure_sine() {
        for period in [20.0, 30.0] {
            let x = sine_wave(period, 600);
            let dc = run("ht_dcperiod", &[], &x)[0][599].unwrap();
            assert!((dc - period).abs() < 0.1, "{period}: {dc}");
            // The phase advances 360°/period a bar.
            let phase = run("ht_dcphase", &[], &x);
            let step = phase[0][599].unwrap() - phase[0][598].unwrap();
            assert!((step - 360.0 / period).abs() < 0.5, "{period}: {step}");
        }
    }

    #[test]
    fn sine_wave_is_the_sine_of_the_phase() {
        let x = sine_wave(17.0, 300);
        let phase = run("ht_dcphase", &[], &x);
        let sine = run("ht_sine", &[], &x);
        for row in 63..300 {
            let p = phase[0][row].unwrap();
            let (s, lead) = super::hilbert::sine_lines(p);
            assert_eq!(sine[0][row].unwrap().to_bits(), s.to_bits());
            assert_eq!(sine[1][row].unwrap().to_bits(), lead.to_bits());
        }
    }

    #[test]
    fn constant_price() {
        let x = [42.0; 200];
        let phasor = run("ht_phasor", &[], &x);
        assert!(phasor.iter().flatten().flatten().all(|&v| v == 0.0));
        let trendline = run("ht_trendline", &[], &x);
        assert!(trendline[0].iter().flatten().all(|&v| v == 42.0));
        let mama = run("mama", &[0.5, 0.05], &x);
        assert_eq!(mama[0][199], Some(42.0));
        assert!((mama[1][199].unwrap() - 42.0).abs() < 1e-12);
        let mode = run("ht_trendmode", &[], &x);
        assert!(mode[0].iter().flatten().all(|&v| v == 0.0 || v == 1.0));
    }

    #[test]
    fn mama_with_equal_limits_is_an_ema_from_zero() {
        // With fast = slow every factor is the limit itself: MAMA is an EMA of the price
        // started at 0 on the first Hilbert bar, FAMA an EMA of MAMA with half the factor.
        let x = sine_wave(23.0, 120);
        let out = run("mama", &[0.3, 0.3], &x);
        let (mut mama, mut fama) = (0.0_f64, 0.0_f64);
        for (row, &price) in x.iter().enumerate().skip(super::hilbert::SHORT_START) {
            mama = 0.7f64.mul_add(mama, 0.3 * price);
            fama = 0.85f64.mul_add(fama, 0.15 * mama);
            if row >= 32 {
                assert_eq!(out[0][row], Some(mama));
                assert_eq!(out[1][row], Some(fama));
            }
        }
    }
}
