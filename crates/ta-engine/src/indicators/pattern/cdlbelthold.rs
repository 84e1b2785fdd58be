//! Belt hold.

pattern_settings!(BodyLong, ShadowVeryShort);

candle_pattern!(
    /// Belt hold: a long body opening at (or very near) its extreme (+100 white, -100 black)
    CdlBeltHold, candles: 1, sums: 2,
    |cfg| (cfg.period(BodyLong).max(cfg.period(ShadowVeryShort)), [Total::before(&cfg, BodyLong, 0), Total::before(&cfg, ShadowVeryShort, 0)]),
    |w, _pen| {
        let c = w.c(0);
        let very_short = w.avg(1, 0);
        let opening_shadow_short =
            (c.white() & (c.lower() < very_short)) | (c.black() & (c.upper() < very_short));
        if all((c.body() > w.avg(0, 0)) & opening_shadow_short) {
            c.color() * 100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdlbelthold",
    "CDLBELTHOLD",
    CdlBeltHold,
    "Belt hold: a long body opening at (or very near) its extreme (+100 white, -100 black)"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        check("cdlbelthold", &[[100.0, 104.0, 99.95, 103.0]], 100);
        check("cdlbelthold", &[[103.0, 103.05, 99.0, 100.0]], -100);
        check("cdlbelthold", &[[100.0, 103.5, 99.5, 103.0]], 0);
    }
}
