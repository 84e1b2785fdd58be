//! Long line candle.

pattern_settings!(BodyLong, ShadowShort);

candle_pattern!(
    /// Long line: a long body with short shadows (+100 white, -100 black)
    CdlLongLine, candles: 1, sums: 2,
    |cfg| (cfg.period(BodyLong).max(cfg.period(ShadowShort)), [Total::before(&cfg, BodyLong, 0), Total::before(&cfg, ShadowShort, 0)]),
    |w, _pen| {
        let c = w.c(0);
        let short = w.avg(1, 0);
        let fires = (c.body() > w.avg(0, 0)) & (c.upper() < short) & (c.lower() < short);
        when(fires, c.color() * 100)
    }
);

pattern_spec!(
    "cdllongline",
    "CDLLONGLINE",
    CdlLongLine,
    "Long line: a long body with short shadows (+100 white, -100 black)"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        check("cdllongline", &[[100.0, 103.3, 99.7, 103.0]], 100);
        check("cdllongline", &[[103.0, 103.3, 99.7, 100.0]], -100);
        check("cdllongline", &[[100.0, 104.0, 99.7, 103.0]], 0);
    }
}
