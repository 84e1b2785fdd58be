//! Ladder bottom.

pattern_settings!(ShadowVeryShort);

candle_pattern!(
    /// Ladder bottom: three black candles with lower opens and closes, a black candle with an
    /// upper shadow, then a white candle opening above its body and closing above its high.
    /// +100.
    CdlLadderBottom, candles: 5, sums: 1,
    |cfg| (cfg.period(ShadowVeryShort) + 4, [Total::before(&cfg, ShadowVeryShort, 1)]),
    |w, _pen| {
        // Four black candles, then a white one. The colours alone rule out all but one bar
        // in thirty-two: test them first.
        if w.whites(5) != 0b00001 {
            return 0;
        }
        let (c1, c2, c3, c4, c5) = (w.c(4), w.c(3), w.c(2), w.c(1), w.c(0));
        let shape = (c1.open > c2.open)
            & (c2.open > c3.open)
            & (c1.close > c2.close)
            & (c2.close > c3.close)
            & (c5.open > c4.open)
            & (c5.close > c4.high);
        if all(shape) && c4.upper() > w.avg(0, 1) {
            100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdlladderbottom",
    "CDLLADDERBOTTOM",
    CdlLadderBottom,
    "Ladder bottom: four falling black candles, then a white candle closing above the last high"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        let c1 = [106.0, 106.1, 103.9, 104.0];
        let c2 = [105.0, 105.1, 102.9, 103.0];
        let c3 = [104.0, 104.1, 101.9, 102.0];
        let c4 = [102.5, 103.5, 100.9, 101.0];
        check(
            "cdlladderbottom",
            &[c1, c2, c3, c4, [102.8, 104.1, 102.7, 104.0]],
            100,
        );
        check(
            "cdlladderbottom",
            &[c1, c2, c3, c4, [102.8, 103.6, 102.7, 103.4]],
            0,
        );
    }
}
