//! Candlestick pattern recognition: one Int32 signal per bar (+-100, +-80, +-200), TA-Lib's
//! CDL* functions. TA-Lib's global candle settings are parameters here (see `settings`).

#[macro_use]
pub(crate) mod settings;
#[macro_use]
mod candle;
#[cfg(test)]
mod testing;

mod cdl2crows;
mod cdl3blackcrows;
mod cdl3inside;
mod cdl3linestrike;
mod cdl3outside;
mod cdl3starsinsouth;
mod cdl3whitesoldiers;
mod cdlabandonedbaby;
mod cdladvanceblock;
mod cdlbelthold;
mod cdlbreakaway;
mod cdlclosingmarubozu;
mod cdlconcealbabyswall;
mod cdlcounterattack;
mod cdldarkcloudcover;
mod cdldoji;
mod cdldojistar;
mod cdldragonflydoji;
mod cdlengulfing;
mod cdleveningdojistar;
mod cdleveningstar;
mod cdlgapsidesidewhite;
mod cdlgravestonedoji;
mod cdlhammer;
mod cdlhangingman;
mod cdlharami;
mod cdlharamicross;
mod cdlhighwave;
mod cdlhikkake;
mod cdlhikkakemod;
mod cdlhomingpigeon;
mod cdlidentical3crows;
mod cdlinneck;
mod cdlinvertedhammer;
mod cdlkicking;
mod cdlkickingbylength;
mod cdlladderbottom;
mod cdllongleggeddoji;
mod cdllongline;
mod cdlmarubozu;
mod cdlmatchinglow;
mod cdlmathold;
mod cdlmorningdojistar;
mod cdlmorningstar;
mod cdlonneck;
mod cdlpiercing;
mod cdlrickshawman;
mod cdlrisefall3methods;
mod cdlseparatinglines;
mod cdlshootingstar;
mod cdlshortline;
mod cdlspinningtop;
mod cdlstalledpattern;
mod cdlsticksandwich;
mod cdltakuri;
mod cdltasukigap;
mod cdlthrusting;
mod cdltristar;
mod cdlunique3river;
mod cdlupsidegap2crows;
mod cdlxsidegap3methods;

use crate::catalog::{IndicatorSpec, OutputSpec, Pane, Style};

/// The one output of every pattern (TA-Lib's `integer`).
pub(crate) const SIGNAL: &[OutputSpec] =
    &[OutputSpec::new("value", "integer", Pane::Own, Style::Histogram).integer()];

/// The family's catalog entries, in catalog order (TA-Lib's: by name).
pub(crate) static SPECS: &[&IndicatorSpec] = &[
    &cdl2crows::SPEC,
    &cdl3blackcrows::SPEC,
    &cdl3inside::SPEC,
    &cdl3linestrike::SPEC,
    &cdl3outside::SPEC,
    &cdl3starsinsouth::SPEC,
    &cdl3whitesoldiers::SPEC,
    &cdlabandonedbaby::SPEC,
    &cdladvanceblock::SPEC,
    &cdlbelthold::SPEC,
    &cdlbreakaway::SPEC,
    &cdlclosingmarubozu::SPEC,
    &cdlconcealbabyswall::SPEC,
    &cdlcounterattack::SPEC,
    &cdldarkcloudcover::SPEC,
    &cdldoji::SPEC,
    &cdldojistar::SPEC,
    &cdldragonflydoji::SPEC,
    &cdlengulfing::SPEC,
    &cdleveningdojistar::SPEC,
    &cdleveningstar::SPEC,
    &cdlgapsidesidewhite::SPEC,
    &cdlgravestonedoji::SPEC,
    &cdlhammer::SPEC,
    &cdlhangingman::SPEC,
    &cdlharami::SPEC,
    &cdlharamicross::SPEC,
    &cdlhighwave::SPEC,
    &cdlhikkake::SPEC,
    &cdlhikkakemod::SPEC,
    &cdlhomingpigeon::SPEC,
    &cdlidentical3crows::SPEC,
    &cdlinneck::SPEC,
    &cdlinvertedhammer::SPEC,
    &cdlkicking::SPEC,
    &cdlkickingbylength::SPEC,
    &cdlladderbottom::SPEC,
    &cdllongleggeddoji::SPEC,
    &cdllongline::SPEC,
    &cdlmarubozu::SPEC,
    &cdlmatchinglow::SPEC,
    &cdlmathold::SPEC,
    &cdlmorningdojistar::SPEC,
    &cdlmorningstar::SPEC,
    &cdlonneck::SPEC,
    &cdlpiercing::SPEC,
    &cdlrickshawman::SPEC,
    &cdlrisefall3methods::SPEC,
    &cdlseparatinglines::SPEC,
    &cdlshootingstar::SPEC,
    &cdlshortline::SPEC,
    &cdlspinningtop::SPEC,
    &cdlstalledpattern::SPEC,
    &cdlsticksandwich::SPEC,
    &cdltakuri::SPEC,
    &cdltasukigap::SPEC,
    &cdlthrusting::SPEC,
    &cdltristar::SPEC,
    &cdlunique3river::SPEC,
    &cdlupsidegap2crows::SPEC,
    &cdlxsidegap3methods::SPEC,
];

#[cfg(test)]
mod tests {
    use super::settings::SETTING_SPECS;
    use super::testing::signals;
    use super::SPECS;
    use crate::catalog::find;

    /// TA-Lib 0.8.1's lookback of every pattern with the default settings, and with every
    /// setting's period set to 7 + its index (BodyLong 7, BodyVeryLong 8, ..., Equal 17).
    const LOOKBACKS: &[(&str, usize, usize)] = &[
        ("cdl2crows", 12, 9),
        ("cdl3blackcrows", 13, 17),
        ("cdl3inside", 12, 11),
        ("cdl3linestrike", 8, 18),
        ("cdl3outside", 3, 3),
        ("cdl3starsinsouth", 12, 16),
        ("cdl3whitesoldiers", 12, 18),
        ("cdlabandonedbaby", 12, 12),
        ("cdladvanceblock", 12, 18),
        ("cdlbelthold", 10, 14),
        ("cdlbreakaway", 14, 11),
        ("cdlclosingmarubozu", 10, 14),
        ("cdlconcealbabyswall", 13, 17),
        ("cdlcounterattack", 11, 18),
        ("cdldarkcloudcover", 11, 8),
        ("cdldoji", 10, 10),
        ("cdldojistar", 11, 11),
        ("cdldragonflydoji", 10, 14),
        ("cdlengulfing", 2, 2),
        ("cdleveningdojistar", 12, 12),
        ("cdleveningstar", 12, 11),
        ("cdlgapsidesidewhite", 7, 19),
        ("cdlgravestonedoji", 10, 14),
        ("cdlhammer", 11, 16),
        ("cdlhangingman", 11, 16),
        ("cdlharami", 11, 10),
        ("cdlharamicross", 11, 11),
        ("cdlhighwave", 10, 12),
        ("cdlhikkake", 5, 5),
        ("cdlhikkakemod", 10, 20),
        ("cdlhomingpigeon", 11, 10),
        ("cdlidentical3crows", 12, 19),
        ("cdlinneck", 11, 18),
        ("cdlinvertedhammer", 11, 15),
        ("cdlkicking", 11, 15),
        ("cdlkickingbylength", 11, 15),
        ("cdlladderbottom", 14, 18),
        ("cdllongleggeddoji", 10, 11),
        ("cdllongline", 10, 13),
        ("cdlmarubozu", 10, 14),
        ("cdlmatchinglow", 6, 18),
        ("cdlmathold", 14, 13),
        ("cdlmorningdojistar", 12, 12),
        ("cdlmorningstar", 12, 11),
        ("cdlonneck", 11, 18),
        ("cdlpiercing", 11, 8),
        ("cdlrickshawman", 10, 15),
        ("cdlrisefall3methods", 14, 13),
        ("cdlseparatinglines", 11, 18),
        ("cdlshootingstar", 11, 15),
        ("cdlshortline", 10, 13),
        ("cdlspinningtop", 10, 9),
        ("cdlstalledpattern", 12, 17),
        ("cdlsticksandwich", 7, 19),
        ("cdltakuri", 10, 14),
        ("cdltasukigap", 7, 17),
        ("cdlthrusting", 11, 18),
        ("cdltristar", 12, 12),
        ("cdlunique3river", 12, 11),
        ("cdlupsidegap2crows", 12, 11),
        ("cdlxsidegap3methods", 2, 2),
    ];

    fn period_values(name: &str) -> Vec<(&'static str, f64)> {
        let spec = find(name).unwrap();
        spec.params
            .iter()
            .filter_map(|p| {
                let k = SETTING_SPECS.iter().position(|s| s[0].name == p.name)?;
                Some((p.name, 7.0 + k as f64))
            })
            .collect()
    }

    #[test]
    fn lookbacks_follow_the_settings_as_talib() {
        assert_eq!(LOOKBACKS.len(), SPECS.len());
        for &(name, default, other) in LOOKBACKS {
            let spec = find(name).unwrap();
            assert_eq!(
                spec.lookback(&spec.default_values()).unwrap(),
                default,
                "{name}"
            );
            let given: Vec<_> = period_values(name)
                .into_iter()
                .map(|(n, v)| (n, crate::params::ParamInput::Float(v)))
                .collect();
            let values = spec.resolve_params(&given).unwrap();
            assert_eq!(spec.lookback(values.values()).unwrap(), other, "{name}");
        }
    }

    #[test]
    fn batch_and_streaming_agree_for_other_settings() {
        // Deterministic wobbly candles on a coarse grid (ties between levels are common).
        let mut state = 12345_u64;
        let mut next = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 33) % 9) as f64 * 0.25
        };
        let mut close = 100.0;
        let bars: Vec<[f64; 4]> = (0..400)
            .map(|_| {
                let open = close + next() - 1.0;
                close = open + next() * 2.0 - 4.0 + next();
                let high = open.max(close) + next();
                let low = open.min(close) - next();
                [open, high, low, close]
            })
            .collect();
        for spec in SPECS {
            let mut given = period_values(spec.name);
            for (_, v) in &mut given {
                *v -= 5.0;
            }
            let fired = signals(spec.name, &given, &bars)
                .into_iter()
                .flatten()
                .filter(|&v| v != 0)
                .count();
            assert!(fired < bars.len(), "{}", spec.name);
        }
    }
}
