//! Harami cross.

pattern_settings!(BodyDoji, BodyLong);

candle_pattern!(
    /// Harami cross: a long candle, then a doji inside its body (+100 after a black candle,
    /// -100 after a white one; +-80 when one end of the bodies matches).
    CdlHaramiCross, candles: 2, sums: 2,
    |cfg| (
        cfg.period(BodyDoji).max(cfg.period(BodyLong)) + 1,
        [Total::before(&cfg, BodyLong, 1), Total::before(&cfg, BodyDoji, 0)]
    ),
    |w, _pen| {
        use super::cdlharami::{inside, strictly_inside};
        let (first, second) = (w.c(1), w.c(0));
        let sizes = (first.body() > w.avg(0, 1)) & (second.body() <= w.avg(1, 0));
        if all(sizes & inside(&first, &second)) {
            -first.color() * if strictly_inside(&first, &second) { 100 } else { 80 }
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdlharamicross",
    "CDLHARAMICROSS",
    CdlHaramiCross,
    "Harami cross: a long candle, then a doji within its body"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires_both_ways() {
        check(
            "cdlharamicross",
            &[[103.0, 103.2, 99.8, 100.0], [101.0, 101.8, 100.8, 101.1]],
            100,
        );
        check(
            "cdlharamicross",
            &[[100.0, 103.2, 99.8, 103.0], [102.0, 102.8, 101.8, 101.9]],
            -100,
        );
        check(
            "cdlharamicross",
            &[[103.0, 103.2, 99.8, 100.0], [100.0, 101.8, 99.8, 100.1]],
            80,
        );
        check(
            "cdlharamicross",
            &[[103.0, 103.2, 99.8, 100.0], [101.0, 101.8, 100.8, 101.5]],
            0,
        );
    }
}
