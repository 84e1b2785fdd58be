//! Shooting star.

pattern_settings!(BodyShort, ShadowLong, ShadowVeryShort);

candle_pattern!(
    /// Shooting star: a small body at the bottom of the range with a long upper shadow,
    /// gapping up from the previous body. -100.
    CdlShootingStar, candles: 2, sums: 3,
    |cfg| (
        cfg.period(BodyShort)
            .max(cfg.period(ShadowLong))
            .max(cfg.period(ShadowVeryShort))
            + 1,
        [
            Total::before(&cfg, BodyShort, 0),
            Total::before(&cfg, ShadowLong, 0),
            Total::before(&cfg, ShadowVeryShort, 0),
        ]
    ),
    |w, _pen| {
        let c = w.c(0);
        let fires = body_gap_up(&c, &w.c(1))
            & (c.body() < w.avg(0, 0))
            & (c.upper() > w.avg(1, 0))
            & (c.lower() < w.avg(2, 0));
        when(fires, -100)
    }
);

pattern_spec!(
    "cdlshootingstar",
    "CDLSHOOTINGSTAR",
    CdlShootingStar,
    "Shooting star: small body below a long upper shadow, gapping up"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires_on_a_gap_up() {
        check("cdlshootingstar", &[[101.2, 103.5, 101.15, 101.4]], -100);
        check("cdlshootingstar", &[[100.2, 102.5, 100.15, 100.4]], 0);
    }
}
