//! Piercing pattern.

pattern_settings!(BodyLong);

candle_pattern!(
    /// Piercing: a long black candle, then a long white one opening below its low and closing
    /// above the middle of its body (but below its open). +100.
    CdlPiercing, fused: true, candles: 2, sums: 2,
    |cfg| (
        cfg.period(BodyLong) + 1,
        [Total::before(&cfg, BodyLong, 1), Total::before(&cfg, BodyLong, 0)]
    ),
    |w, _pen| {
        let (first, second) = (w.c(1), w.c(0));
        let shape = first.black()
            & second.white()
            & (second.open < first.low)
            & (second.close < first.open);
        // TA-Lib fuses `close + body * 0.5` (exact either way: halving is exact).
        if all(shape)
            && second.close > first.body().mul_add(0.5, first.close)
            && first.body() > w.avg(0, 1)
            && second.body() > w.avg(1, 0)
        {
            100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdlpiercing",
    "CDLPIERCING",
    CdlPiercing,
    "Piercing: a long white candle opening below a long black one and closing past its middle"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        check(
            "cdlpiercing",
            &[[103.0, 103.2, 99.8, 100.0], [99.5, 102.2, 99.4, 102.0]],
            100,
        );
        check(
            "cdlpiercing",
            &[[103.0, 103.2, 99.8, 100.0], [99.5, 101.2, 99.4, 101.0]],
            0,
        );
    }
}
