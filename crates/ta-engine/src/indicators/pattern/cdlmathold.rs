//! Mat hold.

pattern_settings!(penetration = 0.5; BodyShort, BodyLong);

candle_pattern!(
    /// Mat hold: a long white candle, a small black body gapping up, two more small falling
    /// bodies holding within the first body (penetrating it by less than `penetration`), then
    /// a white candle closing above all their highs. +100.
    CdlMatHold, candles: 5, sums: 4,
    |cfg| (
        cfg.period(BodyShort).max(cfg.period(BodyLong)) + 4,
        [
            Total::before(&cfg, BodyLong, 4),
            Total::before(&cfg, BodyShort, 3),
            Total::before(&cfg, BodyShort, 2),
            Total::before(&cfg, BodyShort, 1),
        ]
    ),
    |w, penetration| {
        // White, black, any, any, white (oldest first). The colours alone rule out all but
        // one bar in eight: test them first.
        if w.whites(5) & 0b11001 != 0b10001 {
            return 0;
        }
        let (c1, c2, c3, c4, c5) = (w.c(4), w.c(3), w.c(2), w.c(1), w.c(0));
        let floor = c1.close - c1.body() * penetration;
        let shape = body_gap_up(&c2, &c1)
            & (c3.body_bottom() < c1.close)
            & (c4.body_bottom() < c1.close)
            & (c3.body_bottom() > floor)
            & (c4.body_bottom() > floor)
            & (c3.body_top() < c2.open)
            & (c4.body_top() < c3.body_top())
            & (c5.open > c4.close)
            & (c5.close > c2.high.max(c3.high).max(c4.high));
        if all(shape)
            && c1.body() > w.avg(0, 4)
            && c2.body() < w.avg(1, 3)
            && c3.body() < w.avg(2, 2)
            && c4.body() < w.avg(3, 1)
        {
            100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdlmathold",
    "CDLMATHOLD",
    CdlMatHold,
    "Mat hold: a long white candle, three small reaction bodies above its middle, a white breakout"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        let c1 = [100.0, 104.1, 99.9, 104.0];
        let c2 = [104.8, 105.0, 104.3, 104.5];
        let c3 = [104.2, 104.4, 103.5, 103.7];
        let c4 = [103.9, 104.0, 103.2, 103.4];
        check(
            "cdlmathold",
            &[c1, c2, c3, c4, [103.6, 105.6, 103.5, 105.5]],
            100,
        );
        check(
            "cdlmathold",
            &[c1, c2, c3, c4, [103.6, 104.9, 103.5, 104.8]],
            0,
        );
    }
}
