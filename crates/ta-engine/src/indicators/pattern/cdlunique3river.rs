//! Unique three river.

pattern_settings!(BodyShort, BodyLong);

candle_pattern!(
    /// Unique three river: a long black candle, a black harami body with a lower low, then a
    /// small white candle opening above that low. +100.
    CdlUnique3River, candles: 3, sums: 2,
    |cfg| (
        cfg.period(BodyShort).max(cfg.period(BodyLong)) + 2,
        [Total::before(&cfg, BodyLong, 2), Total::before(&cfg, BodyShort, 0)]
    ),
    |w, _pen| {
        let (first, second, third) = (w.c(2), w.c(1), w.c(0));
        let shape = first.black()
            & second.black()
            & third.white()
            & (second.close > first.close)
            & (second.open <= first.open)
            & (second.low < first.low)
            & (third.open > second.low);
        if all(shape) && first.body() > w.avg(0, 2) && third.body() < w.avg(1, 0) {
            100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdlunique3river",
    "CDLUNIQUE3RIVER",
    CdlUnique3River,
    "Unique three river: a long black candle, a black harami with a lower low, a small white candle"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        let first = [103.0, 103.2, 99.8, 100.0];
        let second = [102.0, 102.1, 99.0, 100.5];
        check(
            "cdlunique3river",
            &[first, second, [99.5, 100.1, 99.4, 100.0]],
            100,
        );
        check(
            "cdlunique3river",
            &[first, second, [98.5, 100.1, 98.4, 100.0]],
            0,
        );
    }
}
