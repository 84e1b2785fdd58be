//! Doji star.

pattern_settings!(BodyDoji, BodyLong);

candle_pattern!(
    /// Doji star: a long candle, then a doji whose body gaps away from it (up after a white
    /// candle: -100; down after a black one: +100).
    CdlDojiStar, candles: 2, sums: 2,
    |cfg| (
        cfg.period(BodyDoji).max(cfg.period(BodyLong)) + 1,
        [Total::before(&cfg, BodyLong, 1), Total::before(&cfg, BodyDoji, 0)]
    ),
    |w, _pen| {
        let (first, second) = (w.c(1), w.c(0));
        if all((first.body() > w.avg(0, 1))
            & (second.body() <= w.avg(1, 0))
            & ((first.white() & body_gap_up(&second, &first))
                | (first.black() & body_gap_down(&second, &first))))
        {
            -first.color() * 100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdldojistar",
    "CDLDOJISTAR",
    CdlDojiStar,
    "Doji star: a long candle, then a doji gapping away from its body"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires_both_ways() {
        check(
            "cdldojistar",
            &[[100.0, 103.2, 99.8, 103.0], [103.5, 104.0, 103.3, 103.55]],
            -100,
        );
        check(
            "cdldojistar",
            &[[103.0, 103.2, 99.8, 100.0], [99.5, 99.7, 99.0, 99.45]],
            100,
        );
        check(
            "cdldojistar",
            &[[100.0, 103.2, 99.8, 103.0], [102.5, 104.0, 102.3, 102.55]],
            0,
        );
    }
}
