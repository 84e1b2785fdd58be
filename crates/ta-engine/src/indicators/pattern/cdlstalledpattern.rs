//! Stalled pattern.

pattern_settings!(BodyLong, BodyShort, ShadowVeryShort, Near);

candle_pattern!(
    /// Stalled pattern: two long rising white candles (the second opening within or near the
    /// first body, closing near its high), then a small white body riding on the second's
    /// shoulder. -100.
    CdlStalledPattern, candles: 3, sums: 6,
    |cfg| (
        cfg.period(BodyLong)
            .max(cfg.period(BodyShort))
            .max(cfg.period(ShadowVeryShort).max(cfg.period(Near)))
            + 2,
        [
            Total::before(&cfg, BodyLong, 2),
            Total::before(&cfg, BodyLong, 1),
            Total::before(&cfg, BodyShort, 0),
            Total::before(&cfg, ShadowVeryShort, 1),
            Total::before(&cfg, Near, 2),
            Total::before(&cfg, Near, 1),
        ]
    ),
    |w, _pen| {
        let (first, second, third) = (w.c(2), w.c(1), w.c(0));
        let shape = first.white()
            & second.white()
            & third.white()
            & (third.close > second.close)
            & (second.close > first.close)
            & (second.open > first.open);
        if all(shape)
            && first.body() > w.avg(0, 2)
            && second.body() > w.avg(1, 1)
            && second.upper() < w.avg(3, 1)
            && second.open <= first.close + w.avg(4, 2)
            && third.body() < w.avg(2, 0)
            && third.open >= second.close - third.body() - w.avg(5, 1)
        {
            -100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdlstalledpattern",
    "CDLSTALLEDPATTERN",
    CdlStalledPattern,
    "Stalled pattern: two long white candles, then a small white body at the top"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        let first = [100.0, 103.2, 99.8, 103.0];
        let second = [102.8, 106.05, 102.7, 106.0];
        check(
            "cdlstalledpattern",
            &[first, second, [105.9, 106.6, 105.8, 106.4]],
            -100,
        );
        check(
            "cdlstalledpattern",
            &[first, second, [104.9, 106.6, 104.8, 106.4]],
            0,
        );
    }
}
