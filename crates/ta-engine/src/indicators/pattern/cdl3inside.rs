//! Three inside up/down.

pattern_settings!(BodyShort, BodyLong);

candle_pattern!(
    /// Three inside up/down: a harami (long candle, short body inside it), then a candle of
    /// the opposite colour to the first closing beyond its open (+100 up after a black first
    /// candle, -100 down after a white one).
    Cdl3Inside, candles: 3, sums: 2,
    |cfg| (
        cfg.period(BodyShort).max(cfg.period(BodyLong)) + 2,
        [Total::before(&cfg, BodyLong, 2), Total::before(&cfg, BodyShort, 1)]
    ),
    |w, _pen| {
        let (first, second, third) = (w.c(2), w.c(1), w.c(0));
        let shape = (second.body_top() < first.body_top())
            & (second.body_bottom() > first.body_bottom())
            & ((first.white() & third.black() & (third.close < first.open))
                | (first.black() & third.white() & (third.close > first.open)));
        if all(shape) && first.body() > w.avg(0, 2) && second.body() <= w.avg(1, 1) {
            -first.color() * 100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdl3inside",
    "CDL3INSIDE",
    Cdl3Inside,
    "Three inside up/down: a harami confirmed by a close beyond the first candle's open"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires_both_ways() {
        let black = [103.0, 103.2, 99.8, 100.0];
        check(
            "cdl3inside",
            &[
                black,
                [101.0, 101.8, 100.8, 101.5],
                [101.5, 103.8, 101.4, 103.5],
            ],
            100,
        );
        let white = [100.0, 103.2, 99.8, 103.0];
        check(
            "cdl3inside",
            &[
                white,
                [102.0, 102.8, 101.8, 101.5],
                [101.5, 101.6, 99.0, 99.5],
            ],
            -100,
        );
        check(
            "cdl3inside",
            &[
                white,
                [102.0, 102.8, 101.8, 101.5],
                [101.5, 101.6, 100.0, 100.5],
            ],
            0,
        );
    }
}
