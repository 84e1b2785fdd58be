//! Breakaway.

pattern_settings!(BodyLong);

candle_pattern!(
    /// Breakaway: a long candle, a same-coloured body gapping away, two more bars extending the
    /// move, then an opposite candle closing inside the gap (+100 bullish after a falling
    /// sequence, -100 bearish after a rising one).
    CdlBreakaway, candles: 5, sums: 1,
    |cfg| (cfg.period(BodyLong) + 4, [Total::before(&cfg, BodyLong, 4)]),
    |w, _pen| {
        // Oldest first: the first, second and fourth alike, the third any, the fifth the
        // other colour. The colours alone rule out all but one bar in eight: test them first.
        if !matches!(w.whites(5) & 0b11011, 0b11010 | 0b00001) {
            return 0;
        }
        let (c1, c2, c3, c4, c5) = (w.c(4), w.c(3), w.c(2), w.c(1), w.c(0));
        let down = c1.black()
            & body_gap_down(&c2, &c1)
            & (c3.high < c2.high)
            & (c3.low < c2.low)
            & (c4.high < c3.high)
            & (c4.low < c3.low)
            & (c5.close > c2.open)
            & (c5.close < c1.close);
        let up = c1.white()
            & body_gap_up(&c2, &c1)
            & (c3.high > c2.high)
            & (c3.low > c2.low)
            & (c4.high > c3.high)
            & (c4.low > c3.low)
            & (c5.close < c2.open)
            & (c5.close > c1.close);
        if all(down | up) && c1.body() > w.avg(0, 4) {
            c5.color() * 100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdlbreakaway",
    "CDLBREAKAWAY",
    CdlBreakaway,
    "Breakaway: a gap and three bars extending a move, erased by a reversal into the gap"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires_both_ways() {
        let d1 = [103.0, 103.2, 99.8, 100.0];
        let d2 = [99.5, 99.6, 98.4, 98.5];
        let d3 = [98.5, 99.0, 97.5, 98.0];
        let d4 = [98.0, 98.5, 96.5, 97.0];
        check(
            "cdlbreakaway",
            &[d1, d2, d3, d4, [97.0, 99.8, 96.9, 99.7]],
            100,
        );
        check(
            "cdlbreakaway",
            &[d1, d2, d3, d4, [97.0, 98.8, 96.9, 98.7]],
            0,
        );
        let u1 = [100.0, 103.2, 99.8, 103.0];
        let u2 = [103.5, 104.6, 103.4, 104.5];
        let u3 = [104.5, 105.5, 104.0, 105.0];
        let u4 = [105.0, 106.5, 104.5, 106.0];
        check(
            "cdlbreakaway",
            &[u1, u2, u3, u4, [106.0, 106.1, 103.1, 103.2]],
            -100,
        );
    }
}
