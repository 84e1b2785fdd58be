//! Spinning top.

pattern_settings!(BodyShort);

candle_pattern!(
    /// Spinning top: a small body with shadows longer than it (+100 white, -100 black)
    CdlSpinningTop, candles: 1, sums: 1,
    |cfg| (cfg.period(BodyShort), [Total::before(&cfg, BodyShort, 0)]),
    |w, _pen| {
        let c = w.c(0);
        let fires = (c.upper() > c.body()) & (c.lower() > c.body()) & (c.body() < w.avg(0, 0));
        when(fires, c.color() * 100)
    }
);

pattern_spec!(
    "cdlspinningtop",
    "CDLSPINNINGTOP",
    CdlSpinningTop,
    "Spinning top: a small body with shadows longer than it (+100 white, -100 black)"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        check("cdlspinningtop", &[[100.0, 101.5, 99.0, 100.5]], 100);
        check("cdlspinningtop", &[[100.5, 101.5, 99.0, 100.0]], -100);
        check("cdlspinningtop", &[[100.0, 100.7, 99.0, 100.5]], 0);
    }
}
