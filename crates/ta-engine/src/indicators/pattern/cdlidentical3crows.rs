//! Identical three crows.

pattern_settings!(ShadowVeryShort, Equal);

candle_pattern!(
    /// Identical three crows: three declining black candles closing near their lows, each
    /// opening at (about) the previous close. -100.
    CdlIdentical3Crows, candles: 3, sums: 5,
    |cfg| (
        cfg.period(ShadowVeryShort).max(cfg.period(Equal)) + 2,
        [
            Total::before(&cfg, ShadowVeryShort, 2),
            Total::before(&cfg, ShadowVeryShort, 1),
            Total::before(&cfg, ShadowVeryShort, 0),
            Total::before(&cfg, Equal, 2),
            Total::before(&cfg, Equal, 1),
        ]
    ),
    |w, _pen| {
        let (first, second, third) = (w.c(2), w.c(1), w.c(0));
        let shape = first.black()
            & second.black()
            & third.black()
            & (first.close > second.close)
            & (second.close > third.close);
        if !all(shape) {
            return 0;
        }
        let (equal_1, equal_2) = (w.avg(3, 2), w.avg(4, 1));
        if first.lower() < w.avg(0, 2)
            && second.lower() < w.avg(1, 1)
            && third.lower() < w.avg(2, 0)
            && second.open <= first.close + equal_1
            && second.open >= first.close - equal_1
            && third.open <= second.close + equal_2
            && third.open >= second.close - equal_2
        {
            -100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdlidentical3crows",
    "CDLIDENTICAL3CROWS",
    CdlIdentical3Crows,
    "Identical three crows: three black candles, each opening at the previous close"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        let first = [104.0, 104.1, 101.95, 102.0];
        let second = [102.0, 102.1, 99.95, 100.0];
        check(
            "cdlidentical3crows",
            &[first, second, [100.0, 100.1, 97.95, 98.0]],
            -100,
        );
        check(
            "cdlidentical3crows",
            &[first, second, [101.0, 101.1, 97.95, 98.0]],
            0,
        );
    }
}
