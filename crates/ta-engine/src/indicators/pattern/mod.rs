//! Candlestick pattern recognition: one Int32 signal per bar (+-100, +-80, +-200), TA-Lib's
//! CDL* functions. TA-Lib's global candle settings are parameters here (see `settings`).

#[macro_use]
mod settings;
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
