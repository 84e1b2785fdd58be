//! Concealing baby swallow.

pattern_settings!(ShadowVeryShort);

candle_pattern!(
    /// Concealing baby swallow: two black marubozu, a black candle gapping down whose upper
    /// shadow reaches into the prior body, then a black candle engulfing it, shadows included.
    /// +100.
    CdlConcealBabysWall, candles: 4, sums: 3,
    |cfg| (
        cfg.period(ShadowVeryShort) + 3,
        [
            Total::before(&cfg, ShadowVeryShort, 3),
            Total::before(&cfg, ShadowVeryShort, 2),
            Total::before(&cfg, ShadowVeryShort, 1),
        ]
    ),
    |w, _pen| {
        // Four black candles. The colours alone rule out all but one bar in sixteen: test
        // them first.
        if w.whites(4) != 0 {
            return 0;
        }
        let (c1, c2, c3, c4) = (w.c(3), w.c(2), w.c(1), w.c(0));
        let shape = body_gap_down(&c3, &c2)
            & (c3.high > c2.close)
            & (c4.high > c3.high)
            & (c4.low < c3.low);
        if !all(shape) {
            return 0;
        }
        let (short_1, short_2) = (w.avg(0, 3), w.avg(1, 2));
        if c1.lower() < short_1
            && c1.upper() < short_1
            && c2.lower() < short_2
            && c2.upper() < short_2
            && c3.upper() > w.avg(2, 1)
        {
            100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdlconcealbabyswall",
    "CDLCONCEALBABYSWALL",
    CdlConcealBabysWall,
    "Concealing baby swallow: two black marubozu, a gap down, then an engulfing black candle"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        let c1 = [104.0, 104.05, 101.95, 102.0];
        let c2 = [102.0, 102.05, 99.95, 100.0];
        let c3 = [99.5, 100.5, 98.9, 99.0];
        check(
            "cdlconcealbabyswall",
            &[c1, c2, c3, [100.0, 100.8, 98.0, 98.5]],
            100,
        );
        check(
            "cdlconcealbabyswall",
            &[c1, c2, c3, [100.0, 100.4, 98.0, 98.5]],
            0,
        );
    }
}
