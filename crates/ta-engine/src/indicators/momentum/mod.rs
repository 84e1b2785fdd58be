//! Momentum indicators: oscillators and rates of change (RSI, MACD, stochastics, Aroon, ...).
//!
//! The arithmetic follows the TA-Lib 0.8.1 library shipped in the `ta-lib` 0.8.2 wheel,
//! including its zero tests, which changed in 0.8: `TA_EPSILON` is 1e-14, a difference of two
//! prices (a high-low range, a typical-price change) is compared with `ε·(|a| + |b|)`, and
//! sums of non-negative terms are tested with `> 0`. ADX and the directional-movement family
//! live in `directional/`.

#[macro_use]
mod change;
mod ac;
mod ao;
mod apo;
mod aroon;
mod aroonosc;
mod bop;
mod cci;
mod cmo;
mod cmou;
mod coppock;
mod dpo;
mod er;
mod eri;
mod fosc;
mod fractal;
mod imi;
mod kdj;
mod macd;
mod macd_lines;
mod macdext;
mod macdfix;
mod mfi;
mod mom;
mod ppo;
mod price_oscillator;
mod qstick;
mod roc;
mod rocp;
mod rocr;
mod rocr100;
mod rsi;
mod smi;
mod stoch;
mod stochastic;
mod stochf;
mod stochrsi;
mod trix;
mod tsi;
mod ultosc;
mod vhf;
mod vortex;
mod wad;
mod wilder_changes;
mod willr;
// TA-Lib 0.8.3 additions.
mod asi;
mod cg;
mod chop;
mod choppiness;
mod choptr;
mod crsi;
mod cti;
mod dosc;
mod fisher;
mod ibs;
mod kst;
mod kst_lines;
mod kstext;
mod pso;
mod si;
mod sqzmom;
mod stc;
mod swing_index;
#[cfg(test)]
mod talib083_tests;
mod wavetrend;
mod wilder_rsi;

pub use apo::Apo;
pub use aroon::{Aroon, AroonParams};
pub use aroonosc::{Aroonosc, AroonoscParams};
pub use bop::Bop;
pub use cci::{Cci, CciParams};
pub use cmo::{Cmo, CmoParams};
pub use macd::{Macd, MacdParams};
pub use macdext::{Macdext, MacdextParams};
pub use macdfix::{Macdfix, MacdfixParams};
pub use mfi::{Mfi, MfiParams};
pub use mom::{Mom, MomParams};
pub use ppo::Ppo;
pub use price_oscillator::PriceOscillatorParams;
pub use roc::{Roc, RocParams};
pub use rocp::{Rocp, RocpParams};
pub use rocr::{Rocr, RocrParams};
pub use rocr100::{Rocr100, Rocr100Params};
pub use rsi::{Rsi, RsiParams};
pub use stoch::{Stoch, StochParams};
pub use stochf::{Stochf, StochfParams};
pub use stochrsi::{Stochrsi, StochrsiParams};
pub use trix::{Trix, TrixParams};
pub use ultosc::{Ultosc, UltoscParams};
pub use willr::{Willr, WillrParams};
// TA-Lib 0.8.3 additions.
pub use asi::Asi;
pub use cg::{Cg, CgParams};
pub use chop::{Chop, ChopParams};
pub use choptr::{Choptr, ChoptrParams};
pub use crsi::{Crsi, CrsiParams};
pub use cti::{Cti, CtiParams};
pub use dosc::{Dosc, DoscParams};
pub use fisher::{Fisher, FisherParams};
pub use ibs::Ibs;
pub use kst::{Kst, KstParams};
pub use kstext::{Kstext, KstextParams};
pub use pso::{Pso, PsoParams};
pub use si::{Si, SiParams};
pub use sqzmom::{Sqzmom, SqzmomParams};
pub use stc::{Stc, StcParams};
pub use wavetrend::{Wavetrend, WavetrendParams};

use crate::catalog::{IndicatorSpec, OutputSpec, Pane, Style};

pub(super) const MACD_OUTPUTS: &[OutputSpec] = &[
    OutputSpec::new("macd", "macd", Pane::Own, Style::Line),
    OutputSpec::new("signal", "macdsignal", Pane::Own, Style::DashedLine),
    OutputSpec::new("hist", "macdhist", Pane::Own, Style::Histogram),
];

pub(super) const FAST_STOCH_OUTPUTS: &[OutputSpec] = &[
    OutputSpec::new("fastk", "fastk", Pane::Own, Style::Line),
    OutputSpec::new("fastd", "fastd", Pane::Own, Style::Line),
];

pub(super) const FAST_PERIOD_DOC: &str = "bars in the fast moving average";
pub(super) const SLOW_PERIOD_DOC: &str = "bars in the slow moving average";
pub(super) const SIGNAL_PERIOD_DOC: &str = "bars in the signal-line moving average";
pub(super) const FASTK_PERIOD_DOC: &str = "bars in the high-low window of %K";
pub(super) const FASTD_PERIOD_DOC: &str = "bars in the moving average of %K (%D)";

/// The family's catalog entries, in catalog order.
pub(crate) static SPECS: &[&IndicatorSpec] = &[
    &rsi::SPEC,
    &macd::SPEC,
    &macdext::SPEC,
    &macdfix::SPEC,
    &stoch::SPEC,
    &stochf::SPEC,
    &stochrsi::SPEC,
    &cci::SPEC,
    &willr::SPEC,
    &mfi::SPEC,
    &mom::SPEC,
    &roc::SPEC,
    &rocp::SPEC,
    &rocr::SPEC,
    &rocr100::SPEC,
    &cmo::SPEC,
    &apo::SPEC,
    &ppo::SPEC,
    &trix::SPEC,
    &aroon::SPEC,
    &aroonosc::SPEC,
    &bop::SPEC,
    &ultosc::SPEC,
    &ao::SPEC,
    &ac::SPEC,
    &cmou::SPEC,
    &dpo::SPEC,
    &er::SPEC,
    &eri::SPEC,
    &qstick::SPEC,
    &wad::SPEC,
    &coppock::SPEC,
    &fosc::SPEC,
    &smi::SPEC,
    &tsi::SPEC,
    &fractal::SPEC,
    &imi::SPEC,
    &vhf::SPEC,
    &vortex::SPEC,
    &kdj::SPEC,
    // TA-Lib 0.8.3 additions.
    &ibs::SPEC,
    &cg::SPEC,
    &cti::SPEC,
    &chop::SPEC,
    &choptr::SPEC,
    &si::SPEC,
    &asi::SPEC,
    &fisher::SPEC,
    &dosc::SPEC,
    &pso::SPEC,
    &kst::SPEC,
    &kstext::SPEC,
    &crsi::SPEC,
    &stc::SPEC,
    &sqzmom::SPEC,
    &wavetrend::SPEC,
];

#[cfg(test)]
mod tests {
    use super::SPECS;
    use crate::catalog::IndicatorSpec;
    use crate::TaError;

    fn spec(name: &str) -> &'static IndicatorSpec {
        crate::catalog::find(name).unwrap()
    }

    /// Every output of `name`, missing rows as `None`.
    fn run(name: &str, params: &[f64], inputs: &[&[f64]]) -> Vec<Vec<Option<f64>>> {
        let batch = spec(name).run(params, inputs, None).unwrap();
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

    fn close(a: &[Option<f64>], b: &[Option<f64>]) -> bool {
        a.len() == b.len()
            && a.iter().zip(b).all(|(x, y)| match (x, y) {
                (Some(x), Some(y)) => (x - y).abs() <= 1e-12 * y.abs().max(1.0),
                (None, None) => true,
                _ => false,
            })
    }

    macro_rules! assert_series {
        ($got:expr, $want:expr) => {
            let (got, want): (&[Option<f64>], &[Option<f64>]) = (&$got, &$want);
            assert!(close(got, want), "got {got:?}, want {want:?}");
        };
    }

    #[test]
    fn momentum_and_rates_of_change() {
        let x = [1.0, 2.0, 4.0, 7.0, 11.0];
        assert_series!(
            run("mom", &[2.0], &[&x])[0],
            [None, None, Some(3.0), Some(5.0), Some(7.0)]
        );
        // The previous value 0 makes every rate of change 0.
        let y = [2.0, 3.0, 0.0, 5.0];
        assert_series!(
            run("roc", &[1.0], &[&y])[0],
            [None, Some(50.0), Some(-100.0), Some(0.0)]
        );
        assert_series!(
            run("rocp", &[1.0], &[&y])[0],
            [None, Some(0.5), Some(-1.0), Some(0.0)]
        );
        assert_series!(
            run("rocr", &[1.0], &[&y])[0],
            [None, Some(1.5), Some(0.0), Some(0.0)]
        );
        assert_series!(
            run("rocr100", &[1.0], &[&y])[0],
            [None, Some(150.0), Some(0.0), Some(0.0)]
        );
    }

    #[test]
    fn rsi_and_cmo() {
        let up: Vec<f64> = (1..=8).map(f64::from).collect();
        let down: Vec<f64> = up.iter().rev().copied().collect();
        let flat = [5.0; 8];
        for (series, rsi, cmo) in [
            (&up, 100.0, 100.0),
            (&down, 0.0, -100.0),
            (&flat.to_vec(), 0.0, 0.0),
        ] {
            let mut want = vec![None; 3];
            want.resize(8, Some(rsi));
            assert_series!(run("rsi", &[3.0], &[series])[0], want);
            want.truncate(3);
            want.resize(8, Some(cmo));
            assert_series!(run("cmo", &[3.0], &[series])[0], want);
        }
        // Changes +1, -1, +2 with period 2: seed gain 0.5, loss 0.5; then Wilder smoothing
        // gives gain (0.5 + 2) / 2 = 1.25 and loss 0.5 / 2 = 0.25.
        let x = [1.0, 2.0, 1.0, 3.0];
        assert_series!(
            run("rsi", &[2.0], &[&x])[0],
            [None, None, Some(50.0), Some(100.0 * 1.25 / 1.5)]
        );
        assert_series!(
            run("cmo", &[2.0], &[&x])[0],
            [None, None, Some(0.0), Some(100.0 * 1.0 / 1.5)]
        );
    }

    #[test]
    fn balance_of_power() {
        let (open, high, low, close) = (
            [10.0, 5.0, 5.0],
            [12.0, 5.0, 4.0],
            [8.0, 5.0, 6.0],
            [11.0, 5.0, 5.5],
        );
        // An empty or inverted range gives 0.
        assert_series!(
            run("bop", &[], &[&open, &high, &low, &close])[0],
            [Some(0.25), Some(0.0), Some(0.0)]
        );
    }

    #[test]
    fn williams_r_and_fast_stochastic() {
        let high = [150.0, 140.0, 140.0, 140.0];
        let low = [100.0, 110.0, 110.0, 110.0];
        // Highest 150 and lowest 100 over two bars; closes inside, above and below the range.
        let close = [120.0, 125.0, 160.0, 90.0];
        let willr = run("willr", &[2.0], &[&high, &low, &close]);
        // (150 - 125) / 50 · -100 = -50; the row-2 range is 140 - 110 = 30, and a close
        // above it clamps to 0, below it to -100.
        assert_series!(willr[0], [None, Some(-50.0), Some(0.0), Some(-100.0)]);
        let stochf = run("stochf", &[2.0, 1.0, 0.0], &[&high, &low, &close]);
        assert_series!(
            stochf[0],
            [
                None,
                Some(50.0),
                Some(50.0 / 30.0 * 100.0),
                Some(-20.0 / 30.0 * 100.0)
            ]
        );
        assert_series!(stochf[1], stochf[0]);
        // %K is withheld until %D exists.
        let stochf = run("stochf", &[2.0, 2.0, 0.0], &[&high, &low, &close]);
        assert_eq!(stochf[0][1], None);
        assert!(stochf[0][2].is_some() && stochf[1][2].is_some());
        // A flat window has no range: %K and %R are 0.
        let flat = [7.0; 3];
        assert_series!(
            run("stochf", &[2.0, 1.0, 0.0], &[&flat, &flat, &flat])[0],
            [None, Some(0.0), Some(0.0)]
        );
        assert_series!(
            run("willr", &[2.0], &[&flat, &flat, &flat])[0],
            [None, Some(0.0), Some(0.0)]
        );
    }

    #[test]
    fn aroon_counts_bars_since_the_extremes() {
        // Window of period + 1 = 3 bars: the high and the low were both one bar ago.
        let out = run("aroon", &[2.0], &[&[1.0, 3.0, 2.0], &[3.0, 1.0, 2.0]]);
        assert_series!(out[0], [None, None, Some(50.0)]);
        assert_series!(out[1], [None, None, Some(50.0)]);
        // Ties go to the most recent bar: equal highs make Aroon up 100.
        let out = run("aroon", &[2.0], &[&[2.0, 2.0, 2.0], &[1.0, 2.0, 3.0]]);
        assert_series!(out[1], [None, None, Some(100.0)]);
        assert_series!(out[0], [None, None, Some(0.0)]);
        let osc = run("aroonosc", &[2.0], &[&[2.0, 2.0, 2.0], &[1.0, 2.0, 3.0]]);
        assert_series!(osc[0], [None, None, Some(100.0)]);
    }

    #[test]
    fn cci_and_mfi() {
        // Typical prices 1 and 3: mean 2, mean deviation 1, so CCI = 1 / 0.015.
        let tp = [1.0, 3.0];
        assert_series!(
            run("cci", &[2.0], &[&tp, &tp, &tp])[0],
            [None, Some(1.0 / 0.015)]
        );
        let flat = [4.0; 5];
        assert_series!(
            run("cci", &[3.0], &[&flat, &flat, &flat])[0],
            [None, None, Some(0.0), Some(0.0), Some(0.0)]
        );
        // Flows: +2 (up to 2), -1 (down to 1): MFI = 100 · 2 / 3.
        let tp = [1.0, 2.0, 1.0];
        let volume = [1.0; 3];
        assert_series!(
            run("mfi", &[2.0], &[&tp, &tp, &tp, &volume])[0],
            [None, None, Some(200.0 / 3.0)]
        );
        // No flow at all gives 0.
        assert_series!(
            run("mfi", &[2.0], &[&flat, &flat, &flat, &flat])[0],
            [None, None, Some(0.0), Some(0.0), Some(0.0)]
        );
    }

    #[test]
    fn oscillators_of_a_constant_series_are_zero() {
        let x = [3.0; 120];
        for (name, params) in [
            ("apo", vec![12.0, 26.0, 1.0]),
            ("ppo", vec![12.0, 26.0, 0.0]),
            ("trix", vec![5.0]),
            ("macd", vec![12.0, 26.0, 9.0]),
        ] {
            let out = run(name, &params, &[&x]);
            let lookback = spec(name).lookback(&params).unwrap();
            for series in out {
                assert!(series[..lookback].iter().all(Option::is_none), "{name}");
                assert!(
                    series[lookback..].iter().all(|v| *v == Some(0.0)),
                    "{name}: {series:?}"
                );
            }
        }
        // PPO over a zero slow average is 0, not a division by zero.
        let zeros = [0.0; 40];
        assert!(run("ppo", &[2.0, 3.0, 0.0], &[&zeros])[0][2..]
            .iter()
            .all(|v| *v == Some(0.0)));
    }

    #[test]
    fn lookbacks() {
        let cases: &[(&str, &[f64], usize)] = &[
            ("rsi", &[14.0], 14),
            ("macd", &[12.0, 26.0, 9.0], 33),
            ("macd", &[26.0, 12.0, 9.0], 33),
            ("macdfix", &[9.0], 33),
            ("macdfix", &[1.0], 25),
            // A fast TEMA (3·11 bars) outlasts a slow SMA (25 bars).
            ("macdext", &[12.0, 4.0, 26.0, 0.0, 9.0, 0.0], 33 + 8),
            ("stoch", &[5.0, 3.0, 0.0, 3.0, 0.0], 8),
            ("stoch", &[1.0, 1.0, 0.0, 1.0, 0.0], 0),
            ("stochf", &[5.0, 3.0, 1.0], 6),
            ("stochrsi", &[14.0, 5.0, 3.0, 0.0], 20),
            ("cci", &[14.0], 13),
            ("willr", &[14.0], 13),
            ("mfi", &[14.0], 14),
            ("mom", &[10.0], 10),
            ("cmo", &[14.0], 14),
            ("apo", &[12.0, 26.0, 1.0], 25),
            ("ppo", &[26.0, 12.0, 4.0], 75),
            ("trix", &[30.0], 88),
            ("trix", &[1.0], 1),
            ("aroon", &[14.0], 14),
            ("aroonosc", &[14.0], 14),
            ("bop", &[], 0),
            ("ultosc", &[7.0, 14.0, 28.0], 28),
            ("ultosc", &[28.0, 1.0, 3.0], 28),
        ];
        for &(name, params, want) in cases {
            assert_eq!(
                spec(name).lookback(params).unwrap(),
                want,
                "{name} {params:?}"
            );
        }
    }

    /// Each state machine first answers on bar `lookback()` and then on every bar, including
    /// at the smallest periods TA-Lib accepts.
    #[test]
    fn first_output_at_lookback_with_minimum_periods() {
        let n = 200;
        let close: Vec<f64> = (0..n)
            .map(|i| 100.0 + (i as f64 * 0.7).sin() * 5.0 + i as f64 * 0.1)
            .collect();
        let high: Vec<f64> = close.iter().map(|c| c + 1.0).collect();
        let low: Vec<f64> = close.iter().map(|c| c - 1.5).collect();
        let open: Vec<f64> = close.iter().map(|c| c - 0.25).collect();
        let volume = vec![1000.0; n];
        for s in SPECS {
            for params in [s.default_values(), s.params.iter().map(|p| p.min).collect()] {
                let inputs: Vec<&[f64]> = s
                    .inputs
                    .iter()
                    .map(|i| match i.as_str() {
                        "open" => open.as_slice(),
                        "high" => high.as_slice(),
                        "low" => low.as_slice(),
                        "volume" => volume.as_slice(),
                        _ => close.as_slice(),
                    })
                    .collect();
                let lookback = s.lookback(&params).unwrap();
                let batch = s.run(&params, &inputs, None).unwrap();
                assert_eq!(
                    batch.validity,
                    crate::Validity::Prefix(lookback),
                    "{} {params:?}",
                    s.name
                );
                assert!(
                    batch
                        .outputs
                        .iter()
                        .all(|o| o[lookback..].iter().all(|v| v.is_finite())),
                    "{}",
                    s.name
                );
            }
        }
    }

    #[test]
    fn slow_shorter_than_fast_is_swapped() {
        let x: Vec<f64> = (0..60)
            .map(|i| 50.0 + (i as f64 * 0.3).cos() * 4.0)
            .collect();
        assert_eq!(
            run("macd", &[26.0, 12.0, 9.0], &[&x]),
            run("macd", &[12.0, 26.0, 9.0], &[&x])
        );
        assert_eq!(
            run("apo", &[9.0, 4.0, 2.0], &[&x]),
            run("apo", &[4.0, 9.0, 2.0], &[&x])
        );
        // MACDEXT swaps the moving-average types along with the periods.
        assert_eq!(
            run("macdext", &[26.0, 1.0, 12.0, 2.0, 9.0, 0.0], &[&x]),
            run("macdext", &[12.0, 2.0, 26.0, 1.0, 9.0, 0.0], &[&x])
        );
        // ULTOSC sorts its periods.
        let hi: Vec<f64> = x.iter().map(|v| v + 1.0).collect();
        let lo: Vec<f64> = x.iter().map(|v| v - 1.0).collect();
        assert_eq!(
            run("ultosc", &[28.0, 7.0, 14.0], &[&hi, &lo, &x]),
            run("ultosc", &[7.0, 14.0, 28.0], &[&hi, &lo, &x])
        );
    }

    #[test]
    fn parameters_outside_talib_ranges_are_refused() {
        let refused: &[(&str, &[f64])] = &[
            ("rsi", &[1.0]),
            ("cmo", &[1.0]),
            ("cci", &[1.0]),
            ("willr", &[1.0]),
            ("mfi", &[1.0]),
            ("aroon", &[1.0]),
            ("mom", &[0.0]),
            ("roc", &[100_001.0]),
            ("trix", &[0.0]),
            ("macd", &[1.0, 26.0, 9.0]),
            ("macd", &[12.0, 26.0, 0.0]),
            ("stoch", &[0.0, 3.0, 0.0, 3.0, 0.0]),
            ("stochf", &[5.0, 3.0, 16.0]), // past TA-Lib 0.8.3's MA types
            ("macdext", &[12.0, 16.0, 26.0, 0.0, 9.0, 0.0]),
            ("ultosc", &[7.0, 0.0, 28.0]),
            ("apo", &[12.5, 26.0, 1.0]),
        ];
        for &(name, params) in refused {
            let err = spec(name).params(params).unwrap_err();
            assert!(
                matches!(err, TaError::InvalidParam { .. }),
                "{name} {params:?}: {err:?}"
            );
        }
        // TA-Lib accepts a slow period shorter than the fast one (it swaps them).
        assert!(spec("ppo").params(&[26.0, 12.0, 1.0]).is_ok());
        assert!(spec("macdext")
            .params(&[26.0, 8.0, 12.0, 6.0, 1.0, 3.0])
            .is_ok());
    }
}
