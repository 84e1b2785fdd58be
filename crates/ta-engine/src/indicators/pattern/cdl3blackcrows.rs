//! Three black crows.

pattern_settings!(ShadowVeryShort);

candle_pattern!(
    /// Three black crows: after a white candle, three declining black candles, each opening
    /// within the previous body and closing near its low. -100.
    Cdl3BlackCrows, candles: 4, sums: 3,
    |cfg| (
        cfg.period(ShadowVeryShort) + 3,
        [
            Total::before(&cfg, ShadowVeryShort, 2),
            Total::before(&cfg, ShadowVeryShort, 1),
            Total::before(&cfg, ShadowVeryShort, 0),
        ]
    ),
    |w, _pen| {
        // A white candle, then three black ones. The colours alone rule out all but one bar
        // in sixteen: test them first.
        if w.whites(4) != 0b1000 {
            return 0;
        }
        let (white, first, second, third) = (w.c(3), w.c(2), w.c(1), w.c(0));
        let shape = (second.open < first.open)
            & (second.open > first.close)
            & (third.open < second.open)
            & (third.open > second.close)
            & (white.high > first.close)
            & (first.close > second.close)
            & (second.close > third.close);
        if all(shape)
            && first.lower() < w.avg(0, 2)
            && second.lower() < w.avg(1, 1)
            && third.lower() < w.avg(2, 0)
        {
            -100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdl3blackcrows",
    "CDL3BLACKCROWS",
    Cdl3BlackCrows,
    "Three black crows: three declining black candles closing near their lows"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        let white = [100.0, 103.2, 99.8, 103.0];
        let first = [102.9, 103.0, 100.95, 101.0];
        let second = [101.5, 101.6, 98.95, 99.0];
        check(
            "cdl3blackcrows",
            &[white, first, second, [100.0, 100.1, 96.95, 97.0]],
            -100,
        );
        check(
            "cdl3blackcrows",
            &[white, first, second, [100.0, 100.1, 96.0, 97.0]],
            0,
        );
    }
}
