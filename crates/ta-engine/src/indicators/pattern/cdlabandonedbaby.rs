//! Abandoned baby.

pattern_settings!(penetration = 0.3; BodyDoji, BodyLong, BodyShort);

candle_pattern!(
    /// Abandoned baby: a long candle, a doji whose shadows gap away from it, then an
    /// opposite candle gapping back and closing into the first body by `penetration` of it
    /// (+100 bullish: black first candle; -100 bearish: white first candle).
    CdlAbandonedBaby, fused: true, candles: 3, sums: 3,
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
        let bearish = first.white()
            & third.black()
            & (third.close < first.close - first.body() * penetration)
            & gap_up(&second, &first)
            & gap_down(&third, &second);
        let bullish = first.black()
            & third.white()
            & gap_down(&second, &first)
            & gap_up(&third, &second);
        // TA-Lib fuses `close + body * penetration` (the bullish test) here: tested last, a
        // software call on CPUs without FMA.
        if all(bearish | bullish)
            && first.body() > w.avg(0, 2)
            && second.body() <= w.avg(1, 1)
            && third.body() > w.avg(2, 0)
            && (bearish || third.close > first.body().mul_add(penetration, first.close))
        {
            third.color() * 100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdlabandonedbaby",
    "CDLABANDONEDBABY",
    CdlAbandonedBaby,
    "Abandoned baby: a doji gapping away from a long candle, then a reversal gapping back"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires_both_ways() {
        let black = [103.0, 103.2, 99.8, 100.0];
        check(
            "cdlabandonedbaby",
            &[black, [99.3, 99.5, 99.0, 99.35], [99.8, 102.2, 99.7, 102.0]],
            100,
        );
        let white = [100.0, 103.2, 99.8, 103.0];
        check(
            "cdlabandonedbaby",
            &[
                white,
                [103.6, 103.9, 103.4, 103.65],
                [103.2, 103.3, 100.8, 101.0],
            ],
            -100,
        );
        check(
            "cdlabandonedbaby",
            &[
                white,
                [103.6, 103.9, 103.1, 103.65],
                [103.2, 103.3, 100.8, 101.0],
            ],
            0,
        );
    }
}
