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
mod cdltakuri;

use crate::catalog::{IndicatorSpec, OutputSpec, Pane, Style};

/// The one output of every pattern (TA-Lib's `integer`).
pub(crate) const SIGNAL: &[OutputSpec] =
    &[OutputSpec::new("value", "integer", Pane::Own, Style::Histogram).integer()];

/// The family's catalog entries, in catalog order.
pub(crate) static SPECS: &[&IndicatorSpec] = &[
    &cdldoji::SPEC,
    &cdldragonflydoji::SPEC,
    &cdlgravestonedoji::SPEC,
    &cdllongleggeddoji::SPEC,
    &cdlrickshawman::SPEC,
    &cdldojistar::SPEC,
    &cdlhammer::SPEC,
    &cdlhangingman::SPEC,
    &cdlinvertedhammer::SPEC,
    &cdlshootingstar::SPEC,
    &cdltakuri::SPEC,
    &cdlmarubozu::SPEC,
    &cdlclosingmarubozu::SPEC,
    &cdllongline::SPEC,
    &cdlshortline::SPEC,
    &cdlspinningtop::SPEC,
    &cdlhighwave::SPEC,
    &cdlbelthold::SPEC,
    &cdlengulfing::SPEC,
    &cdlharami::SPEC,
    &cdlharamicross::SPEC,
    &cdlpiercing::SPEC,
    &cdldarkcloudcover::SPEC,
    &cdlmorningstar::SPEC,
    &cdleveningstar::SPEC,
    &cdlmorningdojistar::SPEC,
    &cdleveningdojistar::SPEC,
    &cdl3blackcrows::SPEC,
    &cdl3whitesoldiers::SPEC,
    &cdl3inside::SPEC,
    &cdl3outside::SPEC,
    &cdl2crows::SPEC,
    &cdlabandonedbaby::SPEC,
    &cdladvanceblock::SPEC,
    &cdlbreakaway::SPEC,
    &cdl3linestrike::SPEC,
    &cdl3starsinsouth::SPEC,
    &cdlconcealbabyswall::SPEC,
    &cdlcounterattack::SPEC,
    &cdlgapsidesidewhite::SPEC,
    &cdlhikkake::SPEC,
    &cdlhikkakemod::SPEC,
    &cdlhomingpigeon::SPEC,
    &cdlidentical3crows::SPEC,
    &cdlinneck::SPEC,
    &cdlonneck::SPEC,
    &cdlkicking::SPEC,
    &cdlkickingbylength::SPEC,
    &cdlladderbottom::SPEC,
    &cdlmatchinglow::SPEC,
    &cdlmathold::SPEC,
    &cdlrisefall3methods::SPEC,
    &cdlseparatinglines::SPEC,
    &cdlstalledpattern::SPEC,
];
