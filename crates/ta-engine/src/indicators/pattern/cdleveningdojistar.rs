//! Evening doji star.

pattern_settings!(penetration = 0.3; BodyDoji, BodyLong, BodyShort);

candle_pattern!(
    /// Evening doji star: a long white candle, a doji gapping up, then a black candle
    /// closing into the first body by `penetration` of it. -100.
    CdlEveningDojiStar, candles: 3, sums: 3,
    |cfg| (
        cfg.period(BodyDoji).max(cfg.period(BodyLong)).max(cfg.period(BodyShort)) + 2,
        [
            Total::before(&cfg, BodyLong, 2),
            Total::before(&cfg, BodyDoji, 1),
            Total::before(&cfg, BodyShort, 0),
        ]
    ),
    |w, penetration| {
        let (first, second, third) = (w.c(2), w.c(1), w.c(0));
        let shape = first.white()
            & third.black()
            & body_gap_up(&second, &first)
            & (third.close < first.close - first.body() * penetration);
        if all(shape)
            && first.body() > w.avg(0, 2)
            && second.body() <= w.avg(1, 1)
            && third.body() > w.avg(2, 0)
        {
            -100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdleveningdojistar",
    "CDLEVENINGDOJISTAR",
    CdlEveningDojiStar,
    "Evening doji star: long white candle, doji gapping up, black candle closing into the first"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        let first = [100.0, 103.2, 99.8, 103.0];
        check(
            "cdleveningdojistar",
            &[
                first,
                [103.5, 104.0, 103.3, 103.55],
                [103.4, 103.5, 100.8, 101.0],
            ],
            -100,
        );
        check(
            "cdleveningdojistar",
            &[
                first,
                [103.5, 104.0, 103.3, 103.9],
                [103.4, 103.5, 100.8, 101.0],
            ],
            0,
        );
    }
}
