//! Advance block.

pattern_settings!(ShadowLong, ShadowShort, Far, Near, BodyLong);

candle_pattern!(
    /// Advance block: three rising white candles (each opening within or near the previous
    /// body, the first long with a short upper shadow) that weaken: shrinking bodies and/or
    /// long upper shadows. -100.
    CdlAdvanceBlock, candles: 3, sums: 9,
    |cfg| (
        cfg.period(ShadowLong)
            .max(cfg.period(ShadowShort))
            .max(cfg.period(Far).max(cfg.period(Near)))
            .max(cfg.period(BodyLong))
            + 2,
        [
            Total::before(&cfg, ShadowShort, 2),
            Total::before(&cfg, ShadowShort, 1),
            Total::before(&cfg, ShadowShort, 0),
            Total::before(&cfg, ShadowLong, 0),
            Total::before(&cfg, Near, 2),
            Total::before(&cfg, Near, 1),
            Total::before(&cfg, Far, 2),
            Total::before(&cfg, Far, 1),
            Total::before(&cfg, BodyLong, 2),
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
        if !all(shape) {
            return 0;
        }
        let near_1 = w.avg(5, 1);
        let blocked = (second.body() < first.body() - w.avg(6, 2)
            && third.body() < second.body() + near_1)
            || third.body() < second.body() - w.avg(7, 1)
            || (third.body() < second.body()
                && second.body() < first.body()
                && (third.upper() > w.avg(2, 0) || second.upper() > w.avg(1, 1)))
            || (third.body() < second.body() && third.upper() > w.avg(3, 0));
        if second.open <= first.close + w.avg(4, 2)
            && third.open <= second.close + near_1
            && first.body() > w.avg(8, 2)
            && first.upper() < w.avg(0, 2)
            && blocked
        {
            -100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdladvanceblock",
    "CDLADVANCEBLOCK",
    CdlAdvanceBlock,
    "Advance block: three rising white candles losing strength"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        let first = [100.0, 103.05, 99.8, 103.0];
        let second = [102.0, 104.5, 101.9, 104.0];
        check(
            "cdladvanceblock",
            &[first, second, [103.5, 105.5, 103.4, 104.5]],
            -100,
        );
        check(
            "cdladvanceblock",
            &[first, second, [103.5, 106.6, 103.4, 106.5]],
            0,
        );
    }
}
