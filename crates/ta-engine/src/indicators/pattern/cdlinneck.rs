//! In-neck pattern.

pattern_settings!(Equal, BodyLong);

candle_pattern!(
    /// In-neck: a long black candle, then a white candle opening below its low and closing
    /// at or just above its close. -100.
    CdlInNeck, candles: 2, sums: 2,
    |cfg| (
        cfg.period(Equal).max(cfg.period(BodyLong)) + 1,
        [Total::before(&cfg, Equal, 1), Total::before(&cfg, BodyLong, 1)]
    ),
    |w, _pen| {
        let (first, second) = (w.c(1), w.c(0));
        let shape = first.black()
            & second.white()
            & (second.open < first.low)
            & (second.close >= first.close);
        if all(shape)
            && first.body() > w.avg(1, 1)
            && second.close <= first.close + w.avg(0, 1)
        {
            -100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdlinneck",
    "CDLINNECK",
    CdlInNeck,
    "In-neck: a white candle opening below a long black one and closing just into its body"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        let first = [103.0, 103.2, 99.8, 100.0];
        check("cdlinneck", &[first, [99.0, 100.1, 98.9, 100.05]], -100);
        check("cdlinneck", &[first, [99.0, 100.6, 98.9, 100.5]], 0);
    }
}
