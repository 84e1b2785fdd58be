//! Morning star.

pattern_settings!(penetration = 0.3; BodyShort, BodyLong);

candle_pattern!(
    /// Morning star: a long black candle, a short body gapping down, then a white candle
    /// closing into the first body by `penetration` of it. +100.
    CdlMorningStar, fused: true, candles: 3, sums: 3,
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
        let shape = first.black() & third.white() & body_gap_down(&second, &first);
        // TA-Lib fuses `close + body * penetration` here: tested after the cheap comparisons,
        // a software call on CPUs without FMA.
        if all(shape)
            && third.close > first.body().mul_add(penetration, first.close)
            && first.body() > w.avg(0, 2)
            && second.body() <= w.avg(1, 1)
            && third.body() > w.avg(2, 0)
        {
            100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdlmorningstar",
    "CDLMORNINGSTAR",
    CdlMorningStar,
    "Morning star: long black candle, short body gapping down, white candle closing into the first"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        let first = [103.0, 103.2, 99.8, 100.0];
        check(
            "cdlmorningstar",
            &[first, [99.5, 99.8, 99.0, 99.3], [99.6, 102.2, 99.5, 102.0]],
            100,
        );
        check(
            "cdlmorningstar",
            &[first, [99.5, 99.8, 99.0, 99.3], [99.6, 100.7, 99.5, 100.5]],
            0,
        );
    }
}
