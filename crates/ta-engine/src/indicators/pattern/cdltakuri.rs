//! Takuri.

pattern_settings!(BodyDoji, ShadowVeryShort, ShadowVeryLong);

candle_pattern!(
    /// Takuri: a doji at the top of its range with a very long lower shadow. +100.
    CdlTakuri, candles: 1, sums: 3,
    |cfg| (
        cfg.period(BodyDoji)
            .max(cfg.period(ShadowVeryShort))
            .max(cfg.period(ShadowVeryLong)),
        [
            Total::before(&cfg, BodyDoji, 0),
            Total::before(&cfg, ShadowVeryShort, 0),
            Total::before(&cfg, ShadowVeryLong, 0),
        ]
    ),
    |w, _pen| {
        let c = w.c(0);
        let fires =
            (c.body() <= w.avg(0, 0)) & (c.upper() < w.avg(1, 0)) & (c.lower() > w.avg(2, 0));
        when(fires, 100)
    }
);

pattern_spec!(
    "cdltakuri",
    "CDLTAKURI",
    CdlTakuri,
    "Takuri: a dragonfly doji with a very long lower shadow"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires_on_a_very_long_lower_shadow() {
        check("cdltakuri", &[[100.0, 100.1, 97.0, 100.05]], 100);
        check("cdltakuri", &[[100.0, 101.1, 97.0, 100.05]], 0);
    }
}
