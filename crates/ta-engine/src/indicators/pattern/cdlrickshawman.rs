//! Rickshaw man.

use super::SIGNAL;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::OPEN_HIGH_LOW_CLOSE;

pattern_settings!(BodyDoji, ShadowLong, Near);

candle_pattern!(
    /// Rickshaw man: a doji with two long shadows and its body near the middle of the range.
    /// Always +100.
    CdlRickshawMan, candles: 1, sums: 3,
    |cfg| (
        cfg.period(BodyDoji).max(cfg.period(ShadowLong)).max(cfg.period(Near)),
        [
            Total::before(&cfg, BodyDoji, 0),
            Total::before(&cfg, ShadowLong, 0),
            Total::before(&cfg, Near, 0),
        ]
    ),
    |w, _pen| {
        let c = w.c(0);
        let long = w.avg(1, 0);
        let near = w.avg(2, 0);
        let middle = c.low + c.high_low() / 2.0;
        let fires = (c.body() <= w.avg(0, 0))
            & (c.lower() > long)
            & (c.upper() > long)
            & (c.body_bottom() <= middle + near)
            & (c.body_top() >= middle - near);
        when(fires, 100)
    }
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "cdlrickshawman",
    "CDLRICKSHAWMAN",
    Group::Pattern,
    "Rickshaw man: a doji with two long shadows, its body near the middle of the range",
    OPEN_HIGH_LOW_CLOSE,
    PARAMS,
    SIGNAL,
    kernel::<CdlRickshawMan>(),
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires_on_a_centred_doji() {
        check("cdlrickshawman", &[[100.0, 102.0, 98.0, 100.05]], 100);
        check("cdlrickshawman", &[[100.0, 100.8, 98.0, 100.05]], 0);
    }
}
