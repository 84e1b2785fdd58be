//! Evening star.

pattern_settings!(penetration = 0.3; BodyShort, BodyLong);

candle_pattern!(
    /// Evening star: a long white candle, a short body gapping up, then a black candle
    /// closing into the first body by `penetration` of it. -100.
    CdlEveningStar, candles: 3, sums: 3,
    |cfg| (
        cfg.period(BodyShort).max(cfg.period(BodyLong)) + 2,
        [
            Total::before(&cfg, BodyLong, 2),
            Total::before(&cfg, BodyShort, 1),
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
    "cdleveningstar",
    "CDLEVENINGSTAR",
    CdlEveningStar,
    "Evening star: long white candle, short body gapping up, black candle closing into the first"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        let first = [100.0, 103.2, 99.8, 103.0];
        check(
            "cdleveningstar",
            &[
                first,
                [103.5, 104.0, 103.3, 103.8],
                [103.4, 103.5, 100.8, 101.0],
            ],
            -100,
        );
        check(
            "cdleveningstar",
            &[
                first,
                [103.5, 104.0, 103.3, 103.8],
                [103.4, 103.5, 102.3, 102.5],
            ],
            0,
        );
    }
}
