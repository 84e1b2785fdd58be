//! Thrusting pattern.

pattern_settings!(Equal, BodyLong);

candle_pattern!(
    /// Thrusting: a long black candle, then a white candle opening below its low and closing
    /// into its body, above its close but not past the middle. -100.
    CdlThrusting, fused: true, candles: 2, sums: 2,
    |cfg| (
        cfg.period(Equal).max(cfg.period(BodyLong)) + 1,
        [Total::before(&cfg, Equal, 1), Total::before(&cfg, BodyLong, 1)]
    ),
    |w, _pen| {
        let (first, second) = (w.c(1), w.c(0));
        let shape = first.black() & second.white() & (second.open < first.low);
        // TA-Lib fuses `close + body * 0.5` (exact either way: halving is exact).
        if all(shape)
            && second.close <= first.body().mul_add(0.5, first.close)
            && first.body() > w.avg(1, 1)
            && second.close > first.close + w.avg(0, 1)
        {
            -100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdlthrusting",
    "CDLTHRUSTING",
    CdlThrusting,
    "Thrusting: a white candle opening below a long black one and closing below its middle"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        let first = [103.0, 103.2, 99.8, 100.0];
        check("cdlthrusting", &[first, [99.0, 101.1, 98.9, 101.0]], -100);
        check("cdlthrusting", &[first, [99.0, 102.1, 98.9, 102.0]], 0);
    }
}
