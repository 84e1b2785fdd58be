//! Short line candle.

pattern_settings!(BodyShort, ShadowShort);

candle_pattern!(
    /// Short line: a short body with short shadows (+100 white, -100 black)
    CdlShortLine, candles: 1, sums: 2,
    |cfg| (cfg.period(BodyShort).max(cfg.period(ShadowShort)), [Total::before(&cfg, BodyShort, 0), Total::before(&cfg, ShadowShort, 0)]),
    |w, _pen| {
        let c = w.c(0);
        let short = w.avg(1, 0);
        let fires = (c.body() < w.avg(0, 0)) & (c.upper() < short) & (c.lower() < short);
        when(fires, c.color() * 100)
    }
);

pattern_spec!(
    "cdlshortline",
    "CDLSHORTLINE",
    CdlShortLine,
    "Short line: a short body with short shadows (+100 white, -100 black)"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        check("cdlshortline", &[[100.0, 100.7, 99.8, 100.5]], 100);
        check("cdlshortline", &[[100.5, 100.7, 99.8, 100.0]], -100);
        check("cdlshortline", &[[100.0, 101.7, 99.8, 100.5]], 0);
    }
}
