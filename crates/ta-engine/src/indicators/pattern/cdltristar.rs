//! Tristar pattern.

pattern_settings!(BodyDoji);

candle_pattern!(
    /// Tristar: three dojis, the middle one gapping away (-100 when it gaps up and the third
    /// is not above it, +100 when it gaps down and the third is not below it).
    CdlTristar, candles: 3, sums: 1,
    |cfg| (cfg.period(BodyDoji) + 2, [Total::before(&cfg, BodyDoji, 2)]),
    |w, _pen| {
        let (first, second, third) = (w.c(2), w.c(1), w.c(0));
        // TA-Lib judges all three bodies against the first candle's doji threshold.
        let doji = w.avg(0, 2);
        let dojis = (first.body() <= doji) & (second.body() <= doji) & (third.body() <= doji);
        let down = body_gap_up(&second, &first) & (third.body_top() < second.body_top());
        let up = body_gap_down(&second, &first) & (third.body_bottom() > second.body_bottom());
        if all(dojis & (down | up)) {
            // The gaps exclude each other.
            if up {
                100
            } else {
                -100
            }
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdltristar",
    "CDLTRISTAR",
    CdlTristar,
    "Tristar: three dojis, the middle one gapping away"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires_both_ways() {
        let first = [100.0, 100.5, 99.5, 100.05];
        check(
            "cdltristar",
            &[
                first,
                [100.5, 101.0, 100.2, 100.55],
                [100.3, 100.8, 100.0, 100.35],
            ],
            -100,
        );
        check(
            "cdltristar",
            &[first, [99.5, 99.8, 99.0, 99.55], [99.7, 100.0, 99.4, 99.75]],
            100,
        );
        check(
            "cdltristar",
            &[
                first,
                [100.5, 101.0, 100.2, 100.55],
                [100.7, 101.0, 100.4, 100.75],
            ],
            0,
        );
    }
}
