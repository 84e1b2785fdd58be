//! Marubozu.

pattern_settings!(BodyLong, ShadowVeryShort);

candle_pattern!(
    /// Marubozu: a long body with no or very short shadows (+100 white, -100 black)
    CdlMarubozu, candles: 1, sums: 2,
    |cfg| (cfg.period(BodyLong).max(cfg.period(ShadowVeryShort)), [Total::before(&cfg, BodyLong, 0), Total::before(&cfg, ShadowVeryShort, 0)]),
    |w, _pen| {
        let c = w.c(0);
        let very_short = w.avg(1, 0);
        let fires = (c.body() > w.avg(0, 0)) & (c.upper() < very_short) & (c.lower() < very_short);
        when(fires, c.color() * 100)
    }
);

pattern_spec!(
    "cdlmarubozu",
    "CDLMARUBOZU",
    CdlMarubozu,
    "Marubozu: a long body with no or very short shadows (+100 white, -100 black)"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        check("cdlmarubozu", &[[100.0, 103.05, 99.95, 103.0]], 100);
        check("cdlmarubozu", &[[103.0, 103.05, 99.95, 100.0]], -100);
        check("cdlmarubozu", &[[100.0, 103.5, 99.95, 103.0]], 0);
    }
}
