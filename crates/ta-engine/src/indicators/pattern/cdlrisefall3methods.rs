//! Rising/falling three methods.

pattern_settings!(BodyShort, BodyLong);

candle_pattern!(
    /// Rising/falling three methods: a long candle, three small opposite bodies drifting back
    /// within its range, then a long candle of the first colour closing beyond the first
    /// (+100 rising: white first candle, -100 falling).
    CdlRiseFall3Methods, candles: 5, sums: 5,
    |cfg| (
        cfg.period(BodyShort).max(cfg.period(BodyLong)) + 4,
        [
            Total::before(&cfg, BodyLong, 4),
            Total::before(&cfg, BodyShort, 3),
            Total::before(&cfg, BodyShort, 2),
            Total::before(&cfg, BodyShort, 1),
            Total::before(&cfg, BodyLong, 0),
        ]
    ),
    |w, _pen| {
        // Oldest first: white, three black, white, or the reverse. The colours alone rule out
        // all but one bar in sixteen: test them first.
        if !matches!(w.whites(5), 0b10001 | 0b01110) {
            return 0;
        }
        let (c1, c2, c3, c4, c5) = (w.c(4), w.c(3), w.c(2), w.c(1), w.c(0));
        let within =
            |c: &super::candle::Candle| c.body_bottom() < c1.high && c.body_top() > c1.low;
        // TA-Lib multiplies by the first colour to test both directions at once (exact).
        let sign = f64::from(c1.color());
        if within(&c2)
            && within(&c3)
            && within(&c4)
            && c3.close * sign < c2.close * sign
            && c4.close * sign < c3.close * sign
            && c5.open * sign > c4.close * sign
            && c5.close * sign > c1.close * sign
            && c1.body() > w.avg(0, 4)
            && c2.body() < w.avg(1, 3)
            && c3.body() < w.avg(2, 2)
            && c4.body() < w.avg(3, 1)
            && c5.body() > w.avg(4, 0)
        {
            100 * c1.color()
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdlrisefall3methods",
    "CDLRISEFALL3METHODS",
    CdlRiseFall3Methods,
    "Rising/falling three methods: a long candle, three small reactions, a long continuation"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires_both_ways() {
        let w1 = [100.0, 103.2, 99.8, 103.0];
        let b2 = [103.2, 103.3, 102.4, 102.5];
        let b3 = [102.6, 102.7, 101.9, 102.0];
        let b4 = [102.1, 102.2, 101.4, 101.5];
        check(
            "cdlrisefall3methods",
            &[w1, b2, b3, b4, [101.8, 104.6, 101.7, 104.5]],
            100,
        );
        check(
            "cdlrisefall3methods",
            &[w1, b2, b3, b4, [101.8, 102.9, 101.7, 102.8]],
            0,
        );
        let d1 = [103.0, 103.2, 99.8, 100.0];
        let u2 = [99.8, 100.6, 99.7, 100.5];
        let u3 = [100.4, 101.1, 100.3, 101.0];
        let u4 = [100.9, 101.6, 100.8, 101.5];
        check(
            "cdlrisefall3methods",
            &[d1, u2, u3, u4, [101.2, 101.3, 98.4, 98.5]],
            -100,
        );
    }
}
