//! On-neck pattern.

pattern_settings!(Equal, BodyLong);

candle_pattern!(
    /// On-neck: a long black candle, then a white candle opening below its low and closing at
    /// (about) that low. -100.
    CdlOnNeck, candles: 2, sums: 2,
    |cfg| (
        cfg.period(Equal).max(cfg.period(BodyLong)) + 1,
        [Total::before(&cfg, Equal, 1), Total::before(&cfg, BodyLong, 1)]
    ),
    |w, _pen| {
        let (first, second) = (w.c(1), w.c(0));
        let shape = first.black() & second.white() & (second.open < first.low);
        if !all(shape) {
            return 0;
        }
        let equal = w.avg(0, 1);
        if first.body() > w.avg(1, 1)
            && second.close <= first.low + equal
            && second.close >= first.low - equal
        {
            -100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdlonneck",
    "CDLONNECK",
    CdlOnNeck,
    "On-neck: a white candle opening below a long black one and closing at its low"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        let first = [103.0, 103.2, 99.8, 100.0];
        check("cdlonneck", &[first, [99.0, 99.9, 98.9, 99.82]], -100);
        check("cdlonneck", &[first, [99.0, 100.1, 98.9, 100.05]], 0);
    }
}
