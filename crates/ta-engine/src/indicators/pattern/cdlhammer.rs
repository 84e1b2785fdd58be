//! Hammer.

pattern_settings!(BodyShort, ShadowLong, ShadowVeryShort, Near);

candle_pattern!(
    /// Hammer: a small body at the top of the range with a long lower shadow, its body at or
    /// near the previous candle's low. +100.
    CdlHammer, candles: 2, sums: 4,
    |cfg| (
        cfg.period(BodyShort)
            .max(cfg.period(ShadowLong))
            .max(cfg.period(ShadowVeryShort))
            .max(cfg.period(Near))
            + 1,
        [
            Total::before(&cfg, BodyShort, 0),
            Total::before(&cfg, ShadowLong, 0),
            Total::before(&cfg, ShadowVeryShort, 0),
            Total::before(&cfg, Near, 1),
        ]
    ),
    |w, _pen| {
        let c = w.c(0);
        let fires = (c.body() < w.avg(0, 0))
            & (c.lower() > w.avg(1, 0))
            & (c.upper() < w.avg(2, 0))
            & (c.body_bottom() <= w.c(1).low + w.avg(3, 1));
        when(fires, 100)
    }
);

pattern_spec!(
    "cdlhammer",
    "CDLHAMMER",
    CdlHammer,
    "Hammer: small body on top of a long lower shadow, near the prior candle's low"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires_on_a_hammer_at_the_low() {
        check("cdlhammer", &[[99.8, 99.9, 97.0, 99.6]], 100);
        check("cdlhammer", &[[101.8, 101.9, 99.0, 101.6]], 0);
    }
}
