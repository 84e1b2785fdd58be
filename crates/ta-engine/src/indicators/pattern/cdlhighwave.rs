//! High-wave candle.

pattern_settings!(BodyShort, ShadowVeryLong);

candle_pattern!(
    /// High wave: a short body with very long upper and lower shadows (+100 white, -100 black)
    CdlHighWave, candles: 1, sums: 2,
    |cfg| (cfg.period(BodyShort).max(cfg.period(ShadowVeryLong)), [Total::before(&cfg, BodyShort, 0), Total::before(&cfg, ShadowVeryLong, 0)]),
    |w, _pen| {
        let c = w.c(0);
        let very_long = w.avg(1, 0);
        let fires = (c.body() < w.avg(0, 0)) & (c.upper() > very_long) & (c.lower() > very_long);
        when(fires, c.color() * 100)
    }
);

pattern_spec!(
    "cdlhighwave",
    "CDLHIGHWAVE",
    CdlHighWave,
    "High wave: a short body with very long upper and lower shadows (+100 white, -100 black)"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        check("cdlhighwave", &[[100.0, 102.5, 98.0, 100.5]], 100);
        check("cdlhighwave", &[[100.5, 102.5, 98.0, 100.0]], -100);
        check("cdlhighwave", &[[100.0, 101.0, 98.0, 100.5]], 0);
    }
}
