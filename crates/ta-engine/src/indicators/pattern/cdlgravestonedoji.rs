//! Gravestone doji.

use super::SIGNAL;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::OPEN_HIGH_LOW_CLOSE;

pattern_settings!(BodyDoji, ShadowVeryShort);

candle_pattern!(
    /// Gravestone doji: a doji at the bottom of its range, with an upper shadow that is not
    /// very short. Always +100.
    CdlGravestoneDoji, candles: 1, sums: 2,
    |cfg| (
        cfg.period(BodyDoji).max(cfg.period(ShadowVeryShort)),
        [Total::before(&cfg, BodyDoji, 0), Total::before(&cfg, ShadowVeryShort, 0)]
    ),
    |w, _pen| {
        let c = w.c(0);
        let very_short = w.avg(1, 0);
        let fires = (c.body() <= w.avg(0, 0)) & (c.lower() < very_short) & (c.upper() > very_short);
        when(fires, 100)
    }
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "cdlgravestonedoji",
    "CDLGRAVESTONEDOJI",
    Group::Pattern,
    "Gravestone doji: a doji at the low of the bar with a long upper shadow",
    OPEN_HIGH_LOW_CLOSE,
    PARAMS,
    SIGNAL,
    kernel::<CdlGravestoneDoji>(),
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires_on_a_doji_at_the_low() {
        check("cdlgravestonedoji", &[[100.0, 102.0, 99.95, 100.05]], 100);
        check("cdlgravestonedoji", &[[100.0, 102.0, 99.0, 100.05]], 0);
    }
}
