//! Three stars in the south.

pattern_settings!(ShadowVeryShort, ShadowLong, BodyLong, BodyShort);

candle_pattern!(
    /// Three stars in the south: a long black candle with a long lower shadow, a smaller black
    /// candle trading within its range with a lower shadow, then a small black marubozu inside
    /// the second's range. +100.
    Cdl3StarsInSouth, candles: 3, sums: 5,
    |cfg| (
        cfg.period(ShadowVeryShort)
            .max(cfg.period(ShadowLong))
            .max(cfg.period(BodyLong).max(cfg.period(BodyShort)))
            + 2,
        [
            Total::before(&cfg, BodyLong, 2),
            Total::before(&cfg, ShadowLong, 2),
            Total::before(&cfg, ShadowVeryShort, 1),
            Total::before(&cfg, ShadowVeryShort, 0),
            Total::before(&cfg, BodyShort, 0),
        ]
    ),
    |w, _pen| {
        let (first, second, third) = (w.c(2), w.c(1), w.c(0));
        let shape = first.black()
            & second.black()
            & third.black()
            & (second.body() < first.body())
            & (second.open > first.close)
            & (second.open <= first.high)
            & (second.low < first.close)
            & (second.low >= first.low)
            & (third.low > second.low)
            & (third.high < second.high);
        if all(shape)
            && first.body() > w.avg(0, 2)
            && first.lower() > w.avg(1, 2)
            && second.lower() > w.avg(2, 1)
            && third.body() < w.avg(4, 0)
            && third.lower() < w.avg(3, 0)
            && third.upper() < w.avg(3, 0)
        {
            100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdl3starsinsouth",
    "CDL3STARSINSOUTH",
    Cdl3StarsInSouth,
    "Three stars in the south: three shrinking black candles holding above the first low"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        let first = [104.0, 104.1, 97.5, 101.0];
        let second = [102.0, 102.1, 99.0, 100.5];
        check(
            "cdl3starsinsouth",
            &[first, second, [100.9, 100.95, 100.05, 100.1]],
            100,
        );
        check(
            "cdl3starsinsouth",
            &[first, second, [100.9, 101.5, 100.05, 100.1]],
            0,
        );
    }
}
