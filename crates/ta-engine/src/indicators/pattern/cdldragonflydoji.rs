//! Dragonfly doji.

use super::SIGNAL;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::OPEN_HIGH_LOW_CLOSE;

pattern_settings!(BodyDoji, ShadowVeryShort);

candle_pattern!(
    /// Dragonfly doji: a doji at the top of its range, with a lower shadow that is not very
    /// short. Always +100.
    CdlDragonflyDoji, candles: 1, sums: 2,
    |cfg| (
        cfg.period(BodyDoji).max(cfg.period(ShadowVeryShort)),
        [Total::before(&cfg, BodyDoji, 0), Total::before(&cfg, ShadowVeryShort, 0)]
    ),
    |w, _pen| {
        let c = w.c(0);
        let very_short = w.avg(1, 0);
        let fires = (c.body() <= w.avg(0, 0)) & (c.upper() < very_short) & (c.lower() > very_short);
        when(fires, 100)
    }
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "cdldragonflydoji",
    "CDLDRAGONFLYDOJI",
    Group::Pattern,
    "Dragonfly doji: a doji at the high of the bar with a long lower shadow",
    OPEN_HIGH_LOW_CLOSE,
    PARAMS,
    SIGNAL,
    kernel::<CdlDragonflyDoji>(),
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires_on_a_doji_at_the_high() {
        check("cdldragonflydoji", &[[100.0, 100.1, 98.0, 100.05]], 100);
        check("cdldragonflydoji", &[[100.0, 101.0, 98.0, 100.05]], 0);
    }
}
