//! Three advancing white soldiers.

pattern_settings!(ShadowVeryShort, BodyShort, Far, Near);

candle_pattern!(
    /// Three white soldiers: three rising white candles, each opening within or near the
    /// previous body, closing near its high, and not far shorter than the one before. +100.
    Cdl3WhiteSoldiers, candles: 3, sums: 8,
    |cfg| (
        cfg.period(ShadowVeryShort)
            .max(cfg.period(BodyShort))
            .max(cfg.period(Far).max(cfg.period(Near)))
            + 2,
        [
            Total::before(&cfg, ShadowVeryShort, 2),
            Total::before(&cfg, ShadowVeryShort, 1),
            Total::before(&cfg, ShadowVeryShort, 0),
            Total::before(&cfg, Near, 2),
            Total::before(&cfg, Near, 1),
            Total::before(&cfg, Far, 2),
            Total::before(&cfg, Far, 1),
            Total::before(&cfg, BodyShort, 0),
        ]
    ),
    |w, _pen| {
        let (first, second, third) = (w.c(2), w.c(1), w.c(0));
        let shape = first.white()
            & second.white()
            & third.white()
            & (third.close > second.close)
            & (second.close > first.close)
            & (second.open > first.open)
            & (third.open > second.open);
        if all(shape)
            && first.upper() < w.avg(0, 2)
            && second.upper() < w.avg(1, 1)
            && third.upper() < w.avg(2, 0)
            && second.open <= first.close + w.avg(3, 2)
            && third.open <= second.close + w.avg(4, 1)
            && second.body() > first.body() - w.avg(5, 2)
            && third.body() > second.body() - w.avg(6, 1)
            && third.body() > w.avg(7, 0)
        {
            100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdl3whitesoldiers",
    "CDL3WHITESOLDIERS",
    Cdl3WhiteSoldiers,
    "Three advancing white soldiers: three rising white candles closing near their highs"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        let first = [100.0, 102.05, 99.8, 102.0];
        let second = [101.5, 103.55, 101.3, 103.5];
        check(
            "cdl3whitesoldiers",
            &[first, second, [103.0, 105.05, 102.8, 105.0]],
            100,
        );
        check(
            "cdl3whitesoldiers",
            &[first, second, [103.0, 105.05, 102.8, 103.6]],
            0,
        );
    }
}
