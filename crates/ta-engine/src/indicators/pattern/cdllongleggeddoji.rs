//! Long-legged doji.

use super::SIGNAL;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::OPEN_HIGH_LOW_CLOSE;

pattern_settings!(BodyDoji, ShadowLong);

candle_pattern!(
    /// Long-legged doji: a doji with at least one long shadow. Always +100.
    CdlLongLeggedDoji, candles: 1, sums: 2,
    |cfg| (
        cfg.period(BodyDoji).max(cfg.period(ShadowLong)),
        [Total::before(&cfg, BodyDoji, 0), Total::before(&cfg, ShadowLong, 0)]
    ),
    |w, _pen| {
        let c = w.c(0);
        let long = w.avg(1, 0);
        let fires = (c.body() <= w.avg(0, 0)) & ((c.lower() > long) | (c.upper() > long));
        when(fires, 100)
    }
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "cdllongleggeddoji",
    "CDLLONGLEGGEDDOJI",
    Group::Pattern,
    "Long-legged doji: a doji with a long upper or lower shadow",
    OPEN_HIGH_LOW_CLOSE,
    PARAMS,
    SIGNAL,
    kernel::<CdlLongLeggedDoji>(),
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires_on_a_doji_with_a_long_shadow() {
        check("cdllongleggeddoji", &[[100.0, 100.2, 98.0, 100.05]], 100);
        check("cdllongleggeddoji", &[[100.0, 100.15, 99.95, 100.1]], 0);
    }
}
