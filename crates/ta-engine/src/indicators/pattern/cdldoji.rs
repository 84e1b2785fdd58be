//! Doji.

use super::SIGNAL;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::OPEN_HIGH_LOW_CLOSE;

pattern_settings!(BodyDoji);

candle_pattern!(
    /// Doji: open and close (nearly) equal. Always +100: a doji alone is neither bullish nor
    /// bearish.
    CdlDoji, candles: 1, sums: 1,
    |cfg| (cfg.period(BodyDoji), [Total::before(&cfg, BodyDoji, 0)]),
    |w, _pen| when(w.c(0).body() <= w.avg(0, 0), 100)
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "cdldoji",
    "CDLDOJI",
    Group::Pattern,
    "Doji: a candle whose open and close are (nearly) equal",
    OPEN_HIGH_LOW_CLOSE,
    PARAMS,
    SIGNAL,
    kernel::<CdlDoji>(),
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::{check, signals};

    #[test]
    fn fires_on_a_doji_only() {
        check("cdldoji", &[[100.0, 101.0, 99.0, 100.1]], 100);
        check("cdldoji", &[[100.0, 101.0, 99.0, 100.5]], 0);
    }

    #[test]
    fn lookback_follows_the_setting() {
        let bars = vec![[1.0, 2.0, 0.5, 1.5]; 8];
        let got = signals("cdldoji", &[("body_doji_period", 3.0)], &bars);
        assert_eq!(got.iter().position(Option::is_some), Some(3));
    }
}
