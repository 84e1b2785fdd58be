//! Three-line strike.

pattern_settings!(Near);

candle_pattern!(
    /// Three-line strike: three same-coloured candles advancing (each opening within or near
    /// the previous body), then an opposite candle wiping them out (+100 after three white,
    /// -100 after three black).
    Cdl3LineStrike, candles: 4, sums: 2,
    |cfg| (
        cfg.period(Near) + 3,
        [Total::before(&cfg, Near, 3), Total::before(&cfg, Near, 2)]
    ),
    |w, _pen| {
        // Three candles of one colour, then one of the other. The colours alone rule out all
        // but one bar in eight: test them first.
        if !matches!(w.whites(4), 0b1110 | 0b0001) {
            return 0;
        }
        let (c1, c2, c3, c4) = (w.c(3), w.c(2), w.c(1), w.c(0));
        let up = c3.white()
            & (c3.close > c2.close)
            & (c2.close > c1.close)
            & (c4.open > c3.close)
            & (c4.close < c1.open);
        let down = c3.black()
            & (c3.close < c2.close)
            & (c2.close < c1.close)
            & (c4.open < c3.close)
            & (c4.close > c1.open);
        if !all(up | down) {
            return 0;
        }
        let (near_1, near_2) = (w.avg(0, 3), w.avg(1, 2));
        if c2.open >= c1.body_bottom() - near_1
            && c2.open <= c1.body_top() + near_1
            && c3.open >= c2.body_bottom() - near_2
            && c3.open <= c2.body_top() + near_2
        {
            c3.color() * 100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdl3linestrike",
    "CDL3LINESTRIKE",
    Cdl3LineStrike,
    "Three-line strike: three advancing candles wiped out by one opposite candle"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires_both_ways() {
        let w1 = [100.0, 101.6, 99.9, 101.5];
        let w2 = [101.0, 102.6, 100.9, 102.5];
        let w3 = [102.0, 103.6, 101.9, 103.5];
        check(
            "cdl3linestrike",
            &[w1, w2, w3, [103.8, 103.9, 99.0, 99.5]],
            100,
        );
        check(
            "cdl3linestrike",
            &[w1, w2, w3, [103.8, 103.9, 100.0, 100.5]],
            0,
        );
        let b1 = [103.5, 103.6, 101.9, 102.0];
        let b2 = [102.5, 102.6, 100.9, 101.0];
        let b3 = [101.5, 101.6, 99.9, 100.0];
        check(
            "cdl3linestrike",
            &[b1, b2, b3, [99.8, 104.5, 99.7, 104.0]],
            -100,
        );
    }
}
