//! Upside gap two crows.

pattern_settings!(BodyShort, BodyLong);

candle_pattern!(
    /// Upside gap two crows: a long white candle, a small black body gapping up, then a black
    /// candle engulfing it but closing above the first close. -100.
    CdlUpsideGap2Crows, candles: 3, sums: 2,
    |cfg| (
        cfg.period(BodyShort).max(cfg.period(BodyLong)) + 2,
        [Total::before(&cfg, BodyLong, 2), Total::before(&cfg, BodyShort, 1)]
    ),
    |w, _pen| {
        let (first, second, third) = (w.c(2), w.c(1), w.c(0));
        let shape = first.white()
            & second.black()
            & body_gap_up(&second, &first)
            & third.black()
            & (third.open > second.open)
            & (third.close < second.close)
            & (third.close > first.close);
        if all(shape) && first.body() > w.avg(0, 2) && second.body() <= w.avg(1, 1) {
            -100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdlupsidegap2crows",
    "CDLUPSIDEGAP2CROWS",
    CdlUpsideGap2Crows,
    "Upside gap two crows: two black candles gapping above a long white one"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        let first = [100.0, 103.2, 99.8, 103.0];
        let second = [104.2, 104.3, 103.6, 103.7];
        check(
            "cdlupsidegap2crows",
            &[first, second, [104.5, 104.6, 103.3, 103.4]],
            -100,
        );
        check(
            "cdlupsidegap2crows",
            &[first, second, [104.5, 104.6, 102.3, 102.4]],
            0,
        );
    }
}
