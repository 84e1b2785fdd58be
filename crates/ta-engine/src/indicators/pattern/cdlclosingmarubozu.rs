//! Closing marubozu.

pattern_settings!(BodyLong, ShadowVeryShort);

candle_pattern!(
    /// Closing marubozu: a long body closing at (or very near) its extreme (+100 white, -100 black)
    CdlClosingMarubozu, candles: 1, sums: 2,
    |cfg| (cfg.period(BodyLong).max(cfg.period(ShadowVeryShort)), [Total::before(&cfg, BodyLong, 0), Total::before(&cfg, ShadowVeryShort, 0)]),
    |w, _pen| {
        let c = w.c(0);
        let very_short = w.avg(1, 0);
        let closing_shadow_short =
            (c.white() & (c.upper() < very_short)) | (c.black() & (c.lower() < very_short));
        if all((c.body() > w.avg(0, 0)) & closing_shadow_short) {
            c.color() * 100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdlclosingmarubozu",
    "CDLCLOSINGMARUBOZU",
    CdlClosingMarubozu,
    "Closing marubozu: a long body closing at (or very near) its extreme (+100 white, -100 black)"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        check("cdlclosingmarubozu", &[[100.0, 103.05, 99.0, 103.0]], 100);
        check("cdlclosingmarubozu", &[[103.0, 104.0, 99.95, 100.0]], -100);
        check("cdlclosingmarubozu", &[[100.0, 103.5, 99.95, 103.0]], 0);
    }
}
